# Row: `gen = f()` runs nothing. Calling a generator function only builds the
# generator; the body runs on the first next(), up to the first yield.
# coro: `f()` builds the state machine; `next()` / `resume` runs it.
# Pinned by tests/parity.rs, fn lazy_start.
import inspect


def countdown(n):
    print("body starts")
    while n > 0:
        yield n
        n -= 1
    print("body ends")


gen = countdown(2)
print("called countdown(2)")
print("state", inspect.getgeneratorstate(gen))
print("next", next(gen))
print("state", inspect.getgeneratorstate(gen))
print("next", next(gen))
print("next", next(gen, "exhausted"))
print("state", inspect.getgeneratorstate(gen))
