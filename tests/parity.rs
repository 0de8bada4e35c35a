//! Python parity: every row of the Python -> coro table (`docs/PYTHON.md`), pinned by a
//! Python program and the trace it prints.
//!
//! For every row there is a short `tests/parity/NAME.py` and its recorded stdout
//! `tests/parity/NAME.out` (Python 3.11). The `#[test] fn NAME` below drives the same
//! program written with `coro` and must print exactly that trace. The traces are neutral:
//! lines like `yielded 1` or `state GEN_SUSPENDED` that both languages can print, with our
//! [`Status`] shown as the `inspect.getgeneratorstate` name and `()` as `None`. Where the
//! languages differ in mechanism (a panic where Python raises `StopIteration`, our `Debug`
//! where Python has `gi_frame`), the test says how the two correspond and asserts our side
//! precisely as well.
//!
//! When `python3` is on the PATH, `python_outputs_are_current` runs every `NAME.py` again
//! and checks its `.out`; without it that check is skipped with a note.

mod python_common;

use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use coro::CoroutineState::{Complete, Yielded};
use coro::prelude::*;

// ---------------------------------------------------------------------------------------
// The trace, and what both languages print into it

thread_local! {
    /// What the test and its coroutines printed so far (each test runs on its own thread).
    static TRACE: RefCell<String> = const { RefCell::new(String::new()) };
    /// How many `Finally` guards and `Arg`s were dropped: the drop counter.
    static DROPS: Cell<usize> = const { Cell::new(0) };
}

/// Python's `print(..)`, into the trace.
macro_rules! out {
    ($($arg:tt)*) => {{
        // Format first: the arguments may run a coroutine that prints too.
        let line = format!($($arg)*);
        TRACE.with(|trace| {
            let mut trace = trace.borrow_mut();
            trace.push_str(&line);
            trace.push('\n');
        })
    }};
}

/// Takes the trace printed so far.
fn take_trace() -> String {
    TRACE.with(|trace| std::mem::take(&mut *trace.borrow_mut()))
}

/// How many guards and arguments were dropped so far on this thread.
fn drops() -> usize {
    DROPS.with(Cell::get)
}

/// The names of the rows: `tests/parity/NAME.py` and `.out`, and `#[test] fn NAME`.
const ROWS: [&str; 18] = [
    "clone_fork",
    "close",
    "close_yield_from",
    "debug_frames",
    "lazy_start",
    "panic_poisoned",
    "priming",
    "return_value",
    "send_after_completion",
    "send_values",
    "status",
    "throw_after_completion",
    "throw_before_start",
    "throw_caught",
    "throw_chain_caught",
    "throw_chain_uncaught",
    "throw_uncaught",
    "yield_from_iter",
];

/// `inspect.getgeneratorstate` for a [`Status`].
fn state(c: &impl Control) -> &'static str {
    match c.status() {
        Status::Created => "GEN_CREATED",
        Status::Suspended => "GEN_SUSPENDED",
        Status::Complete | Status::Poisoned => "GEN_CLOSED",
    }
}

/// How Python's `print` shows a value.
trait Py {
    fn py(&self) -> String;
}
impl Py for () {
    fn py(&self) -> String {
        "None".into()
    }
}
impl Py for i32 {
    fn py(&self) -> String {
        self.to_string()
    }
}
impl Py for f64 {
    fn py(&self) -> String {
        format!("{self:?}")
    }
}
impl Py for &str {
    fn py(&self) -> String {
        self.to_string()
    }
}
impl<T: Py> Py for Option<T> {
    fn py(&self) -> String {
        self.as_ref().map_or("None".into(), Py::py)
    }
}

fn py(value: impl Py) -> String {
    value.py()
}

/// `next(it, "exhausted")`.
fn next_or_exhausted<T: Py>(it: &mut impl Iterator<Item = T>) -> String {
    it.next().map_or("exhausted".into(), |v| v.py())
}

