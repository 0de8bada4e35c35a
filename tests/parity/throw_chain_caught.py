# Row: throw() through a 3-deep `yield from` chain (PEP 380): the exception
# goes to the innermost generator, which catches it and goes on; the outer
# ones see nothing. Sends reach the innermost too, and return values come
# back up the chain.
# coro: `yield_from!` forwards `g.throw(e)` (a resume with `Err(e)`) inward.
# Pinned by tests/parity.rs, fn throw_chain_caught.
import inspect


def inner():
    total = 0
    while True:
        try:
            n = yield total
        except ValueError as exc:
            print("inner caught", exc)
            continue
        if n == 0:
            return total
        total += n


def middle():
    result = yield from inner()
    print("middle got", result)
    return result * 10


def outer():
    result = yield from middle()
    print("outer got", result)
    return result + 1


g = outer()
print("primed ->", next(g))
print("send 5 ->", g.send(5))
print("throw ->", g.throw(ValueError("bad input")))
print("send 2 ->", g.send(2))
try:
    g.send(0)
except StopIteration as stop:
    print("complete", stop.value)
print("state", inspect.getgeneratorstate(g))
