# Row: priming. next(gen) (or gen.send(None)) runs a fresh generator to its
# first yield, so that the next send() lands in a yield; Beazley's @coroutine
# decorator does that on every call.
# coro: `start()`; `#[coro::coroutine(primed)]` on the fn; `.primed()` on a value.
# Pinned by tests/parity.rs, fn priming.
import functools
import inspect


def coroutine(func):
    """Beazley's @coroutine: call the generator function, then prime it."""
    @functools.wraps(func)
    def start(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        return gen
    return start


def echo(prefix):
    print(prefix, "ready")
    while True:
        line = yield
        print(prefix, "got", line)


@coroutine
def primed_echo(prefix):
    print(prefix, "ready")
    while True:
        line = yield
        print(prefix, "got", line)


g = echo("manual")
print("state", inspect.getgeneratorstate(g))
print("next ->", next(g))  # the bare yield hands out None
print("state", inspect.getgeneratorstate(g))
g.send("a")

h = echo("send-none")
print("send(None) ->", h.send(None))  # the other spelling of priming
h.send("b")

p = primed_echo("decorated")
print("state", inspect.getgeneratorstate(p))
p.send("c")

q = coroutine(echo)("wrapped")
print("state", inspect.getgeneratorstate(q))
q.send("d")

# Not in the trace: Python refuses a first send of anything but None
# (TypeError); coro drops a first resume's argument instead (docs/PYTHON.md).
try:
    echo("early").send("e")
except TypeError:
    pass
else:
    raise SystemExit("send(non-None) to a just-started generator did not raise")
