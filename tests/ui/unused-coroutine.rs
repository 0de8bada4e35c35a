#![deny(unused_must_use)]

use coro::{yield_, Coroutine};

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let mut total = 0.0;
    loop {
        total += yield_!(total);
    }
}

fn main() {
    // Built and dropped: none of the body runs.
    averager();
    // A system call for the scheduler, dropped instead of delegated to.
    coro::scheduler::yield_now();
}
