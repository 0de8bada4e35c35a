//! `async_sleep_gather`: a port of `tests/python/async_sleep_gather.py`; prints exactly `tests/python/async_sleep_gather.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       section "The asyncio module" (awaiting two sleep() coroutines one
//! #       after the other vs. running them with asyncio.gather()).
//! # Completed: the seed's two programs both call their coroutine main() and
//! # omit the asyncio.run() call; here they are main_sequential() and
//! # main_gather(), each run with asyncio.run(). asyncio.sleep(4) is replaced by
//! # asyncio.sleep(0.02) (total run time ~0.06 s). Both gathered sleeps have the
//! # same duration; the timer started first fires first (FIFO), which is what
//! # makes "slept 1" come before "slept 2".
//! import asyncio
//!
//!
//! async def sleep(id):
//!     print("will sleep", id)
//!     await asyncio.sleep(0.02)
//!     print("slept", id)
//!
//!
//! async def main_sequential():
//!     await sleep(1)
//!     await sleep(2)
//!
//!
//! async def main_gather():
//!     await asyncio.gather(sleep(1), sleep(2))
//!
//!
//! print("sequential:")
//! asyncio.run(main_sequential())
//! print("gather:")
//! asyncio.run(main_gather())
//! ```
//!
//! asyncio's event loop is `coro::scheduler::Scheduler`, an `async def` is a coroutine
//! task, `await coro` is `yield_from!(coro)` and `asyncio.sleep` is the scheduler's
//! `sleep` (a real 20 ms sleep; equal timers wake in the order they were started).
//! `asyncio.run` is a fresh scheduler running one task. The scheduler has no `gather`,
//! so here it is, written as a coroutine: spawn every awaitable as a task, then wait for
//! each in turn.

use std::io;
use std::time::Duration;

use coro::scheduler::{self, Reply, Scheduler, Syscall, spawn, wait};
use coro::{Coroutine, yield_from};

#[coro::coroutine]
fn sleep(id: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    println!("will sleep {id}");
    yield_from!(scheduler::sleep(Duration::from_millis(20)));
    println!("slept {id}");
}

#[coro::coroutine]
fn main_sequential() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(sleep(1));
    yield_from!(sleep(2));
}

#[coro::coroutine]
fn main_gather() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(gather(vec![sleep(1), sleep(2)]));
}

/// `asyncio.gather(*aws)`: runs every awaitable as a task at once, and returns their
/// results in order once all are done.
#[coro::coroutine]
fn gather<C>(aws: Vec<C>) -> impl Coroutine<Reply, Yield = Syscall, Return = Vec<C::Return>>
where
    C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
    C::Return: Send + 'static,
{
    let mut tasks = Vec::new();
    for aw in aws {
        tasks.push(yield_from!(spawn(aw)));
    }
    let mut results = Vec::new();
    for task in tasks {
        let result = yield_from!(wait(task));
        results.push(result.expect("a gathered task was neither killed nor panicked"));
    }
    results
}

/// `asyncio.run(main)`: a fresh event loop that runs `main` to completion.
fn run<C>(main: C) -> io::Result<C::Return>
where
    C: Coroutine<Reply, Yield = Syscall> + 'static,
    C::Return: 'static,
{
    let mut sched = Scheduler::new()?;
    let task = sched.spawn(main);
    sched.run()?;
    Ok(sched
        .take_result(task)
        .expect("main was neither killed nor panicked"))
}

fn main() -> io::Result<()> {
    println!("sequential:");
    run(main_sequential())?;
    println!("gather:");
    run(main_gather())?;
    Ok(())
}