/// Python's `ValueError("msg")`, the error thrown in.
#[derive(Debug, Clone, PartialEq)]
struct ValueError(&'static str);

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A `finally:` block: prints `finally NAME` when dropped.
struct Finally(&'static str);

impl Drop for Finally {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
        out!("finally {}", self.0);
    }
}

/// An argument whose release Python shows with `__del__`: prints `drop NAME` when dropped.
struct Arg(&'static str);

impl Drop for Arg {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
        out!("drop {}", self.0);
    }
}

/// Runs `f`, which must panic, and returns the panic's message.
fn panic_message<R>(f: impl FnOnce() -> R) -> String {
    let payload = match catch_unwind(AssertUnwindSafe(f)) {
        Ok(_) => panic!("expected a panic"),
        Err(payload) => payload,
    };
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "<non-string panic>".into()
    }
}

/// Compares the trace with the recorded Python output.
fn assert_trace(expected: &str) {
    let actual = take_trace();
    assert!(
        actual == expected,
        "the trace differs from Python's\n--- python ---\n{expected}--- coro ---\n{actual}"
    );
}

// ---------------------------------------------------------------------------------------
// Row: `gen = f()` runs nothing

#[coro::coroutine]
fn countdown(mut n: i32) -> impl Iterator<Item = i32> {
    out!("body starts");
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
    out!("body ends");
}

#[test]
fn lazy_start() {
    let mut generator = countdown(2);
    out!("called countdown(2)");
    out!("state {}", state(&generator));
    out!("next {}", next_or_exhausted(&mut generator));
    out!("state {}", state(&generator));
    out!("next {}", next_or_exhausted(&mut generator));
    out!("next {}", next_or_exhausted(&mut generator));
    out!("state {}", state(&generator));
    assert_trace(include_str!("parity/lazy_start.out"));
}

// ---------------------------------------------------------------------------------------
// Row: priming with next(gen) / start(), and Beazley's @coroutine / primed

/// A line sent to `echo`; counts its drops, so the test can see the first one dropped.
struct Line(&'static str);

thread_local! {
    static LINES_DROPPED: Cell<usize> = const { Cell::new(0) };
}

impl Drop for Line {
    fn drop(&mut self) {
        LINES_DROPPED.with(|d| d.set(d.get() + 1));
    }
}

fn lines_dropped() -> usize {
    LINES_DROPPED.with(Cell::get)
}

#[coro::coroutine]
fn echo(prefix: &'static str) -> impl Coroutine<Line, Yield = (), Return = ()> {
    out!("{prefix} ready");
    loop {
        let line = yield_!();
        out!("{prefix} got {}", line.0);
    }
}

#[coro::coroutine(primed)]
fn primed_echo(prefix: &'static str) -> impl Coroutine<Line, Yield = (), Return = ()> {
    out!("{prefix} ready");
    loop {
        let line = yield_!();
        out!("{prefix} got {}", line.0);
    }
}

#[test]
fn priming() {
    // next(g): start() runs a created coroutine to its first yield_!.
    let mut g = echo("manual");
    out!("state {}", state(&g));
    let Some(Yielded(first)) = g.start() else {
        panic!("start() on a created coroutine yields")
    };
    out!("next -> {}", py(first));
    out!("state {}", state(&g));
    // On a started coroutine, start() does nothing (Python's next() would resume it).
    assert_eq!(g.start(), None);
    g.send(Line("a"));

    // send(None): a created coroutine's first resume runs it to its first yield_!, and
    // its argument, having no yield_! to land in, is dropped unread (Python accepts only
    // None there, and raises TypeError for anything else).
    let mut h = echo("send-none");
    let before = lines_dropped();
    let Yielded(first) = h.send(Line("never read")) else {
        panic!("the first send yields")
    };
    assert_eq!(
        lines_dropped(),
        before + 1,
        "the first send's value is dropped"
    );
    out!("send(None) -> {}", py(first));
    h.send(Line("b"));

    // @coroutine on the def: #[coro::coroutine(primed)].
    let mut p = primed_echo("decorated");
    out!("state {}", state(&p));
    p.send(Line("c"));

    // coroutine(echo)(..) at the call: .primed().
    let mut q = echo("wrapped").primed();
    out!("state {}", state(&q));
    q.send(Line("d"));
    assert_trace(include_str!("parity/priming.out"));
}

// ---------------------------------------------------------------------------------------
// Row: `x = yield v` + `gen.send(x)`

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
    let mut total = 0.0;
    let mut count = 0;
    let mut average = None;
    loop {
        let value = yield_!(average);
        total += value;
        count += 1;
        average = Some(total / f64::from(count));
    }
}

