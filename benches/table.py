#!/usr/bin/env python3
"""Turns the raw outputs benches/run.sh collects into the Markdown tables of
docs/BENCHMARKS.md.

    python3 benches/table.py RESULTS_DIR

RESULTS_DIR may hold: stable.txt (divan output of benches/coroutines.rs), native.txt
(divan output of benches/native), sizes.txt, callgrind.txt ("<workload> <impl> <ops>
<Ir>" lines), python.txt ("<workload> <ns/op>" lines) and compile.txt. Missing files are
skipped. Ratios are always taken within one file, that is within one process.
"""

import os
import re
import sys

WORKLOADS = [
    ("w1_countdown", "W1 countdown"),
    ("w2_averager", "W2 averager (send)"),
    ("w3_delegation", "W3 delegation (yield_from!)"),
    ("w4_round_robin", "W4 round robin, 1000 tasks"),
    ("w5_tokenizer", "W5 JSON tokenizer (send)"),
]
# The shapes users write, measured under callgrind for hand-written and coro only.
USER_SHAPES = [
    ("w6_upto", "W6 `for i in 1..=m { yield_!(i) }`"),
    ("w7_delegation_range", "W7 W3 with `for` over `1..=n`"),
    ("w8_walker", "W8 saved struct with `bool`/`Option`"),
    ("w9_owned", "W9 `for x in vec { yield_!(x) }`"),
]
PEERS = [
    ("coro_static", "coro static"),
    ("genawaiter_stack", "genawaiter stack"),
    ("genawaiter_rc", "genawaiter rc"),
    ("corosensei", "corosensei"),
]
UNITS = {"ps": 1e-3, "ns": 1.0, "µs": 1e3, "us": 1e3, "ms": 1e6, "s": 1e9}
TARGET_RATIO = 1.10


def read(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return f.read()


def parse_divan(text):
    """{workload: {impl: ns per op}} from divan's tree output (median column)."""
    ops = {}
    m = re.search(r"ops per iteration: (.*)", text)
    if m:
        for part in m.group(1).split():
            key, value = part.split("=")
            ops[key] = int(value)
    results, group = {}, None
    for line in text.splitlines():
        m = re.match(r"^(?P<prefix>[│ ]*)[├╰]─ (?P<name>\S+)(?P<rest>.*)$", line)
        if not m or "│" not in m.group("rest"):
            continue
        depth = len(m.group("prefix")) // 3
        cols = [c.strip() for c in m.group("rest").split("│")]
        if depth == 0:
            group = m.group("name")
            results.setdefault(group, {})
            continue
        if group is None or len(cols) < 3:
            continue
        median = cols[2].split()
        if len(median) != 2 or median[1] not in UNITS:
            continue
        ns = float(median[0]) * UNITS[median[1]]
        results[group][m.group("name")] = ns / ops.get(group, 1)
    return results


def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 100:
        return "%.0f" % ns
    if ns >= 10:
        return "%.1f" % ns
    return "%.2f" % ns


def cell(ns, base):
    if ns is None:
        return "–"
    if not base:
        return fmt_ns(ns)
    return "%s (%.2fx)" % (fmt_ns(ns), ns / base)


def time_table(stable, python):
    out = ["| workload | hand-written | **coro** | coro static | genawaiter stack | genawaiter rc | corosensei |"
           + (" CPython 3 |" if python else "")]
    out.append("|---|---|---|---|---|---|---|" + ("---|" if python else ""))
    for key, label in WORKLOADS + USER_SHAPES:
        row = stable.get(key, {})
        hand = row.get("hand")
        cells = [cell(hand, hand), "**%s**" % cell(row.get("coro"), hand)]
        cells += [cell(row.get(p), hand) for p, _ in PEERS]
        if python:
            cells.append(cell(python.get(key), hand))
        out.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(out)


def native_table(native):
    out = ["| workload | hand-written | coro | rustc native | coro / native |", "|---|---|---|---|---|"]
    for key, label in WORKLOADS:
        row = native.get(key, {})
        hand, coro, nat = row.get("hand"), row.get("coro"), row.get("native")
        ratio = "%.2fx" % (coro / nat) if coro and nat else "–"
        out.append("| %s | %s | %s | %s | %s |" % (label, cell(hand, hand), cell(coro, hand), cell(nat, hand), ratio))
    return "\n".join(out)


def parse_callgrind(text):
    res = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 4:
            w, imp, ops, ir = parts
            res.setdefault(w, {})[imp] = int(ir) / int(ops)
    return res


def callgrind_table(cg):
    impls = ["hand", "coro"] + [p for p, _ in PEERS]
    out = ["| workload | hand-written | **coro** | coro static | genawaiter stack | genawaiter rc | corosensei |",
           "|---|---|---|---|---|---|---|"]
    for key, label in WORKLOADS + USER_SHAPES:
        row = cg.get(key.split("_")[0], {})
        hand = row.get("hand")
        cells = []
        for imp in impls:
            v = row.get(imp)
            if v is None:
                cells.append("–")
            elif imp == "hand":
                cells.append("%.1f" % v)
            else:
                cells.append("%.1f (%.2fx)" % (v, v / hand) if hand else "%.1f" % v)
        cells[1] = "**%s**" % cells[1]
        out.append("| %s | %s |" % (label, " | ".join(cells)))
    return "\n".join(out)


def targets(stable, cg):
    lines = []
    for key, label in WORKLOADS:
        row = stable.get(key, {})
        hand, coro = row.get("hand"), row.get("coro")
        if not hand or not coro:
            continue
        ratio = coro / hand
        verdict = "met" if ratio <= TARGET_RATIO else "MISSED"
        slower_peers = [name for p, name in PEERS if row.get(p) is not None and row[p] <= coro]
        peers = "faster than every peer" if not slower_peers else "MISSED: not faster than " + ", ".join(slower_peers)
        lines.append("- %s: coro/hand %.2fx (target <= %.2fx: %s); %s" % (label, ratio, TARGET_RATIO, verdict, peers))
    return "\n".join(lines)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    d = sys.argv[1]
    stable_txt, native_txt = read(d, "stable.txt"), read(d, "native.txt")
    stable = parse_divan(stable_txt) if stable_txt else {}
    python = {}
    py_txt = read(d, "python.txt")
    if py_txt:
        for line in py_txt.splitlines():
            parts = line.split()
            if len(parts) == 2:
                python[parts[0]] = float(parts[1])
    cg_txt = read(d, "callgrind.txt")
    cg = parse_callgrind(cg_txt) if cg_txt else {}

    if stable:
        print("### Time per operation (ns, median; ratio to hand-written from the same run)\n")
        print(time_table(stable, python))
        print()
    if native_txt:
        print("### rustc's native coroutines (nightly, one process: hand-written, coro, native)\n")
        print(native_table(parse_divan(native_txt)))
        print()
    if cg:
        print("### Instructions per operation (callgrind, Ir; ratio to hand-written)\n")
        print(callgrind_table(cg))
        print()
    sizes = read(d, "sizes.txt")
    if sizes:
        print("### State size (bytes, size_of)\n")
        rows = [l for l in sizes.splitlines() if l.startswith("|")]
        if native_txt:
            rows += [l for l in native_txt.splitlines() if l.startswith("| rustc native")]
        print("\n".join(rows))
        print()
    compile_txt = read(d, "compile.txt")
    if compile_txt:
        print("### Compile cost\n")
        print(compile_txt.strip())
        print()
    if stable:
        print("### Targets (from the stable run above)\n")
        print(targets(stable, cg))


if __name__ == "__main__":
    main()
