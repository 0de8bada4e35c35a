# Row: gen.throw(exc) not caught: the exception propagates out of throw(),
# finally blocks run on the way, and the generator is closed.
# coro: `yield_!(total)?` completes the coroutine with `Err(e)`, dropping its
# guards; `g.throw(e)` is `Ok(Complete(Err(e)))`.
# Pinned by tests/parity.rs, fn throw_uncaught.
import inspect


def strict():
    try:
        total = 0
        while True:
            n = yield total
            total += n
    finally:
        print("finally strict")


g = strict()
print("primed ->", next(g))
print("send 5 ->", g.send(5))
try:
    g.throw(ValueError("bad input"))
except ValueError as exc:
    print("throw raised", exc)
print("state", inspect.getgeneratorstate(g))
