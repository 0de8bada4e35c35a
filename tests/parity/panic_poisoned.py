# Row: an exception inside the body. It propagates out of next(), finally
# blocks run on the way, and the generator is closed: next() then raises
# StopIteration.
# coro: a panic unwinds out of `resume`/`next`, dropping the guards; the
# coroutine is Complete and poisoned (Debug shows `panicked: true`), the
# iterator gives None, and `resume` panics "resumed after panicking".
# Pinned by tests/parity.rs, fn panic_poisoned.
import inspect


def fragile():
    try:
        yield 1
        raise RuntimeError("boom")
        yield 2
    finally:
        print("finally fragile")


g = fragile()
print("yielded", next(g))
try:
    next(g)
except RuntimeError as exc:
    print("raised", exc)
print("state", inspect.getgeneratorstate(g))
print("next", next(g, "exhausted"))
