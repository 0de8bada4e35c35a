//! A tour of `coro`: `cargo run --example tour`.
//!
//! It follows the seed articles in order: lazy generators, values sent in with `send`,
//! errors thrown in and cleanup on `close`, delegation with `yield from`, and a
//! scheduler of cooperative tasks. Every section runs real coroutines. The articles'
//! programs themselves are ported one by one in `examples/` (see `docs/EXAMPLES.md`),
//! each next to its Python original in `tests/python/`.

use std::fmt;
use std::time::Duration;

use coro::prelude::*;
use coro::scheduler::{self, Reply, Scheduler, Syscall, get_tid, spawn, wait, yield_now};

fn main() -> std::io::Result<()> {
    println!("A tour of coro: Python's generators and coroutines, in Rust.");
    lazy_generators();
    sending_values();
    throw_and_close();
    delegation();
    scheduler()
}

fn section(title: &str) {
    println!("\n== {title} ==");
}

// ---- 1 ------------------------------------------------------------------------------------

/// `def countdown(n): ... yield n ...`
#[coro::coroutine]
fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    println!("  (countdown starts)");
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
    println!("  (countdown done)");
}

fn lazy_generators() {
    section("1. Generators are lazy");
    let mut countdown = countdown(3);
    println!("countdown(3) is built, and nothing has run yet");
    println!("next() -> {:?}", countdown.next());
    println!("next() -> {:?}", countdown.next());
    let rest: Vec<u32> = countdown.by_ref().collect();
    println!("the rest -> {rest:?}");
    println!(
        "next() after the end -> {:?} (StopIteration, every time)",
        countdown.next()
    );
}

// ---- 2 ------------------------------------------------------------------------------------

/// `value = yield average`: yields the running mean, and evaluates to what is sent in.
#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
    let (mut total, mut count) = (0.0, 0.0);
    let mut average = None;
    loop {
        let value = yield_!(average);
        total += value;
        count += 1.0;
        average = Some(total / count);
    }
}

fn sending_values() {
    section("2. Sending values in");
    let mut avg = averager();
    // Python's priming next(avg): run to the first yield_!, with nothing to send yet.
    // (A first `resume(x)` would do the same, and drop `x`: no yield_! is there to get it.)
    println!("start() -> {:?}", avg.start());
    for x in [10.0, 20.0, 30.0] {
        println!("send({x}) -> {:?}", avg.send(x));
    }
    // Python's gi_frame.f_locals: Debug shows where it waits and what it keeps.
    println!("{avg:?}");
}

// ---- 3 ------------------------------------------------------------------------------------

#[derive(Debug)]
struct BadInput(&'static str);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A drop guard is a `finally:` block: it runs when the coroutine ends or is dropped.
struct Cleanup(&'static str);

impl Drop for Cleanup {
    fn drop(&mut self) {
        println!("  ({} cleans up)", self.0);
    }
}

/// Sent `Err(e)`, `yield_!` evaluates to it: `throw()`. This one catches it and goes on.
#[coro::coroutine]
fn forgiving() -> impl Coroutine<Result<f64, BadInput>, Yield = f64, Return = ()> {
    let _finally = Cleanup("forgiving");
    let mut total = 0.0;
    loop {
        match yield_!(total) {
            Ok(x) => total += x,
            Err(e) => println!("  (forgiving ignores: {e})"),
        }
    }
}

/// This one lets it propagate with `?`, which ends the coroutine with the error.
#[coro::coroutine]
fn strict() -> impl Coroutine<Result<f64, BadInput>, Yield = f64, Return = Result<(), BadInput>> {
    let _finally = Cleanup("strict");
    let mut total = 0.0;
    loop {
        total += yield_!(total)?;
    }
}

fn throw_and_close() {
    section("3. Throwing errors in, and closing");
    let mut f = forgiving();
    f.start();
    // send(v) is resume(Ok(v)); throw(e) is resume(Err(e)) at the paused yield_!.
    println!("send 5 -> {:?}", f.send(5.0));
    println!("throw -> {:?}", f.throw(BadInput("not a number")));
    println!("close -> the locals at the yield_! are dropped");
    f.close();
    println!("status after close -> {:?}", f.status());

    let mut s = strict();
    s.start();
    println!("send 5 -> {:?}", s.send(5.0));
    println!("throw -> {:?}", s.throw(BadInput("not a number")));
    println!("status -> {:?}", s.status());
}

// ---- 4 ------------------------------------------------------------------------------------

#[coro::coroutine]
fn producer() -> impl Coroutine<Yield = i32, Return = &'static str> {
    yield_!(1);
    yield_!(2);
    "done"
}

/// `result = yield from producer()`, then `yield from` plain iterables.
#[coro::coroutine]
fn wrapper() -> impl Iterator<Item = i32> {
    let result = yield_from!(producer());
    println!("  (producer returned {result:?})");
    yield_from!([3, 4]);
    yield_from!(5..7);
}

fn delegation() {
    section("4. Delegating with yield_from!");
    println!("wrapper() -> {:?}", wrapper().collect::<Vec<_>>());
    // Whatever is sent to the delegating coroutine goes on to the one it delegates to.
    let mut w = forwarding();
    w.start();
    println!("sent through -> {:?}", w.resume(4.0));
    println!("sent through -> {:?}", w.resume(6.0));
}

#[coro::coroutine]
fn forwarding() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
    yield_from!(averager())
}

// ---- 5 ------------------------------------------------------------------------------------

/// A task: a coroutine that yields system calls to the scheduler (`yield_from!` a helper).
#[coro::coroutine]
fn worker(name: &'static str, steps: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
    let me = yield_from!(get_tid());
    for i in 1..=steps {
        println!("{name} ({me}): step {i}");
        yield_from!(yield_now()); // let the others run
    }
    steps * 10
}

#[coro::coroutine]
fn boss() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let a = yield_from!(spawn(worker("A", 3)));
    let b = yield_from!(spawn(worker("B", 2)));
    yield_from!(scheduler::sleep(Duration::from_millis(10))); // the workers run meanwhile
    let a = yield_from!(wait(a)).expect("A finished");
    let b = yield_from!(wait(b)).expect("B finished");
    println!("boss: the workers returned {a} and {b}");
}

fn scheduler() -> std::io::Result<()> {
    section("5. A scheduler of tasks");
    let mut sched = Scheduler::new()?;
    sched.spawn(boss());
    sched.run()?;
    println!("\nNext: docs/EXAMPLES.md lists a port of every program in the articles.");
    Ok(())
}
