# Row: copy.copy(gen). Python cannot copy a generator (TypeError); coro can
# clone a suspended coroutine whose saved locals are Clone (write `+ Clone`
# on the declared return type), and the clone runs independently.
# To print the same trace, this program rebuilds the fork by replaying the
# sends the original has seen.
# Pinned by tests/parity.rs, fn clone_fork.
import copy


def counter(start):
    n = start
    while True:
        step = yield n
        n += step


g = counter(10)
print("primed ->", next(g))
print("send 1 ->", g.send(1))
try:
    fork = copy.copy(g)
except TypeError:
    # Python: "cannot pickle 'generator' object". Replay instead.
    fork = counter(10)
    next(fork)
    fork.send(1)
else:
    raise SystemExit("copy.copy(gen) did not raise TypeError")
print("forked")
print("original send 5 ->", g.send(5))
print("fork send 100 ->", fork.send(100))
print("original send 1 ->", g.send(1))
print("fork send 1 ->", fork.send(1))
