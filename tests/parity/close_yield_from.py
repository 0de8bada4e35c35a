# Row: gen.close() while delegating with `yield from`: the subgenerator is
# closed first (its finally runs), then the delegating generator's.
# (`sub` and `delegator` stand for an inner and an outer generator.)
# coro: closing the outer coroutine drops the sub-coroutine first (it is the
# newest local at the `yield_from!`), then the outer's older guards.
# Pinned by tests/parity.rs, fn close_yield_from.
import inspect


def sub():
    try:
        yield "inner 1"
        yield "inner 2"
    finally:
        print("finally inner")


def delegator():
    try:
        yield "outer 1"
        yield from sub()
        yield "outer 2"
    finally:
        print("finally outer")


g = delegator()
print("yielded", next(g))
print("yielded", next(g))
print("state", inspect.getgeneratorstate(g), "delegating to",
      inspect.getgeneratorstate(g.gi_yieldfrom))
g.close()
print("state", inspect.getgeneratorstate(g))