#[test]
fn send_values() {
    let mut avg = averager();
    let Some(Yielded(primed)) = avg.start() else {
        panic!("start() yields")
    };
    out!("primed -> {}", py(primed));
    for value in [10.0, 20.0, 30.0] {
        let Yielded(average) = avg.send(value) else {
            panic!("the averager never completes")
        };
        out!("send {value} -> {}", py(average));
    }
    assert_trace(include_str!("parity/send_values.out"));
}

// ---------------------------------------------------------------------------------------
// Row: send after completion (Python: StopIteration; coro: a panic)

#[coro::coroutine]
fn once() -> impl Coroutine<&'static str, Yield = &'static str, Return = &'static str> {
    let x = yield_!("first");
    out!("got {x}");
    "done"
}

#[test]
fn send_after_completion() {
    let mut g = once();
    assert_eq!(g.start(), Some(Yielded("first")));
    out!("yielded first");
    let Complete(value) = g.send("x") else {
        panic!("once completes")
    };
    out!("complete {value}");
    out!("state {}", state(&g));
    let message = panic_message(|| g.send("again"));
    assert_eq!(message, "coroutine `once` resumed after completion");
    // The non-panicking form, as Python's `except StopIteration` around the send: the
    // value comes back and nothing runs.
    assert_eq!(g.try_resume("again"), Err("again"));
    out!("send after completion: refused");
    out!("state {}", state(&g));
    assert_trace(include_str!("parity/send_after_completion.out"));
}

// ---------------------------------------------------------------------------------------
// Row: the return value: Complete(value), dropped by the fused iterator

#[coro::coroutine]
fn producer() -> impl Coroutine<Yield = i32, Return = &'static str> + Iterator<Item = i32> {
    yield_!(1);
    yield_!(2);
    "done"
}

#[test]
fn return_value() {
    let mut g = producer();
    loop {
        match g.resume(()) {
            Yielded(v) => out!("yielded {v}"),
            Complete(value) => {
                out!("complete {value}");
                break;
            }
        }
    }

    let mut it = producer();
    for item in it.by_ref() {
        out!("item {item}");
    }
    out!("next {}", next_or_exhausted(&mut it));
    out!("next {}", next_or_exhausted(&mut it));
    assert_trace(include_str!("parity/return_value.out"));
}

// ---------------------------------------------------------------------------------------
// Row: throw caught inside, and the coroutine goes on

#[coro::coroutine]
fn resilient() -> impl Coroutine<Result<i32, ValueError>, Yield = i32, Return = ()> {
    let mut total = 0;
    loop {
        match yield_!(total) {
            Ok(n) => total += n,
            Err(exc) => {
                out!("caught {exc}");
                continue;
            }
        }
    }
}

#[test]
fn throw_caught() {
    let mut g = resilient();
    assert_eq!(g.start(), Some(Yielded(0)));
    out!("primed -> 0");
    assert_eq!(g.send(5), Yielded(5));
    out!("send 5 -> 5");
    let Ok(Yielded(next)) = g.throw(ValueError("bad input")) else {
        panic!("resilient catches the error and yields again")
    };
    out!("throw -> {next}");
    assert_eq!(g.send(2), Yielded(7));
    out!("send 2 -> 7");
    out!("state {}", state(&g));
    assert_trace(include_str!("parity/throw_caught.out"));
}

// ---------------------------------------------------------------------------------------
// Row: throw not caught: `yield_!(v)?` completes with Err

#[coro::coroutine]
fn strict() -> impl Coroutine<Result<i32, ValueError>, Yield = i32, Return = Result<(), ValueError>>
{
    let _finally = Finally("strict");
    let mut total = 0;
    loop {
        let n = yield_!(total)?;
        total += n;
    }
}

