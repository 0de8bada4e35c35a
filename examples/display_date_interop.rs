//! `display_date_interop`: a port of `tests/python/display_date_interop.py`; prints exactly `tests/python/display_date_interop.out`.
//!
//! ```python
//! # Seed: 004_a92c39d6340c7ee3.txt ("Python: Generators, Coroutines, Native
//! #       Coroutines and async/await"), section "Native vs Generator Based
//! #       Coroutines: Interoperability" (a @types.coroutine generator-based
//! #       my_sleep_func awaited from a native display_date).
//! # Completed: the code is missing from the seed (image); reconstructed from the
//! # text and the asyncio docs example it builds on, made deterministic like
//! # display_date.py: my_sleep_func takes the delay as a parameter (fixed
//! # 0.20 s / 0.30 s instead of random.randint(0, 5)), end_time is + 0.48 s with
//! # a 0.1 s margin, each line prints its planned time (sum of the delays slept
//! # so far) instead of datetime.now(), and the loop stops once both coroutines
//! # are done (~0.6 s).
//! import asyncio
//! import types
//!
//! DELAYS = {1: 0.20, 2: 0.30}      # replaces random.randint(0, 5)
//!
//!
//! @types.coroutine
//! def my_sleep_func(seconds):
//!     # a generator-based coroutine delegating to a native one
//!     yield from asyncio.sleep(seconds)
//!
//!
//! async def display_date(num, loop):
//!     end_time = loop.time() + 0.48
//!     planned = 0.0                # time this line is due: the delays slept so far
//!     while True:
//!         print("Loop: {} Time: {:.2f}".format(num, planned))
//!         if (loop.time() + 0.1) >= end_time:
//!             break
//!         await my_sleep_func(DELAYS[num])   # native coroutine awaits a generator-based one
//!         planned += DELAYS[num]
//!
//!
//! loop = asyncio.new_event_loop()
//! asyncio.set_event_loop(loop)
//!
//! tasks = [asyncio.ensure_future(display_date(1, loop), loop=loop),
//!          asyncio.ensure_future(display_date(2, loop), loop=loop)]
//! asyncio.gather(*tasks).add_done_callback(lambda _: loop.stop())
//!
//! loop.run_forever()
//! loop.close()
//! ```
//!
//! The event loop is `coro::scheduler::Scheduler`, and each `async def` is a coroutine
//! task that awaits with `yield_from!`. `loop.time()` is the monotonic clock,
//! `Instant`. Rust has one kind of coroutine, so the `@types.coroutine` generator
//! `my_sleep_func` and the native `display_date` that awaits it are both
//! `#[coro::coroutine]`s, and both `yield from` and `await` are `yield_from!`.
//! `ensure_future` spawns the two tasks; the gather-then-`loop.stop()`
//! callback is a third task that waits for both and asks the scheduler to stop, which
//! ends `run` (`run_forever`).

use std::io;
use std::time::{Duration, Instant};

use coro::scheduler::{self, Reply, RunExit, Scheduler, Syscall, TaskHandle, stop, wait};
use coro::{Coroutine, yield_from};

/// Replaces `random.randint(0, 5)`.
fn delay(num: u32) -> f64 {
    match num {
        1 => 0.20,
        _ => 0.30,
    }
}

// a generator-based coroutine delegating to a native one
#[coro::coroutine]
fn my_sleep_func(seconds: f64) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(scheduler::sleep(Duration::from_secs_f64(seconds)));
}

#[coro::coroutine]
fn display_date(num: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let end_time = Instant::now() + Duration::from_secs_f64(0.48);
    let mut planned = 0.0; // time this line is due: the delays slept so far
    loop {
        println!("Loop: {num} Time: {planned:.2}");
        if Instant::now() + Duration::from_secs_f64(0.1) >= end_time {
            break;
        }
        yield_from!(my_sleep_func(delay(num))); // native coroutine awaits a generator-based one
        planned += delay(num);
    }
}

/// `asyncio.gather(*tasks).add_done_callback(lambda _: loop.stop())`
#[coro::coroutine]
fn stop_when_done(
    tasks: [TaskHandle<()>; 2],
) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    for task in tasks {
        yield_from!(wait(task)).expect("display_date was neither killed nor panicked");
    }
    yield_from!(stop());
}

fn main() -> io::Result<()> {
    let mut sched = Scheduler::new()?;

    let tasks = [sched.spawn(display_date(1)), sched.spawn(display_date(2))];
    sched.spawn(stop_when_done(tasks));

    let exit = sched.run()?; // loop.run_forever()
    assert_eq!(exit, RunExit::StopRequested);
    drop(sched); // loop.close()
    Ok(())
}
