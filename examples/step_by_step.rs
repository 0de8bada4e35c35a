//! `step_by_step`: the seed article's "Generator memory walkthrough" and "Coroutine send
//! walkthrough" (000_b1f4e2afc8d216e4.txt), as text.
//!
//! The article steps through `countdown(3)` and `averager()` and shows, at each step,
//! whether the generator is created, suspended or closed, the line it is paused at, and
//! the locals its frame keeps alive (Python's `gi_frame.f_lineno` and `f_locals`). A
//! `#[coro::coroutine]` shows the same through `Debug` (`{:#?}`): its status, which
//! `yield_!` it is suspended at and on what line, and the locals saved there.
//!
//! Only the locals the rest of the body still needs are saved, as in rustc's own
//! coroutines: `averager`'s `average` is handed out by the `yield_!` and set again before
//! anything reads it, so its frame shows `total` and `count` where Python's `f_locals`
//! would also list `average`.
//!
//! ```text
//! cargo run --example step_by_step
//! ```

use coro::prelude::*;

#[coro::coroutine]
fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    println!("starting countdown");
    while n > 0 {
        yield_!(n); // pause here, hand `n` to the caller
        n -= 1; // resume here on the next request
    }
    println!("done");
}

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
    let mut total = 0.0;
    let mut count = 0;
    let mut average = None;
    loop {
        let value = yield_!(average); // hand out the current average, wait for the next input
        total += value;
        count += 1;
        average = Some(total / count as f64);
    }
}

fn main() {
    println!("== countdown(3), step by step ==");
    let mut generator = countdown(3);
    println!("step 1: gen = countdown(3)  ->  {generator:?}");
    for step in 2..=5 {
        let got = generator.next();
        println!("step {step}: next(gen) = {got:?}  ->  {generator:?}");
    }

    println!();
    println!("== averager(), step by step ==");
    let mut avg = averager();
    println!("step 1: avg = averager()\n{avg:#?}");
    let primed = avg.start();
    println!("step 2: next(avg) = {primed:?}\n{avg:#?}");
    for (step, value) in (3..).zip([10.0, 20.0, 30.0]) {
        let got = avg.send(value);
        println!("step {step}: avg.send({value}) = {got:?}\n{avg:#?}");
    }
    avg.close();
    println!("avg.close()  ->  {avg:?}");
}