#[test]
fn throw_uncaught() {
    let mut g = strict();
    assert_eq!(g.start(), Some(Yielded(0)));
    out!("primed -> 0");
    assert_eq!(g.send(5), Yielded(5));
    out!("send 5 -> 5");
    let Ok(Complete(Err(exc))) = g.throw(ValueError("bad input")) else {
        panic!("the error completes strict")
    };
    out!("throw raised {exc}");
    out!("state {}", state(&g));
    assert_trace(include_str!("parity/throw_uncaught.out"));
}

// ---------------------------------------------------------------------------------------
// Row: throw before the first resume

#[coro::coroutine]
fn guarded(
    arg: Arg,
) -> impl Coroutine<Result<(), ValueError>, Yield = i32, Return = Result<(), ValueError>> {
    let _finally = Finally("guarded");
    out!("body runs {}", arg.0);
    yield_!(1)?;
    Ok(())
}

#[test]
fn throw_before_start() {
    let mut g = guarded(Arg("arg"));
    out!("state {}", state(&g));
    assert_eq!(
        format!("{g:?}"),
        "guarded { status: Created, locals: {arg: <not Debug: parity::Arg>} }"
    );
    // Closes it: the argument is dropped ("drop arg"), no body code runs.
    let Err(exc) = g.throw(ValueError("too early")) else {
        panic!("a created coroutine gives the error back")
    };
    out!("throw raised {exc}");
    out!("state {}", state(&g));
    assert_eq!(drops(), 1);
    assert_trace(include_str!("parity/throw_before_start.out"));
}

// ---------------------------------------------------------------------------------------
// Row: throw into a complete coroutine

#[coro::coroutine]
fn one() -> impl Coroutine<Result<(), ValueError>, Yield = i32, Return = ()> {
    let _ = yield_!(1);
}

#[test]
fn throw_after_completion() {
    let mut g = one();
    assert_eq!(g.start(), Some(Yielded(1)));
    out!("yielded 1");
    let Complete(value) = g.send(()) else {
        panic!("one completes")
    };
    out!("complete {}", py(value));
    let Err(exc) = g.throw(ValueError("too late")) else {
        panic!("a complete coroutine gives the error back")
    };
    out!("throw raised {exc}");
    out!("state {}", state(&g));
    assert_trace(include_str!("parity/throw_after_completion.out"));
}

// ---------------------------------------------------------------------------------------
// Row: throw through a 3-deep yield_from! chain, caught at the innermost

type Sent = Result<i32, ValueError>;

/// The line of `fn inner`: its `yield_!` is 3 lines further, as `Debug` shows.
const INNER_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn inner() -> impl Coroutine<Sent, Yield = i32, Return = i32> {
    let mut total = 0;
    loop {
        let n = match yield_!(total) {
            Ok(n) => n,
            Err(exc) => {
                out!("inner caught {exc}");
                continue;
            }
        };
        if n == 0 {
            return total;
        }
        total += n;
    }
}

const MIDDLE_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn middle() -> impl Coroutine<Sent, Yield = i32, Return = i32> {
    let result = yield_from!(inner());
    out!("middle got {result}");
    result * 10
}

const OUTER_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn outer() -> impl Coroutine<Sent, Yield = i32, Return = i32> {
    let result = yield_from!(middle());
    out!("outer got {result}");
    result + 1
}

#[test]
fn throw_chain_caught() {
    let mut g = outer();
    assert_eq!(g.start(), Some(Yielded(0)));
    out!("primed -> 0");
    assert_eq!(g.send(5), Yielded(5));
    out!("send 5 -> 5");
    // Python's gi_yieldfrom chain, as our Debug shows it: three frames, one inside the other.
    assert_eq!(
        format!("{g:?}"),
        format!(
            "outer {{ status: Suspended, at: yield_from! #0 (line {}), locals: {{}}, \
             yield_from: middle {{ status: Suspended, at: yield_from! #0 (line {}), locals: {{}}, \
             yield_from: inner {{ status: Suspended, at: yield_! #0 (line {}), \
             locals: {{total: 5}} }} }} }}",
            OUTER_LINE + 1,
            MIDDLE_LINE + 1,
            INNER_LINE + 3,
        )
    );
    let Ok(Yielded(next)) = g.throw(ValueError("bad input")) else {
        panic!("inner catches the error and yields again")
    };
    out!("throw -> {next}");
    assert_eq!(g.send(2), Yielded(7));
    out!("send 2 -> 7");
    let Complete(value) = g.send(0) else {
        panic!("0 ends the chain")
    };
    out!("complete {value}");
    out!("state {}", state(&g));
    assert_trace(include_str!("parity/throw_chain_caught.out"));
}

