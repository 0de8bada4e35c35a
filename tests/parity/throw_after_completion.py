# Row: gen.throw(exc) on a finished generator: the exception comes straight
# back out and the generator stays closed.
# coro: `g.throw(e)` on a complete coroutine returns `Err(e)`.
# Pinned by tests/parity.rs, fn throw_after_completion.
import inspect


def one():
    yield 1


g = one()
print("yielded", next(g))
try:
    g.send(None)
except StopIteration as stop:
    print("complete", stop.value)
try:
    g.throw(ValueError("too late"))
except ValueError as exc:
    print("throw raised", exc)
print("state", inspect.getgeneratorstate(g))
