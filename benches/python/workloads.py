#!/usr/bin/env python3
"""The five benchmark workloads as CPython generators, timed the same way: ns per
operation (per resume that yields), so docs/BENCHMARKS.md can put coro next to the
language its users come from.

The bodies are the Python originals of benches/workloads/coro_impl.rs. Prints one line
per workload, "<name> <ns per op>", after a human-readable report on stderr.

    python3 benches/python/workloads.py [--quick]
"""

import sys
import time
from collections import deque

W1_N = 1000
W2_N = 1000
W3_N = 333
W4_TASKS = 1000
W4_YIELDS = 10_000
MASK = (1 << 64) - 1


# W1 ---------------------------------------------------------------------------------
def countdown(n):
    while n > 0:
        yield n
        n -= 1


def w1():
    s = 0
    for x in countdown(W1_N):
        s += x
    return s


# W2 ---------------------------------------------------------------------------------
def averager():
    total = 0.0
    count = 0
    mean = 0.0
    while True:
        x = yield mean
        total += x
        count += 1
        mean = total / count


W2_INPUTS = [((i * 7919) % 1000) * 0.5 for i in range(W2_N)]
W2_COROUTINE = averager()
next(W2_COROUTINE)


def w2():
    send = W2_COROUTINE.send
    acc = 0.0
    for x in W2_INPUTS:
        acc += send(x)
    return acc


# W3 ---------------------------------------------------------------------------------
def sub(base, n):
    total = 0
    i = 0
    while i < n:
        v = (base + i) & MASK
        total = (total + v) & MASK
        yield v
        i += 1
    return total


def delegate(n):
    a = yield from sub(0, n)
    b = yield from sub(a, n)
    c = yield from sub(b, n)
    return a ^ b ^ c


def w3():
    s = 0
    g = delegate(W3_N)
    try:
        while True:
            s += next(g)
    except StopIteration as stop:
        return (s & MASK) ^ stop.value


# W4 ---------------------------------------------------------------------------------
def task(ident, n):
    i = 0
    while i < n:
        yield ident ^ i
        i += 1


def w4():
    tasks = deque(task(i, W4_YIELDS) for i in range(W4_TASKS))
    s = 0
    while tasks:
        t = tasks.popleft()
        try:
            s += next(t)
        except StopIteration:
            continue
        tasks.append(t)
    return s


# W5 ---------------------------------------------------------------------------------
PUNCT = {b: chr(b) for b in b"{}[]:,"}
PUNCT.update({b: None for b in b" \n\r\t"})


def punct(b):
    return PUNCT.get(b, ("error", b))


DIGITS = frozenset(b"0123456789")


def tokenizer():
    out = None
    while True:
        b = yield out
        if b == 0x22:  # '"'
            length = 0
            while True:
                c = yield None
                if c == 0x22:
                    break
                if c == 0x5C:  # '\\'
                    yield None
                length += 1
            out = ("str", length)
        elif b == 0x2D or b in DIGITS:
            negative = b == 0x2D
            n = 0 if negative else b - 0x30
            while True:
                c = yield None
                if c in DIGITS:
                    n = n * 10 + c - 0x30
                else:
                    break
            out = (("num", -n if negative else n), punct(c))
        elif b in b"tfn":
            rest, token = {0x74: (b"rue", True), 0x66: (b"alse", False), 0x6E: (b"ull", None)}[b]
            ok = True
            for expected in rest:
                c = yield None
                ok = ok and c == expected
            out = ("lit", token) if ok else ("error", b)
        else:
            out = punct(b)


def w5_document():
    parts = []
    for i in range(48):
        parts.append(
            '  {"id": %d, "name": "item \\"%d\\"", "score": -%d, "tags": ["a", "bc", "def"], '
            '"ok": %s, "next": null}' % (i, i, i * 37 + 5, "true" if i % 3 == 0 else "false")
        )
    return ("[\n" + ",\n".join(parts) + "\n]\n").encode()


W5_DOC = w5_document()
W5_COROUTINE = tokenizer()
next(W5_COROUTINE)


def w5():
    send = W5_COROUTINE.send
    tokens = 0
    for b in W5_DOC:
        if send(b) is not None:
            tokens += 1
    return tokens


# ------------------------------------------------------------------------------------
WORKLOADS = [
    ("w1_countdown", w1, W1_N),
    ("w2_averager", w2, W2_N),
    ("w3_delegation", w3, 3 * W3_N),
    ("w4_round_robin", w4, W4_TASKS * W4_YIELDS),
    ("w5_tokenizer", w5, len(W5_DOC)),
]


def ns_per_op(fn, ops, budget):
    """Best of several timed batches, each at least `budget` seconds or one call."""
    best = float("inf")
    batch = 1
    t0 = time.perf_counter()
    fn()
    one = time.perf_counter() - t0
    batch = max(1, int(budget / 5 / max(one, 1e-9)))
    for _ in range(5 if one < budget else 2):
        t0 = time.perf_counter_ns()
        for _ in range(batch):
            fn()
        best = min(best, (time.perf_counter_ns() - t0) / batch / ops)
    return best


def main():
    budget = 0.2 if "--quick" in sys.argv else 1.0
    assert w1() == W1_N * (W1_N + 1) // 2
    assert len(W5_DOC) > 4000
    print("CPython %s" % sys.version.split()[0], file=sys.stderr)
    for name, fn, ops in WORKLOADS:
        ns = ns_per_op(fn, ops, budget)
        print("%-16s %10.1f ns/op" % (name, ns), file=sys.stderr)
        print("%s %.2f" % (name, ns))


if __name__ == "__main__":
    main()