// ---------------------------------------------------------------------------------------
// Row: throw through a 3-deep yield_from! chain, not caught: surfaces at the outermost

type Strict = Result<i32, ValueError>;

#[coro::coroutine]
fn strict_inner() -> impl Coroutine<Sent, Yield = i32, Return = Strict> {
    let _finally = Finally("inner");
    let mut total = 0;
    loop {
        let n = yield_!(total)?;
        total += n;
    }
}

#[coro::coroutine]
fn strict_middle() -> impl Coroutine<Sent, Yield = i32, Return = Strict> {
    let _finally = Finally("middle");
    let result = yield_from!(strict_inner())?;
    out!("middle got {result}");
    Ok(result)
}

#[coro::coroutine]
fn strict_outer() -> impl Coroutine<Sent, Yield = i32, Return = Strict> {
    let _finally = Finally("outer");
    let result = yield_from!(strict_middle())?;
    out!("outer got {result}");
    Ok(result)
}

#[test]
fn throw_chain_uncaught() {
    let mut g = strict_outer();
    assert_eq!(g.start(), Some(Yielded(0)));
    out!("primed -> 0");
    assert_eq!(g.send(5), Yielded(5));
    out!("send 5 -> 5");
    // Each level's guard drops as the error passes it: inner, middle, outer.
    let Ok(Complete(Err(exc))) = g.throw(ValueError("bad input")) else {
        panic!("the error completes every level")
    };
    out!("throw raised {exc}");
    out!("state {}", state(&g));
    assert_eq!(drops(), 3);
    assert_trace(include_str!("parity/throw_chain_uncaught.out"));
}

// ---------------------------------------------------------------------------------------
// Row: close() on created, suspended and complete coroutines; drop of a suspended one

#[coro::coroutine]
fn worker(arg: Arg) -> impl Iterator<Item = i32> {
    // `close_keeps_a_local_last_used_in_a_macro` has the argument read inside `out!`.
    let name = arg.0;
    out!("worker starts {name}");
    let _outer = Finally("outer");
    let _inner = Finally("inner");
    yield_!(1);
    yield_!(2);
}

#[coro::coroutine]
fn macro_worker(arg: Arg) -> impl Iterator<Item = i32> {
    out!("worker starts {}", arg.0);
    let _outer = Finally("outer");
    yield_!(1);
}

/// As Rust drops a by-value argument at the end of the function, a suspended coroutine
/// keeps it until it is closed, whatever the body did with it before the yield.
#[test]
fn close_keeps_a_local_last_used_in_a_macro() {
    let mut g = macro_worker(Arg("suspended"));
    out!("yielded {}", g.next().unwrap());
    g.close();
    assert_eq!(
        take_trace(),
        "worker starts suspended\nyielded 1\nfinally outer\ndrop suspended\n"
    );
}

#[test]
fn close() {
    out!("-- created");
    let mut g = worker(Arg("created"));
    g.close(); // drops the argument; no body code runs
    out!("state {}", state(&g));
    assert_eq!(drops(), 1);

    out!("-- suspended");
    let mut g = worker(Arg("suspended"));
    out!("yielded {}", g.next().unwrap());
    g.close(); // the guards, newest first, then the argument
    out!("state {}", state(&g));
    assert_eq!(drops(), 4);
    g.close(); // nothing left to drop
    out!("closed again");
    assert_eq!(drops(), 4);

    out!("-- complete");
    let mut g = worker(Arg("complete"));
    for item in g.by_ref() {
        out!("yielded {item}");
    }
    out!("state {}", state(&g));
    g.close(); // nothing: everything was dropped when the body returned
    out!("closed");
    assert_eq!(drops(), 7);

    out!("-- dropped");
    let mut g = worker(Arg("dropped"));
    out!("yielded {}", g.next().unwrap());
    drop(g); // the same as close()
    out!("deleted");
    assert_eq!(drops(), 10);
    assert_trace(include_str!("parity/close.out"));
}

