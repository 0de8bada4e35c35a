# Row: gen.throw(exc) caught inside the generator, which goes on: throw()
# returns the next yielded value.
# coro: `match yield_!(total) { Ok(n) => .., Err(e) => .. }`; `g.throw(e)` is
# `Ok(Yielded(next))`.
# Pinned by tests/parity.rs, fn throw_caught.
import inspect


def resilient():
    total = 0
    while True:
        try:
            n = yield total
        except ValueError as exc:
            print("caught", exc)
            continue
        total += n


g = resilient()
print("primed ->", next(g))
print("send 5 ->", g.send(5))
print("throw ->", g.throw(ValueError("bad input")))
print("send 2 ->", g.send(2))
print("state", inspect.getgeneratorstate(g))
