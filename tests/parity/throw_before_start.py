# Row: gen.throw(exc) on a generator that has not started: none of the body
# runs (not even its try/finally), the arguments are released, the generator
# is closed and the exception comes straight back out of throw().
# coro: `g.throw(e)` on a created coroutine closes it (drops the arguments)
# and returns `Err(e)`.
# Pinned by tests/parity.rs, fn throw_before_start.
import inspect


class Arg:
    """Prints when CPython releases it (coro: a value with a Drop impl)."""

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("drop", self.name)


def guarded(arg):
    try:
        print("body runs", arg.name)
        yield 1
    finally:
        print("finally guarded")


g = guarded(Arg("arg"))
print("state", inspect.getgeneratorstate(g))
try:
    g.throw(ValueError("too early"))
except ValueError as exc:
    message = str(exc)
# Leaving the except block freed the traceback, and with it the generator's
# frame: "drop arg" is printed above this line, as coro drops the argument
# before throw() returns.
print("throw raised", message)
print("state", inspect.getgeneratorstate(g))