// ---------------------------------------------------------------------------------------
// Row: close() while delegating: the sub-coroutine is closed first

/// The line of `fn sub`.
const SUB_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn sub() -> impl Coroutine<Yield = &'static str, Return = ()> {
    let _finally = Finally("inner");
    yield_!("inner 1");
    yield_!("inner 2");
}

/// The line of `fn delegator`.
const DELEGATOR_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn delegator() -> impl Iterator<Item = &'static str> {
    let _finally = Finally("outer");
    yield_!("outer 1");
    yield_from!(sub());
    yield_!("outer 2");
}

#[test]
fn close_yield_from() {
    let mut g = delegator();
    out!("yielded {}", g.next().unwrap());
    out!("yielded {}", g.next().unwrap());
    // Python's gi_yieldfrom is the `yield_from` entry of our Debug; the guards have no
    // Debug, so they show as placeholders.
    let debug = format!("{g:?}");
    let expected = format!(
        "delegator {{ status: Suspended, at: yield_from! #1 (line {}), locals: {{_finally: \
         <not Debug: parity::Finally>}}, yield_from: sub {{ status: Suspended, at: yield_! #0 \
         (line {}), locals: {{_finally: <not Debug: parity::Finally>}} }} }}",
        DELEGATOR_LINE + 3,
        SUB_LINE + 2,
    );
    assert_eq!(debug, expected);
    let sub_status = if debug.contains("yield_from: sub { status: Suspended") {
        "GEN_SUSPENDED"
    } else {
        "?"
    };
    out!("state {} delegating to {sub_status}", state(&g));
    g.close();
    out!("state {}", state(&g));
    assert_eq!(drops(), 2);
    assert_trace(include_str!("parity/close_yield_from.out"));
}

const SUB_ITER_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn sub_iter() -> impl Iterator<Item = &'static str> {
    yield_!("inner 1");
}

const DELEGATOR_ITER_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn delegator_iter() -> impl Iterator<Item = &'static str> {
    yield_from!(sub_iter());
}

/// Debug at a `yield_from!` shows the sub-coroutine's own Debug, also when the sub is
/// declared `impl Iterator` (which hides its `Coroutine` impl, so `yield_from!` drives it
/// as an iterator).
#[test]
fn debug_at_yield_from_over_an_impl_iterator_sub() {
    let mut g = delegator_iter();
    g.next();
    assert_eq!(
        format!("{g:?}"),
        format!(
            "delegator_iter {{ status: Suspended, at: yield_from! #0 (line {}), locals: {{}}, \
             yield_from: sub_iter {{ status: Suspended, at: yield_! #0 (line {}), locals: {{}} }} }}",
            DELEGATOR_ITER_LINE + 1,
            SUB_ITER_LINE + 1,
        )
    );
}

// ---------------------------------------------------------------------------------------
// Row: status() at every stage

#[coro::coroutine]
fn two() -> impl Coroutine<Sent, Yield = i32, Return = Result<(), ValueError>> {
    let x = yield_!(1)?;
    yield_!(x)?;
    Ok(())
}

#[test]
fn status() {
    let mut g = two();
    out!("created: {}", state(&g));
    g.start();
    out!("after next: {}", state(&g));
    g.send(2);
    out!("after send: {}", state(&g));
    assert_eq!(g.send(0), Complete(Ok(())));
    out!("after return: {}", state(&g));

    let mut g = two();
    g.start();
    g.close();
    out!("after close: {}", state(&g));

    let mut g = two();
    g.start();
    let thrown = g.throw(ValueError("uncaught"));
    assert_eq!(thrown, Ok(Complete(Err(ValueError("uncaught")))));
    out!("after uncaught throw: {}", state(&g));

    let mut g = two();
    g.close();
    out!("closed before start: {}", state(&g));
    assert_trace(include_str!("parity/status.out"));
}

