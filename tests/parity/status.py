# Row: inspect.getgeneratorstate at every stage: created, suspended, and
# closed (by returning, by close(), by an uncaught throw(), by close() before
# starting). GEN_RUNNING has no counterpart: resume takes &mut self.
# coro: `status()`: Status::Created / Suspended / Complete.
# Pinned by tests/parity.rs, fn status.
import inspect


def state(gen):
    return inspect.getgeneratorstate(gen)


def two():
    x = yield 1
    yield x


g = two()
print("created:", state(g))
next(g)
print("after next:", state(g))
g.send(2)
print("after send:", state(g))
next(g, None)
print("after return:", state(g))

g = two()
next(g)
g.close()
print("after close:", state(g))

g = two()
next(g)
try:
    g.throw(ValueError("uncaught"))
except ValueError:
    pass
print("after uncaught throw:", state(g))

g = two()
g.close()
print("closed before start:", state(g))
