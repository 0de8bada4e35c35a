//! `display_date`: a port of `tests/python/display_date.py`; prints exactly `tests/python/display_date.out`.
//!
//! ```python
//! # Seed: 004_a92c39d6340c7ee3.txt ("Python: Generators, Coroutines, Native
//! #       Coroutines and async/await"), sections "Async I/O and the asyncio
//! #       module" (display_date from the asyncio docs) and "Native Coroutines
//! #       and async/await" (the same function as `async def` with `await`).
//! # Completed: the code is missing from the seed (images); this is the asyncio
//! # docs' display_date(num, loop) in its native async/await form, made
//! # deterministic and short:
//! #   * random.randint(0, 5) delays -> fixed delays (0.20 s for #1, 0.30 s for #2);
//! #   * end_time = loop.time() + 50.0 -> + 0.48 and the "+ 1.0" margin -> + 0.1
//! #     (the break decisions are >= 20 ms away from their thresholds);
//! #   * datetime.datetime.now() -> the line's planned time (sum of the delays
//! #     slept so far), so no wall-clock value is printed; the lines are due
//! #     0.1 s or more apart, so their order is stable;
//! #   * loop.run_forever() never returns in the original; here the loop is
//! #     stopped once both coroutines have finished (~0.6 s).
//! # The generator-based form (@asyncio.coroutine + yield from asyncio.sleep) no
//! # longer runs on Python 3.11 (@asyncio.coroutine was removed); see
//! # display_date_interop.py for @types.coroutine.
//! import asyncio
//!
//! DELAYS = {1: 0.20, 2: 0.30}      # replaces random.randint(0, 5)
//!
//!
//! async def display_date(num, loop):
//!     end_time = loop.time() + 0.48
//!     planned = 0.0                # time this line is due: the delays slept so far
//!     while True:
//!         print("Loop: {} Time: {:.2f}".format(num, planned))
//!         if (loop.time() + 0.1) >= end_time:
//!             break
//!         await asyncio.sleep(DELAYS[num])
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
//! `Instant`. `ensure_future` spawns the two tasks; the gather-then-`loop.stop()`
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

#[coro::coroutine]
fn display_date(num: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let end_time = Instant::now() + Duration::from_secs_f64(0.48);
    let mut planned = 0.0; // time this line is due: the delays slept so far
    loop {
        println!("Loop: {num} Time: {planned:.2}");
        if Instant::now() + Duration::from_secs_f64(0.1) >= end_time {
            break;
        }
        yield_from!(scheduler::sleep(Duration::from_secs_f64(delay(num))));
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
