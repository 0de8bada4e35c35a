#!/usr/bin/env python3
"""Differential tester: random bodies under `#[coro::coroutine]` vs rustc's own coroutines.

See README.md for the commands. In short: `gen.py` writes bodies; each batch of bodies
becomes one stable crate that depends on coro by path and one nightly program using
`#[coroutine] static move |_: i32| { .. }`; both are driven with the same resume values
and their traces (yields, sends, returns, drops) are compared line by line.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen  # noqa: E402

FUZZ_DIR = Path(__file__).resolve().parent
REPO = FUZZ_DIR.parent

# Shared by both programs: the trace, the logging helpers and `case`, which runs one body
# and prints `case NAME` followed by its events (a panic is an event too, so one body that
# panics does not hide the others).
COMMON = r"""
use std::cell::RefCell;

thread_local!(static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) });
fn log(s: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(s.into()));
}
fn log_i(tag: &str, v: i32) {
    log(format!("{tag} {v}"));
}
struct Guard(&'static str);
impl Guard {
    fn v(&self, x: i32) -> i32 {
        log(format!("use {}", self.0));
        x
    }
    fn eat(self, x: i32) -> i32 {
        log(format!("eat {}", self.0));
        x
    }
}
impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}
struct Pair {
    g: Guard,
    n: i32,
}
macro_rules! log_it {
    ($($t:tt)*) => {
        log(format!($($t)*))
    };
}
macro_rules! twice {
    ($e:expr) => {
        add($e, $e)
    };
}
fn add(a: i32, b: i32) -> i32 {
    a + b
}
fn add3(a: i32, b: i32, c: i32) -> i32 {
    a + b + c
}
fn opt(x: i32) -> Option<i32> {
    if x % 4 == 3 { None } else { Some(x) }
}
fn res(x: i32) -> Result<i32, i32> {
    if x % 4 == 3 { Err(x) } else { Ok(x) }
}
fn case(name: &str, f: impl FnOnce()) {
    println!("case {name}");
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    if let Err(e) = r {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        log(format!("panic {msg}"));
    }
    for l in LOG.with(|l| std::mem::take(&mut *l.borrow_mut())) {
        println!("{l}");
    }
}
"""

# The sub-coroutines of `yield_from!`; `{attr}`, `{open}` and `{close}` make them a
# `#[coro::coroutine]` or a function returning a native coroutine.
SUBS = r"""
{attr}
fn sub_count(n: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {open}
    let mut t = 0;
    for i in 0..n {
        let s = yield_!(i * 10);
        log_i("sub_count got", s);
        t += s;
    }
    t
{close}
{attr}
fn sub_guarded(n: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {open}
    let _g = Guard("sub");
    let s = yield_!(n + 50);
    log_i("sub_guarded got", s);
    s + n
{close}
"""

CORO_HEAD = r"""
use coro::{Coroutine, yield_, yield_from};
fn drive<C: Coroutine<i32>>(mut c: C, resumes: i32)
where
    C::Yield: std::fmt::Debug,
    C::Return: std::fmt::Debug,
{
    for i in 0..resumes {
        let st = c.resume(100 + i);
        log(format!("-> {st:?}"));
        if st.is_complete() {
            break;
        }
    }
    drop(c);
    log("dropped");
}
"""

NATIVE_HEAD = r"""#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
#![allow(warnings)]
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;
// The body's text is the same in both programs: these give it coro's two macros.
macro_rules! yield_ {
    ($e:expr) => {
        yield $e
    };
}
// PEP 380 as coro implements it: start the sub without a value (a native coroutine has
// to be resumed with one; the subs ignore their first resume value, as coro's drop it),
// then forward each sent value, and evaluate to the sub's return value.
macro_rules! yield_from {
    ($e:expr) => {{
        let mut sub = Box::pin($e);
        let mut arg = 0i32;
        loop {
            match sub.as_mut().resume(arg) {
                CoroutineState::Yielded(v) => arg = yield v,
                CoroutineState::Complete(r) => break r,
            }
        }
    }};
}
fn drive<C: Coroutine<i32>>(c: C, resumes: i32)
where
    C::Yield: std::fmt::Debug,
    C::Return: std::fmt::Debug,
{
    let mut c = Box::pin(c);
    for i in 0..resumes {
        let st = c.as_mut().resume(100 + i);
        log(format!("-> {st:?}"));
        if let CoroutineState::Complete(_) = st {
            break;
        }
    }
    drop(c);
    log("dropped");
}
"""

RET_TYPES = {"i32": "i32", "opt": "Option<i32>", "res": "Result<i32, i32>"}

# The attribute on each body: `--static` tests `#[coro::coroutine(static)]` instead (the
# sub-coroutines stay default ones, so `yield_from!` crosses the flavours).
ATTR = "#[coro::coroutine]"


class Body:
    def __init__(self, seed, index, features, source=None):
        self.seed = seed
        self.index = index
        self.name = f"b{index}"
        if source is None:
            self.ret, self.text, self.resumes = gen.generate(seed, index, features)
        else:
            self.parse(source)
        self.native_errors = []
        self.coro_errors = []
        self.native_trace = None
        self.coro_trace = None

    def parse(self, source):
        """A body written out by `write_report` (or by hand in that shape): the header's
        `resumes N`, the signature's `Return = R`, the function's block."""
        m = re.search(r"resumes (\d+)", source)
        self.resumes = int(m.group(1)) if m else 6
        fn = re.search(r"^#\[coro::coroutine(\(static\))?\]\n", source, re.M).end()
        m = re.compile(r"Return = (.*)> \{\n").search(source, fn)
        self.ret = {v: k for k, v in RET_TYPES.items()}[m.group(1)]
        self.text = source[m.end() : source.rindex("}")].strip("\n")

    def coro_fn(self):
        r = RET_TYPES[self.ret]
        return (
            f"{ATTR}\nfn {self.name}(p: i32) -> "
            f"impl Coroutine<i32, Yield = i32, Return = {r}> {{\n{self.text}\n}}\n"
        )

    def native_fn(self):
        r = RET_TYPES[self.ret]
        return (
            f"fn {self.name}(p: i32) -> impl Coroutine<i32, Yield = i32, Return = {r}> {{\n"
            f"#[coroutine]\nstatic move |_: i32| -> {r} {{\n{self.text}\n}}\n}}\n"
        )


def fill(template, attr, open_, close):
    return template.replace("{attr}", attr).replace("{open}", open_).replace("{close}", close)


def program(bodies, native):
    """The source of one program and, per body, the lines its function spans."""
    if native:
        head = NATIVE_HEAD + COMMON
        subs = fill(SUBS, "", "{\n#[coroutine]\nstatic move |_: i32| {", "}\n}")
    else:
        head = "#![allow(warnings)]\n" + COMMON + CORO_HEAD
        subs = fill(SUBS, "#[coro::coroutine]", "{", "}")
    src = head + subs
    spans = {}
    for b in bodies:
        start = src.count("\n") + 1
        src += b.native_fn() if native else b.coro_fn()
        spans[b.name] = (start, src.count("\n") + 1)
    # `PROGRAM NAME` runs the cases after NAME only: `run` goes on that way past a case
    # that kills the program (a crash of rustc's own coroutines has been seen).
    src += "fn main() {\n"
    src += "    std::panic::set_hook(Box::new(|_| {}));\n"
    src += "    let after = std::env::args().nth(1);\n"
    src += "    let mut on = after.is_none();\n"
    for b in bodies:
        src += f'    if on {{ case("{b.name}", || drive({b.name}(3), {b.resumes})); }}\n'
        src += f'    on |= after.as_deref() == Some("{b.name}");\n'
    src += "}\n"
    return src, spans


def span_lines(msg, file_suffix):
    """The lines of `file_suffix` an error's primary spans point at, macro expansions
    followed back (the notes' spans may point into other bodies: "a similar name")."""
    out = []

    def walk_span(s):
        if s["file_name"].endswith(file_suffix):
            out.append(s["line_start"])
        if s.get("expansion"):
            walk_span(s["expansion"]["span"])

    spans = msg.get("spans", [])
    for s in [s for s in spans if s.get("is_primary")] or spans:
        walk_span(s)
    return out


def category(msg):
    """An error's kind without the names in it: `E0382 use of moved value: _`."""
    text = msg["message"]
    # The primary label tells apart kinds that share a message ("mismatched types").
    labels = [s["label"] for s in msg.get("spans", []) if s.get("is_primary") and s.get("label")]
    if labels and msg.get("code"):
        text += f" [{labels[0]}]"
    text = re.sub(r"`[^`]*`", "_", text)
    text = re.sub(r"\d+", "N", text)
    code = (msg.get("code") or {}).get("code") or "coro"
    return f"{code} {text.strip()}"


def assign_errors(messages, spans, file_suffix):
    """Errors per body name; errors no body's lines hold go under None."""
    per = {}
    for m in messages:
        if m.get("level") != "error":
            continue
        if not m.get("spans"):
            continue  # "aborting due to N previous errors" and the like
        names = set()
        for line in span_lines(m, file_suffix):
            for name, (a, b) in spans.items():
                if a <= line < b:
                    names.add(name)
        for name in names or [None]:
            per.setdefault(name, []).append(m)
    return per


def build_native(bodies, work):
    """Compiles the nightly program, dropping bodies rustc rejects; returns the binary."""
    live = list(bodies)
    for _ in range(6):
        src, spans = program(live, native=True)
        path = work / "native.rs"
        path.write_text(src)
        exe = work / "native"
        p = subprocess.run(
            ["rustc", "+nightly", "--edition", "2024", "--error-format=json", "-o", str(exe), str(path)],
            capture_output=True,
            text=True,
        )
        if p.returncode == 0:
            return exe, live
        msgs = [json.loads(line) for line in p.stderr.splitlines() if line.startswith("{")]
        per = assign_errors(msgs, spans, "native.rs")
        if set(per) <= {None}:
            raise RuntimeError("native program fails outside any body:\n" + p.stderr[-5000:])
        for b in live:
            b.native_errors += per.get(b.name, [])
        live = [b for b in live if b.name not in per]
    raise RuntimeError("native program still fails after 6 rounds")


def build_coro(bodies, work, target):
    """Builds the stable crate, dropping bodies that fail to compile; returns the binary."""
    crate = work / "coro_batch"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "coro_fuzz_batch"\nversion = "0.0.0"\nedition = "2024"\n\n'
        f'[dependencies]\ncoro = {{ path = "{REPO}" }}\n\n[workspace]\n'
    )
    live = list(bodies)
    for _ in range(8):
        src, spans = program(live, native=False)
        (crate / "src/main.rs").write_text(src)
        env = dict(os.environ, CARGO_TARGET_DIR=str(target))
        env.pop("CORO_MACROS_DEBUG", None)
        p = subprocess.run(
            ["cargo", "build", "--quiet", "--message-format=json", "--manifest-path", str(crate / "Cargo.toml")],
            capture_output=True,
            text=True,
            env=env,
        )
        if p.returncode == 0:
            return target / "debug/coro_fuzz_batch", live
        msgs = []
        for line in p.stdout.splitlines():
            if line.startswith("{"):
                j = json.loads(line)
                if j.get("reason") == "compiler-message":
                    msgs.append(j["message"])
        per = assign_errors(msgs, spans, "main.rs")
        if set(per) <= {None}:
            rendered = "\n".join(m["rendered"] for m in per.get(None, []))
            raise RuntimeError("coro crate fails outside any body:\n" + (rendered or p.stderr[-5000:]))
        for b in live:
            b.coro_errors += per.get(b.name, [])
        live = [b for b in live if b.name not in per]
    raise RuntimeError("coro crate still fails after 8 rounds")


def run(exe):
    """Traces per case name of one program. A case that kills the program ends its trace
    with `<exit ..>` (or `<timeout>`), and the program runs again for the cases after it."""
    traces, after = {}, []
    while True:
        try:
            p = subprocess.run([str(exe)] + after, capture_output=True, text=True, timeout=120)
            out, failure = p.stdout, (p.returncode != 0 and f"<exit {p.returncode}: {p.stderr.strip()[-300:]}>")
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            failure = "<timeout>"
        cur = None
        for line in out.splitlines():
            if line.startswith("case "):
                cur = line[5:]
                traces[cur] = []
            elif cur is not None:
                traces[cur].append(line)
        if not failure or cur is None:
            return traces
        traces[cur].append(failure)  # the case that was running when the program died
        after = [cur]


def run_batch(seed, indices, features, work, target):
    return run_batch_bodies([Body(seed, i, features) for i in indices], work, target)


def run_batch_bodies(bodies, work, target):
    work.mkdir(parents=True, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        fn = pool.submit(build_native, bodies, work)
        fc = pool.submit(build_coro, bodies, work, target)
        native_exe, _ = fn.result()
        coro_exe, _ = fc.result()
    nt, ct = run(native_exe), run(coro_exe)
    for b in bodies:
        b.native_trace = nt.get(b.name)
        b.coro_trace = ct.get(b.name)
    return bodies


def died(trace):
    return bool(trace) and trace[-1].startswith(("<exit", "<timeout>"))


def outcome(b):
    if b.native_errors:
        return "rustc_rejected"
    if b.coro_errors:
        return "coro_rejected"
    if b.native_trace is None or (died(b.native_trace) and not died(b.coro_trace or [])):
        # rustc's own coroutine crashed (a nightly bug, not an oracle): no verdict.
        return "native_crashed"
    if b.native_trace == b.coro_trace:
        return "identical"
    return "different"


def first_difference(a, b):
    a, b = a or [], b or []
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def write_report(b, out):
    kind = outcome(b)
    d = out / kind
    d.mkdir(parents=True, exist_ok=True)
    lines = [f"// seed {b.seed}, body {b.index}, resumes {b.resumes}, returns {RET_TYPES[b.ret]}"]
    if kind == "coro_rejected":
        lines.append("// coro's errors:")
        for m in b.coro_errors:
            lines += ["//   " + x for x in m["rendered"].splitlines()]
    if kind == "different":
        i = first_difference(b.coro_trace, b.native_trace)
        lines.append(f"// traces differ from line {i + 1}: {difference_kind(b)}")
        lines.append("// coro:")
        lines += ["//   " + x for x in b.coro_trace]
    lines.append("// native:")
    lines += ["//   " + x for x in (b.native_trace or [])]
    (d / f"{b.seed}_{b.index}.rs").write_text("\n".join(lines) + "\n" + b.coro_fn())


MARK = "// -- what each compiler makes of it (fuzz.py --check --annotate):"


def annotate(path, b):
    """Rewrites the comment between MARK and the function with `b`'s outcome and traces."""
    text = Path(path).read_text()
    fn = re.search(r"^#\[coro::coroutine\]\n", text, re.M).start()
    head = text[:fn]
    head = head[: head.index(MARK)] if MARK in head else head
    lines = [MARK, f"// outcome: {outcome(b)}"]
    for who, errs in (("rustc", b.native_errors), ("coro", b.coro_errors)):
        for m in errs[:2]:
            lines.append(f"// {who}'s error:")
            lines += ["//   " + x for x in m["rendered"].rstrip().splitlines()]
    if b.coro_trace is not None:
        lines.append("// coro trace:")
        lines += ["//   " + x for x in b.coro_trace]
    if b.native_trace is not None:
        lines.append("// native trace:")
        lines += ["//   " + x for x in b.native_trace]
    Path(path).write_text(head + "\n".join(lines) + "\n" + text[fn:])


def check_files(files, work, target, write):
    """Runs hand-picked bodies (reductions) and prints what each program makes of them."""
    bodies = [Body(Path(f).stem, i, [], Path(f).read_text()) for i, f in enumerate(files)]
    run_batch_bodies(bodies, work / "check", target)
    for f, b in zip(files, bodies):
        if write:
            annotate(f, b)
        print(f"== {f}: {outcome(b)}")
        if b.native_errors:
            print("rustc's errors:\n" + "\n".join(m["rendered"] for m in b.native_errors))
        if b.coro_errors:
            print("coro's errors:\n" + "\n".join(m["rendered"] for m in b.coro_errors))
        width = max([len(x) for x in b.coro_trace or []] + [4])
        print(f"{'coro':<{width}} | native")
        cl, nl = b.coro_trace or [], b.native_trace or []
        for i in range(max(len(cl), len(nl))):
            c = cl[i] if i < len(cl) else ""
            n = nl[i] if i < len(nl) else ""
            print(f"{c:<{width}} {'|' if c == n else '#'} {n}")
    return 0


def chunks(lines):
    """Candidate simplifications of a body, as new line lists: delete a line or a
    brace-balanced run of lines, delete an `else` branch, or unwrap a block (keep its
    lines, drop its opening and closing lines)."""
    out = []
    depth_after = []
    d = 0
    for line in lines:
        d += line.count("{") - line.count("}")
        depth_after.append(d)

    def close_of(i):
        base = depth_after[i] - (lines[i].count("{") - lines[i].count("}"))
        for j in range(i, len(lines)):
            if depth_after[j] <= base and j > i or (j == i and depth_after[j] == base):
                return j
        return None

    for i, line in enumerate(lines[:-1]):  # the last line is the return value
        net = line.count("{") - line.count("}")
        if line.startswith("}") and "else" in line:
            j = close_of(i)
            if j is not None and j > i:
                out.append(lines[:i] + ["}"] + lines[j + 1 :])
            continue
        if net < 0 or line.startswith("}"):
            continue
        j = close_of(i)
        if j is None:
            continue
        out.append(lines[:i] + lines[j + 1 :])
        if j > i and lines[j] == "}":
            out.append(lines[:i] + lines[i + 1 : j] + lines[j + 1 :])
        if i > 0 and lines[i - 1].startswith("#[cfg"):
            out.append(lines[: i - 1] + lines[i:])
    return out


def event_kind(line):
    """A trace line without its numbers and names: `drop t12` -> `drop temporary`."""
    for pat, kind in [
        (r"-> Yielded", "yield"),
        (r"-> Complete", "complete"),
        (r"drop t\d+$", "drop temporary"),
        (r"drop g\d+b", "drop shadowing guard"),
        (r"drop g\d+r", "drop re-assigned guard"),
        (r"drop g\d+$", "drop guard"),
        (r"drop sub", "drop sub's guard"),
        (r"drop u\d+", "drop tuple's guard"),
        (r"use t", "use temporary"),
        (r"use g", "use guard"),
        (r"sub_", "sub gets a value"),
        (r"s\d+ ", "log a sent value"),
        (r"r\d+ ", "log a yield_from value"),
        (r"else ", "let-else"),
        (r"dropped", "dropped"),
        (r"panic", "panic"),
        (r"l\d+ ", "log"),
    ]:
        if re.match(pat, line):
            return kind
    return line


def difference_kind(b):
    """Where two traces part: `coro: drop temporary / native: yield`."""
    c, n = b.coro_trace or [], b.native_trace or []
    i = first_difference(c, n)
    ck = event_kind(c[i]) if i < len(c) else "end"
    nk = event_kind(n[i]) if i < len(n) else "end"
    return f"coro: {ck} / native: {nk}"


def signature(b):
    """What a reduction has to keep: the outcome, and for a rejection its first error kind,
    for a difference where the traces part."""
    if outcome(b) == "coro_rejected":
        return ("coro_rejected", category(b.coro_errors[0]))
    if outcome(b) == "different":
        return ("different", difference_kind(b))
    return (outcome(b),)


def reduce_file(path, work, target):
    """Greedy line-level reduction: each round compiles every candidate simplification in
    one batch and keeps the interesting one that removes the most lines."""
    source = Path(path).read_text()
    best = Body("r", 0, [], source)
    run_batch_bodies([best], work / "reduce", target)
    want = signature(best)
    print(f"{path}: {want}, {len(best.text.splitlines())} lines", flush=True)
    if want[0] in ("identical", "rustc_rejected"):
        return best
    while True:
        lines = best.text.splitlines()
        cands = []
        for i, new in enumerate(chunks(lines)):
            b = Body("r", i, [], source)
            b.text, b.ret, b.resumes = "\n".join(new), best.ret, best.resumes
            cands.append(b)
        if not cands:
            break
        run_batch_bodies(cands, work / "reduce", target)
        good = [b for b in cands if signature(b) == want]
        if not good:
            break
        best = min(good, key=lambda b: len(b.text.splitlines()))
        print(f"  -> {len(best.text.splitlines())} lines", flush=True)
    return best


def without_cfg(text):
    """Drops statements under `#[cfg(any())]` and the `#[cfg(all())]` lines: the same
    program for rustc."""
    lines, out, i = text.splitlines(), [], 0
    while i < len(lines):
        if lines[i] == "#[cfg(all())]":
            i += 1
            continue
        if lines[i] == "#[cfg(any())]":
            j, d = i + 1, 0
            while True:  # the next statement: up to where its braces close, ending in `;`/`}`
                d += lines[j].count("{") - lines[j].count("}")
                if d <= 0 and not lines[j + 1].startswith("} else"):
                    break
                j += 1
            i = j + 1
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def without_temporaries(text):
    """`Guard("tN").v(x)` -> `(x)`: no temporary with a destructor."""
    return re.sub(r'Guard\("t\d+"\)\.v\(', "(", text)


def without_guard_methods(text):
    """`gN.v(x)` -> `(x)`: no method call on a guard local."""
    return re.sub(r"\b[gh]\d+\.v\(", "(", text)


def without_closure_guards(text):
    """`move |a| { let _k = &gN; .. }` -> a closure that owns no guard."""
    return re.sub(r"let _k = &\w+; ", "", text)


def without_guard_shadowing(text):
    """Renames a guard's earlier binding (and its uses up to the shadowing `let`), so no
    `let` of a guard shadows another."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        m = re.match(r'let (?:mut )?(\w+) = Guard\("\w+b"\);', line)
        if not m:
            continue
        name = m.group(1)
        for j in range(i - 1, -1, -1):
            lines[j] = re.sub(rf"\b{name}\b(?!\")", f"{name}_old", lines[j])
            if re.match(rf"let (?:mut )?{name}_old = ", lines[j]):
                break
    return "\n".join(lines)


def without_int_shadowing(text):
    """`let x = x + e;` -> `let x_in = x + e;`, with the later uses of that binding renamed
    up to the end of its block: no int shadows another."""
    lines = text.splitlines()
    for i in range(len(lines)):
        m = re.match(r"let (\w+) = \1\b", lines[i])
        if not m:
            continue
        name, new = m.group(1), m.group(1) + "_in"
        lines[i] = f"let {new}" + lines[i][len(f"let {name}") :]
        depth = 0
        for j in range(i + 1, len(lines)):
            if depth == 0 and (lines[j].startswith("}") or re.match(rf"let (mut )?{name}\b", lines[j])):
                break  # the block ends, or a new binding shadows this one
            lines[j] = re.sub(rf"\b{name}\b(?!\")", new, lines[j])
            depth += lines[j].count("{") - lines[j].count("}")
            if depth < 0:
                break
    return "\n".join(lines)


def without_moves(text):
    """No guard is moved: `drop(g);` goes, `let h = g;` makes a guard of its own."""
    text = re.sub(r"^drop\(\w+\);$", "", text, flags=re.M)
    return re.sub(r'^let (\w+) = [gh]\d+;$', r'let \1 = Guard("\1");', text, flags=re.M)


# Known causes of runtime differences, each with a rewrite that removes it and keeps the
# body's meaning otherwise: a difference that goes away with a rewrite is put down to it.
CAUSES = [
    ("cfg", without_cfg),
    ("temporaries", without_temporaries),
    ("guard_methods", without_guard_methods),
    ("closures owning a guard", without_closure_guards),
    ("shadow_guards", without_guard_shadowing),
    ("int shadowing", without_int_shadowing),
    ("moves", without_moves),
]


def attribute(files, work, target):
    """Puts each differing body down to the first known cause whose removal makes its
    traces agree; prints the counts and the bodies left over."""
    bodies = [Body(Path(f).stem, i, [], Path(f).read_text()) for i, f in enumerate(files)]
    names = {b.name: Path(f).stem for f, b in zip(files, bodies)}
    left, counts = bodies, {}
    for i in range(len(CAUSES)):
        rewritten = []
        for b in left:
            text = b.text
            for _, rewrite in CAUSES[: i + 1]:
                text = rewrite(text)
            c = Body.__new__(Body)
            c.__dict__.update(b.__dict__)
            c.text, c.native_errors, c.coro_errors = text, [], []
            rewritten.append(c)
        run_batch_bodies(rewritten, work / "attribute", target)
        still = []
        for orig, c in zip(left, rewritten):
            if outcome(c) == "identical":
                counts.setdefault(CAUSES[i][0], []).append(names[orig.name])
            else:
                still.append(orig)
        left = still
    for cause, _ in CAUSES:
        got = counts.get(cause, [])
        print(f"{len(got):4} x {cause}: {' '.join(sorted(got))}")
    print(f"{len(left):4} x other: {' '.join(sorted(names[b.name] for b in left))}")
    return 0


def load_known(path):
    off, rejects = set(), set()
    for line in path.read_text().splitlines():
        # A comment is a `#` that starts the line or follows a space, and is followed by a
        # space: coro's own messages name `#[coro::coroutine]`.
        line = re.split(r"(?:^|\s)#(?:\s|$)", line, maxsplit=1)[0].strip()
        if not line:
            continue
        kind, _, rest = line.partition(" ")
        if kind == "feature-off":
            off.add(rest.strip())
        elif kind == "reject":
            rejects.add(rest.strip())
        else:
            raise SystemExit(f"{path}: unknown line kind `{kind}`")
    return off, rejects


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", action="append", help="seed (repeatable); default 1")
    ap.add_argument("--count", type=int, default=40, help="bodies per seed")
    ap.add_argument("--batch", type=int, default=40, help="bodies per compiled crate")
    ap.add_argument("-f", "--features", default="", help="comma list: `-name` turns one off, `name` alone means only the named ones")
    ap.add_argument("--out", default="/tmp/coro-fuzz/out", help="where differing/rejected bodies go")
    ap.add_argument("--work", default="/tmp/coro-fuzz/work", help="generated crates and the shared target dir")
    ap.add_argument("--ci", action="store_true", help="the fixed CI batch (60 bodies of seed `ci`), judged against fuzz/known.txt")
    ap.add_argument("--known", default=str(FUZZ_DIR / "known.txt"))
    ap.add_argument("--static", dest="static_flavour", action="store_true", help="bodies under #[coro::coroutine(static)] (the subs stay default ones)")
    ap.add_argument("--check", nargs="+", metavar="FILE", help="run these bodies (as written to the output folder, or fuzz/reduced/*.rs) and show both traces")
    ap.add_argument("--reduce", nargs="+", metavar="FILE", help="shrink each body, keeping its outcome (and first error kind); writes OUT/reduced_NAME")
    ap.add_argument("--attribute", nargs="+", metavar="FILE", help="put differing bodies down to known causes (see CAUSES) by removing each in turn")
    ap.add_argument("--annotate", action="store_true", help="with --check: write the outcome and both traces into each file's header")
    ap.add_argument("--print", dest="show", type=int, metavar="INDEX", help="print body INDEX of the (first) seed and exit")
    a = ap.parse_args()
    global ATTR
    if a.static_flavour:
        ATTR = "#[coro::coroutine(static)]"

    known_off, known_rejects = load_known(Path(a.known))
    if a.static_flavour:
        known_rejects = set()  # any rejection is new there
    features = list(gen.FEATURES)
    if a.ci:
        a.seed = ["ci"]
        a.count = 60
        a.batch = 60
        if not a.static_flavour:  # rustc's own transform has no known gaps
            features = [f for f in features if f not in known_off]
    seeds = a.seed or ["1"]
    if a.features:
        names = [x.strip() for x in a.features.split(",") if x.strip()]
        only = [x for x in names if not x.startswith("-")]
        for x in names:
            if x.lstrip("-") not in gen.FEATURES:
                raise SystemExit(f"unknown feature {x}; known: {', '.join(gen.FEATURES)}")
        if only:
            features = [f for f in features if f in only]
        features = [f for f in features if "-" + f not in names]

    if a.show is not None:
        b = Body(seeds[0], a.show, features)
        print(b.coro_fn())
        return 0

    work, out = Path(a.work), Path(a.out)
    target = work / "target"
    if a.reduce:
        for f in a.reduce:
            b = reduce_file(f, work, target)
            dest = Path(a.out) / ("reduced_" + Path(f).name)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(f"// resumes {b.resumes}\n" + b.coro_fn())
            annotate(dest, b)
            print(dest.read_text())
        return 0
    if a.attribute:
        return attribute(a.attribute, work, target)
    if a.check:
        return check_files(a.check, work, target, a.annotate)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    print(f"features: {', '.join(features)}")
    all_bodies = []
    t0 = time.time()
    for seed in seeds:
        for start in range(0, a.count, a.batch):
            idx = range(start, min(start + a.batch, a.count))
            bodies = run_batch(seed, idx, features, work / f"batch_{seed}_{start}", target)
            all_bodies += bodies
            counts = {}
            for b in bodies:
                counts[outcome(b)] = counts.get(outcome(b), 0) + 1
            print(f"seed {seed} bodies {idx.start}..{idx.stop}: {counts} ({time.time() - t0:.0f}s)", flush=True)

    cats = {}
    for b in all_bodies:
        if outcome(b) in ("coro_rejected", "different", "native_crashed"):
            write_report(b, out)
        if outcome(b) == "coro_rejected":
            for c in sorted({category(m) for m in b.coro_errors}):
                cats.setdefault(c, []).append(f"{b.seed}_{b.index}")
    rustc_cats = {}
    for b in all_bodies:
        if outcome(b) == "rustc_rejected":
            for c in sorted({category(m) for m in b.native_errors}):
                rustc_cats.setdefault(c, []).append(f"{b.seed}_{b.index}")
    n = lambda k: sum(outcome(b) == k for b in all_bodies)  # noqa: E731
    print("== summary")
    print(f"bodies generated:             {len(all_bodies)}")
    print(f"rejected by rustc (skipped):  {n('rustc_rejected')}")
    print(f"compiled under both:          {n('identical') + n('different')}")
    print(f"rejected by coro (rustc ok):  {n('coro_rejected')}")
    print(f"identical traces:             {n('identical')}")
    print(f"different traces:             {n('different')}")
    if n("native_crashed"):
        crashed = [f"{b.seed}_{b.index}" for b in all_bodies if outcome(b) == "native_crashed"]
        print(f"native coroutine crashed:     {n('native_crashed')} (rustc's bug, no verdict)   e.g. {' '.join(crashed[:4])}")
    for c, names in sorted(cats.items(), key=lambda kv: -len(kv[1])):
        mark = "known" if c in known_rejects else "NEW"
        print(f"  coro rejection [{mark}] {len(names):4} x {c}   e.g. {names[0]}")
    for c, names in sorted(rustc_cats.items(), key=lambda kv: -len(kv[1])):
        print(f"  rustc rejection {len(names):4} x {c}   e.g. {names[0]}")
    diffs = [f"{b.seed}_{b.index}" for b in all_bodies if outcome(b) == "different"]
    kinds = {}
    for b in all_bodies:
        if outcome(b) == "different":
            kinds.setdefault(difference_kind(b), []).append(f"{b.seed}_{b.index}")
    for k, names in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        print(f"  different {len(names):4} x {k}   e.g. {' '.join(names[:4])}")
    print(f"reports in {out}")
    (out / "summary.json").write_text(
        json.dumps({"features": features, "outcomes": {f"{b.seed}_{b.index}": outcome(b) for b in all_bodies}, "rejections": cats}, indent=1)
    )
    if a.ci:
        new = [c for c in cats if c not in known_rejects]
        if diffs or new:
            print("FAIL: a runtime difference from rustc's coroutines, or a new kind of rejection (see above)")
            return 1
        print("ok: no runtime difference, no new kind of rejection")
    return 0


if __name__ == "__main__":
    sys.exit(main())
