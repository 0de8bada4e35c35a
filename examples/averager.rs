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
//! the uncaught exception ends the Python generator. `close()` drops the coroutine. The
//! `Generator` wrapper below supplies what Python's generator object adds on top (see
//! the WORKAROUND note there).

use std::fmt;

use coro::{Coroutine, CoroutineState, yield_};

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

fn main() {
    let mut avg = Generator::new(averager());
    avg.next().unwrap(); // "prime" it: run up to the first yield (average is None)
    println!("{}", show(avg.send(10.0).unwrap())); // 10.0
    println!("{}", show(avg.send(20.0).unwrap())); // 15.0
    println!("{}", show(avg.send(30.0).unwrap())); // 20.0

    // raises ValueError AT the paused `yield_!` line
    if let Err(Raised::Exception(exc)) = avg.throw(ValueError("bad data")) {
        // averager does not catch it, so it propagates out and the coroutine ends
        println!("throw: ValueError propagated: {exc}");
    }
    avg.close(); // no-op: the generator already finished
    if let Err(Raised::StopIteration) = avg.send(40.0) {
        println!("avg is finished: send raises StopIteration");
    }

    let mut avg2 = Generator::new(averager());
    println!("{}", show(avg2.next().unwrap())); // None
    println!("{}", show(avg2.send(5.0).unwrap())); // 5.0
    avg2.close(); // drops the coroutine; it shuts down
    if let Err(Raised::StopIteration) = avg2.send(6.0) {
        println!("avg2 is closed: send raises StopIteration");
    }

    // forgot to prime
    if let Err(raised @ Raised::TypeError(_)) = Generator::new(averager()).send(10.0) {
        println!("{raised}");
    }
}

// ---- a Python generator object ------------------------------------------------------------
//
// WORKAROUND(coro gap): Python's generator object remembers whether it has started and
// whether it has finished: `send` before the priming `next` is a TypeError, and `send`
// after the end raises StopIteration again and again. A coroutine of `coro` cannot be
// asked (its `status()` is not reachable through `impl Coroutine`), silently drops the
// first resume's value, and panics when resumed after completion; there is no
// `throw`/`close` yet either. This wrapper keeps those facts itself. `throw(e)` is
// `resume(Err(e))` and `close()` drops the coroutine, so its drop guards run.

/// What a call on a generator raised.
#[derive(Debug)]
enum Raised<E> {
    StopIteration,
    TypeError(&'static str),
    /// An exception that propagated out of the generator, ending it.
    Exception(E),
}

impl<E: fmt::Display> fmt::Display for Raised<E> {
    /// How Python's traceback names the exception.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Raised::StopIteration => f.write_str("StopIteration"),
            Raised::TypeError(msg) => write!(f, "TypeError: {msg}"),
            Raised::Exception(exc) => write!(f, "{exc}"),
        }
    }
}

/// An averager with Python's generator-object protocol: `next`, `send`, `throw`, `close`.
struct Generator<C> {
    /// `None` once the coroutine has finished or been closed.
    coroutine: Option<C>,
    started: bool,
}

impl<C> Generator<C>
where
    C: Coroutine<Result<f64, ValueError>, Yield = Option<f64>, Return = Result<(), ValueError>>,
{
    fn new(coroutine: C) -> Self {
        Generator {
            coroutine: Some(coroutine),
            started: false,
        }
    }

    /// `next(gen)`: runs a fresh generator to its first yield. (On a suspended one Python
    /// would send `None`, which these coroutines, sent numbers, have no use for.)
    fn next(&mut self) -> Result<Option<f64>, Raised<ValueError>> {
        let Some(coroutine) = &mut self.coroutine else {
            return Err(Raised::StopIteration);
        };
        assert!(
            !self.started,
            "next() on a suspended generator would send None"
        );
        self.started = true;
        let state = coroutine.start().expect("a fresh coroutine starts");
        self.finish(state)
    }

    /// `gen.send(value)`
    fn send(&mut self, value: f64) -> Result<Option<f64>, Raised<ValueError>> {
        if self.coroutine.is_some() && !self.started {
            return Err(Raised::TypeError(
                "can't send non-None value to a just-started generator",
            ));
        }
        self.resume(Ok(value))
    }

    /// `gen.throw(exc)`: raises `exc` at the paused `yield_!`.
    fn throw(&mut self, exc: ValueError) -> Result<Option<f64>, Raised<ValueError>> {
        self.resume(Err(exc))
    }

    /// `gen.close()`: drops the coroutine, running its drop guards; a no-op once finished.
    fn close(&mut self) {
        self.coroutine = None;
    }

    fn resume(&mut self, arg: Result<f64, ValueError>) -> Result<Option<f64>, Raised<ValueError>> {
        let Some(coroutine) = &mut self.coroutine else {
            return Err(Raised::StopIteration);
        };
        self.started = true;
        let state = coroutine.resume(arg);
        self.finish(state)
    }

    fn finish(
        &mut self,
        state: CoroutineState<Option<f64>, Result<(), ValueError>>,
    ) -> Result<Option<f64>, Raised<ValueError>> {
        match state {
            CoroutineState::Yielded(value) => Ok(value),
            CoroutineState::Complete(result) => {
                self.coroutine = None;
                match result {
                    Ok(()) => Err(Raised::StopIteration),
                    Err(exc) => Err(Raised::Exception(exc)),
                }
            }
        }
    }
}