// ---------------------------------------------------------------------------------------
// Row: gi_frame (f_lineno, f_locals) <-> Debug

/// Has no `Debug`: shown as a placeholder naming its type.
struct Token;

impl Token {
    fn describe(&self) -> &'static str {
        "<Token object>"
    }
}

// Laid out line for line like `frames` in tests/parity/debug_frames.py, so that the lines
// relative to the `fn` line are Python's relative to the `def` line.
const FRAMES_LINE: u32 = line!() + 2;
#[coro::coroutine]
fn frames(mut n: i32) -> impl Iterator<Item = i32> {
    let mut items = vec![n];
    let token = Token;
    yield_!(items.len() as i32);
    items.push(n * 2);
    yield_!(items.len() as i32);
    n += items.iter().sum::<i32>();
    yield_!(n);
    out!("end {n} {items:?} {}", token.describe());
}

/// Python's `show(gen)` line, read off our `Debug`.
///
/// - `inspect.getgeneratorstate(gen)` is `status()`.
/// - `gi_frame is None` (a finished generator) is `Debug` with no `locals`.
/// - `gi_frame.f_lineno - gi_code.co_firstlineno` is the `(line L)` of `Debug` minus the
///   `fn` line; a created coroutine has no `at:` and Python reports the `def` line, `+0`.
/// - `gi_frame.f_locals` is `Debug`'s `locals: {..}`, in the same order (arguments, then
///   locals in the order they are bound). Python's trace shows an object without a
///   literal repr as `<Type object>`, and ours shows a local without `Debug` as
///   `<not Debug: path::Type>`. Python lists every name bound so far; we list the locals
///   saved at the suspension, which is the same set here because every local is used
///   after the last `yield_!`.
fn show(g: &impl Control) -> String {
    let debug = format!("{g:?}");
    let Some(at) = debug.find("locals: {") else {
        return format!("{} frame None", state(g));
    };
    let line = match debug.find("(line ") {
        Some(i) => {
            let rest = &debug[i + "(line ".len()..];
            let line: u32 = rest[..rest.find(')').unwrap()].parse().unwrap();
            line - FRAMES_LINE
        }
        None => 0,
    };
    let locals = &debug[at + "locals: ".len()..debug.rfind(" }").unwrap()];
    let locals = locals.replace("<not Debug: parity::Token>", "<Token object>");
    format!("{} line +{line} locals {locals}", state(g))
}

#[test]
fn debug_frames() {
    let mut g = frames(1);
    assert_eq!(
        format!("{g:?}"),
        "frames { status: Created, locals: {n: 1} }"
    );
    out!("{}", show(&g));
    let expected = [
        "{n: 1, items: [1], token: <not Debug: parity::Token>}",
        "{n: 1, items: [1, 2], token: <not Debug: parity::Token>}",
        "{n: 4, items: [1, 2], token: <not Debug: parity::Token>}",
    ];
    let mut k = 0;
    while let Some(value) = g.next() {
        out!("yielded {value}");
        let line = FRAMES_LINE + 3 + 2 * k as u32;
        assert_eq!(
            format!("{g:?}"),
            format!(
                "frames {{ status: Suspended, at: yield_! #{k} (line {line}), locals: {} }}",
                expected[k]
            )
        );
        out!("{}", show(&g));
        k += 1;
    }
    assert_eq!(format!("{g:?}"), "frames { status: Complete }");
    out!("{}", show(&g));

    // The alternate form puts one field per line.
    let mut g = frames(1);
    g.next();
    assert_eq!(
        format!("{g:#?}"),
        format!(
            "frames {{\n    status: Suspended,\n    at: yield_! #0 (line {}),\n    locals: {{\n        \
             n: 1,\n        items: [\n            1,\n        ],\n        token: <not Debug: \
             parity::Token>,\n    }},\n}}",
            FRAMES_LINE + 3
        )
    );
    assert_trace(include_str!("parity/debug_frames.out"));
}

