//! `averager`: a port of `tests/python/averager.py`; prints exactly `tests/python/averager.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       sections "yield is a two-way street: send()" and
//! #       "Interrupting from the outside: throw() and close()".
//! # (Seed 001 "Coroutine Basics" has an equivalent averager that yields
//! #  `total / n if n else None`; it prints 10.0 and 15.0 like this one.)
//! # Completed: the article's bare avg.throw(...) would end the program with an
//! # uncaught ValueError; it is caught here and reported. close() is shown on
//! # the (already finished) avg and on a second, live averager. The "sending a
//! # non-None value into an unprimed generator raises TypeError" pitfall from the
//! # text is demonstrated too.
//!
//!
//! def averager():
//!     total = 0.0
//!     count = 0
//!     average = None
//!     while True:
//!         value = yield average     # hand out the current average,
//!                                   # AND wait to receive the next input
//!         total += value
//!         count += 1
//!         average = total / count
//!
//!
//! avg = averager()
//! next(avg)                 # "prime" it: run up to the first yield (average is None)
//! print(avg.send(10))       # 10.0
//! print(avg.send(20))       # 15.0
//! print(avg.send(30))       # 20.0
//!
//! try:
//!     avg.throw(ValueError, "bad data")   # raises ValueError AT the paused `yield` line
//! except ValueError as exc:
//!     # averager does not catch it, so it propagates out and the generator ends
//!     print("throw: ValueError propagated:", exc)
//! avg.close()                             # no-op: the generator already finished
//! try:
//!     avg.send(40)
//! except StopIteration:
//!     print("avg is finished: send raises StopIteration")
//!
//! avg2 = averager()
//! print(next(avg2))         # None
//! print(avg2.send(5))       # 5.0
//! avg2.close()              # raises GeneratorExit inside; generator shuts down
//! try:
//!     avg2.send(6)
//! except StopIteration:
//!     print("avg2 is closed: send raises StopIteration")
//!
//! try:
//!     averager().send(10)   # forgot to prime
//! except TypeError as exc:
//!     print("TypeError:", exc)
//! ```
//!
//! `throw(ValueError, "bad data")` is a resume with `Err(ValueError("bad data"))`: the
//! coroutine is sent `Result<f64, ValueError>`, so `yield_!(average)` evaluates to that
//! `Err`, and `?` propagates it out as the coroutine's return value, which ends it, as
//! the uncaught exception ends the Python generator; `throw` hands back that completion.
//! `close()` drops the locals at the paused `yield_!`. Where Python raises
//! `StopIteration` (sending to a finished generator) or `TypeError` (sending a value to
//! one that has not started), the port asks `status()` first: a complete coroutine
//! panics when resumed, and a created one drops the value sent to it.

use std::fmt;

use coro::prelude::*;

/// Python's `ValueError`, with its message.
#[derive(Debug)]
struct ValueError(&'static str);

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

#[coro::coroutine]
fn averager()
-> impl Coroutine<Result<f64, ValueError>, Yield = Option<f64>, Return = Result<(), ValueError>> {
    let mut total = 0.0;
    let mut count = 0;
    let mut average = None;
    loop {
        // hand out the current average, AND wait to receive the next input
        let value = yield_!(average)?;
        total += value;
        count += 1;
        average = Some(total / f64::from(count));
    }
}

/// Python's `print` of a float or `None`.
fn show(average: Option<f64>) -> String {
    match average {
        Some(x) => format!("{x:?}"),
        None => "None".to_string(),
    }
}

/// The value of `gen.send(..)`, when the coroutine yielded one.
fn sent<R>(state: CoroutineState<Option<f64>, R>) -> String {
    match state {
        CoroutineState::Yielded(average) => show(average),
        CoroutineState::Complete(_) => "StopIteration".to_string(),
    }
}

fn main() {
    let mut avg = averager();
    avg.start(); // "prime" it: run up to the first yield (average is None)
    println!("{}", sent(avg.send(10.0))); // 10.0
    println!("{}", sent(avg.send(20.0))); // 15.0
    println!("{}", sent(avg.send(30.0))); // 20.0

    // raises ValueError AT the paused `yield_!` line
    if let Ok(CoroutineState::Complete(Err(exc))) = avg.throw(ValueError("bad data")) {
        // averager does not catch it, so it propagates out and the coroutine ends
        println!("throw: ValueError propagated: {exc}");
    }
    avg.close(); // no-op: the generator already finished
    if avg.status() == Status::Complete {
        println!("avg is finished: send raises StopIteration");
    }

    let mut avg2 = averager();
    if let Some(CoroutineState::Yielded(first)) = avg2.start() {
        println!("{}", show(first)); // None
    }
    println!("{}", sent(avg2.send(5.0))); // 5.0
    avg2.close(); // drops the locals at the yield; the coroutine shuts down
    if avg2.status() == Status::Complete {
        println!("avg2 is closed: send raises StopIteration");
    }

    // forgot to prime: Python refuses the value; coro would drop it, so ask first
    let unprimed = averager();
    if unprimed.status() == Status::Created {
        println!("TypeError: can't send non-None value to a just-started generator");
    }
}
