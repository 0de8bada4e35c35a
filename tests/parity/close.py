# Row: gen.close() and try/finally, on a created, a suspended and a finished
# generator, and dropping a suspended one (`del gen`).
# Created: no body code runs, only the arguments are released. Suspended:
# the finally blocks run innermost first, then the arguments are released.
# Finished: nothing happens. A second close() does nothing.
# coro: `close()` (and drop) drops the locals alive at the suspension once,
# newest first: a drop guard is the finally block.
# Pinned by tests/parity.rs, fn close.
import inspect


class Arg:
    """Prints when CPython releases it (coro: a value with a Drop impl)."""

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("drop", self.name)


def worker(arg):
    print("worker starts", arg.name)
    try:
        try:
            yield 1
            yield 2
        finally:
            print("finally inner")
    finally:
        print("finally outer")


print("-- created")
g = worker(Arg("created"))
g.close()
print("state", inspect.getgeneratorstate(g))

print("-- suspended")
g = worker(Arg("suspended"))
print("yielded", next(g))
g.close()
print("state", inspect.getgeneratorstate(g))
g.close()
print("closed again")

print("-- complete")
g = worker(Arg("complete"))
for item in g:
    print("yielded", item)
print("state", inspect.getgeneratorstate(g))
g.close()
print("closed")

print("-- dropped")
g = worker(Arg("dropped"))
print("yielded", next(g))
del g
print("deleted")