// ---------------------------------------------------------------------------------------
// Row: Clone of a suspended coroutine (Python: copy.copy(gen) is a TypeError)

#[coro::coroutine]
fn counter(start: i32) -> impl Coroutine<i32, Yield = i32, Return = ()> + Clone {
    let mut n = start;
    loop {
        let step = yield_!(n);
        n += step;
    }
}

#[test]
fn clone_fork() {
    let mut g = counter(10);
    assert_eq!(g.start(), Some(Yielded(10)));
    out!("primed -> 10");
    assert_eq!(g.send(1), Yielded(11));
    out!("send 1 -> 11");
    let mut fork = g.clone();
    out!("forked");
    for (name, step) in [("original", 5), ("fork", 100), ("original", 1), ("fork", 1)] {
        let c = if name == "fork" { &mut fork } else { &mut g };
        let Yielded(n) = c.send(step) else {
            panic!("counter never completes")
        };
        out!("{name} send {step} -> {n}");
    }
    assert_trace(include_str!("parity/clone_fork.out"));
}

// ---------------------------------------------------------------------------------------
// Row: a panic in the body leaves the coroutine complete and poisoned

/// Python's `raise RuntimeError(msg)`.
fn runtime_error(msg: &str) {
    panic!("{msg}");
}

#[coro::coroutine]
fn fragile() -> impl Coroutine<Yield = i32, Return = ()> + Iterator<Item = i32> {
    let _finally = Finally("fragile");
    yield_!(1);
    runtime_error("boom");
    yield_!(2);
}

#[test]
fn panic_poisoned() {
    let mut g = fragile();
    out!("yielded {}", g.next().unwrap());
    // The panic unwinds out of next(), dropping the guard on its way ("finally fragile").
    let message = panic_message(|| g.next());
    out!("raised {message}");
    out!("state {}", state(&g));
    assert_eq!(g.status(), Status::Poisoned);
    assert_eq!(format!("{g:?}"), "fragile { status: Poisoned }");
    out!("next {}", next_or_exhausted(&mut g));
    // Resuming it directly (not through the fused iterator) panics.
    let message = panic_message(|| g.resume(()));
    assert_eq!(message, "coroutine `fragile` resumed after panicking");
    assert_eq!(drops(), 1);
    assert_trace(include_str!("parity/panic_poisoned.out"));
}

// ---------------------------------------------------------------------------------------
// Row: yield_from! over plain iterators

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = i32> {
    let result = py(yield_from!(vec![1, 2]));
    out!("list gave {result}");
    yield_from!(3..5);
    yield_from!([5, 6].into_iter().map(|x| x * 10));
}

#[coro::coroutine]
fn letters() -> impl Iterator<Item = char> {
    yield_from!("ab".chars());
}

#[test]
fn yield_from_iter() {
    out!("{:?}", numbers().collect::<Vec<_>>());
    out!("{:?}", letters().collect::<Vec<_>>());
    assert_trace(include_str!("parity/yield_from_iter.out"));
}

// ---------------------------------------------------------------------------------------
// The recorded outputs

fn parity_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("parity")
}

#[test]
fn every_row_has_a_program_an_output_and_a_test() {
    let mut found: Vec<String> = std::fs::read_dir(parity_dir())
        .expect("read tests/parity")
        .map(|entry| entry.expect("read tests/parity").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "py" || ext == "out")
        })
        .map(|path| path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let mut expected: Vec<String> = ROWS
        .iter()
        .flat_map(|row| [format!("{row}.out"), format!("{row}.py")])
        .collect();
    expected.sort();
    assert_eq!(found, expected, "tests/parity/ and ROWS disagree");
    let source = include_str!("parity.rs");
    for row in ROWS {
        assert!(
            source.contains(&format!("#[test]\nfn {row}()"))
                && source.contains(&format!("include_str!(\"parity/{row}.out\")")),
            "row {row}: no #[test] fn {row} checking parity/{row}.out"
        );
    }
}

#[test]
fn python_outputs_are_current() {
    if let Some(failures) = python_common::stale_outputs(
        &parity_dir(),
        &ROWS.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
    ) {
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
