# Row: sending to a finished generator. Python raises StopIteration again;
# coro panics with "coroutine `once` resumed after completion" (the Rust test
# checks that message), so both print "refused".
# Pinned by tests/parity.rs, fn send_after_completion.
import inspect


def once():
    x = yield "first"
    print("got", x)
    return "done"


g = once()
print("yielded", next(g))
try:
    g.send("x")
except StopIteration as stop:
    print("complete", stop.value)
print("state", inspect.getgeneratorstate(g))
try:
    g.send("again")
except StopIteration:
    print("send after completion: refused")
print("state", inspect.getgeneratorstate(g))
