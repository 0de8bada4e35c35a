# Row: throw() through a 3-deep `yield from` chain that nobody catches: the
# exception is raised at the innermost yield, unwinds each generator in turn
# (innermost finally first) and comes out of throw() at the outermost.
# coro: `yield_!(v)?` completes the innermost with `Err(e)`, which each
# `yield_from!(sub)?` passes up; `g.throw(e)` is `Ok(Complete(Err(e)))`.
# Pinned by tests/parity.rs, fn throw_chain_uncaught.
import inspect


def strict_inner():
    try:
        total = 0
        while True:
            n = yield total
            total += n
    finally:
        print("finally inner")


def strict_middle():
    try:
        result = yield from strict_inner()
        print("middle got", result)
        return result
    finally:
        print("finally middle")


def strict_outer():
    try:
        result = yield from strict_middle()
        print("outer got", result)
        return result
    finally:
        print("finally outer")


g = strict_outer()
print("primed ->", next(g))
print("send 5 ->", g.send(5))
try:
    g.throw(ValueError("bad input"))
except ValueError as exc:
    print("throw raised", exc)
print("state", inspect.getgeneratorstate(g))
