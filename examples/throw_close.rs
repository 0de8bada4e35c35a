//! `throw_close`: a port of `tests/python/throw_close.py`; prints exactly `tests/python/throw_close.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       sections "Interrupting from the outside: throw() and close()" and
//! #       "Composing generators: yield from" (send/throw/close pass straight
//! #       through yield from); also seed 001 ("Coroutine Basics": "Use finally in
//! #       the generator for resource cleanup when close() is called").
//! # Completed: the articles only describe this in prose ("close() raises
//! # GeneratorExit at the pause point so the generator can run cleanup (e.g.
//! # release a resource in a finally: block)"). This program is the averager
//! # from the article with a try/except around the yield (so throw() is handled
//! # and the generator keeps going) and a try/finally for cleanup on close(),
//! # driven directly and then through a yield-from tunnel.
//!
//!
//! def averager():
//!     total = 0.0
//!     count = 0
//!     average = None
//!     try:
//!         while True:
//!             try:
//!                 value = yield average
//!             except ValueError as exc:
//!                 print("averager: ignoring bad input:", exc)
//!                 continue          # keep running; the next yield hands out average again
//!             total += value
//!             count += 1
//!             average = total / count
//!     finally:
//!         print(f"averager: cleanup after {count} values")
//!
//!
//! def wrapper():
//!     # a transparent tunnel: send(), throw() and close() reach averager()
//!     result = yield from averager()
//!     return result
//!
//!
//! print("-- direct --")
//! avg = averager()
//! next(avg)
//! print(avg.send(10))                                   # 10.0
//! print(avg.send(20))                                   # 15.0
//! print("throw returned:", avg.throw(ValueError, "bad data"))   # handled inside, yields 15.0 again
//! print(avg.send(30))                                   # 20.0
//! avg.close()                                           # GeneratorExit at the yield -> finally runs
//! try:
//!     avg.send(40)
//! except StopIteration:
//!     print("closed: send raises StopIteration")
//!
//! print("-- through yield from --")
//! w = wrapper()
//! next(w)
//! print(w.send(4))                                      # 4.0
//! print("throw returned:", w.throw(ValueError, "oops")) # forwarded to averager, 4.0
//! print(w.send(8))                                      # 6.0
//! w.close()                                             # forwarded: averager's finally runs
//! try:
//!     next(w)
//! except StopIteration:
//!     print("closed: next raises StopIteration")
//! ```
//!
//! The `try/except ValueError` around the yield is a `match` on what `yield_!` evaluates
//! to: a resume with `Err(ValueError(..))` is `throw()`. The `try/finally` is a drop
//! guard, `Finally`, which runs when the coroutine is dropped (`close()`). A guard cannot
//! read the coroutine's other locals when it runs, so it owns the state its cleanup
//! reports: `count` lives in the guard. `yield_from!` forwards what is sent, `Err`s
//! included, and dropping `wrapper` drops the `averager` inside it. The `Generator`
//! wrapper below supplies what Python's generator object adds on top (see the WORKAROUND
//! note there).

use std::fmt;

use coro::{Coroutine, CoroutineState, yield_, yield_from};

/// Python's `ValueError`, with its message.
#[derive(Debug)]
struct ValueError(&'static str);

impl fmt::Display for ValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// The `finally:` block of `averager`, run when it is dropped.
struct Finally {
    count: u32,
}

impl Drop for Finally {
    fn drop(&mut self) {
        println!("averager: cleanup after {} values", self.count);
    }
}

type Averager = Result<f64, ValueError>;

#[coro::coroutine]
fn averager() -> impl Coroutine<Averager, Yield = Option<f64>, Return = Result<(), ValueError>> {
    let mut total = 0.0;
    let mut average = None;
    // try: ... finally: print(f"averager: cleanup after {count} values")
    let mut state = Finally { count: 0 };
    loop {
        let value = match yield_!(average) {
            Ok(value) => value,
            Err(exc) => {
                println!("averager: ignoring bad input: {exc}");
                continue; // keep running; the next yield hands out average again
            }
        };
        total += value;
        state.count += 1;
        average = Some(total / f64::from(state.count));
    }
}

#[coro::coroutine]
fn wrapper() -> impl Coroutine<Averager, Yield = Option<f64>, Return = Result<(), ValueError>> {
    // a transparent tunnel: sent values, thrown errors and the drop reach averager()
    let result = yield_from!(averager());
    result
}

/// Python's `print` of a float or `None`.
fn show(average: Option<f64>) -> String {
    match average {
        Some(x) => format!("{x:?}"),
        None => "None".to_string(),
    }
}

fn main() {
    println!("-- direct --");
    let mut avg = Generator::new(averager());
    avg.next().unwrap();
    println!("{}", show(avg.send(10.0).unwrap())); // 10.0
    println!("{}", show(avg.send(20.0).unwrap())); // 15.0
    let returned = avg.throw(ValueError("bad data")).unwrap(); // handled inside, yields 15.0 again
    println!("throw returned: {}", show(returned));
    println!("{}", show(avg.send(30.0).unwrap())); // 20.0
    avg.close(); // drops the coroutine at the yield -> Finally runs
    if let Err(Raised::StopIteration) = avg.send(40.0) {
        println!("closed: send raises StopIteration");
    }

    println!("-- through yield from --");
    let mut w = Generator::new(wrapper());
    w.next().unwrap();
    println!("{}", show(w.send(4.0).unwrap())); // 4.0
    let returned = w.throw(ValueError("oops")).unwrap(); // forwarded to averager, 4.0
    println!("throw returned: {}", show(returned));
    println!("{}", show(w.send(8.0).unwrap())); // 6.0
    w.close(); // forwarded: averager's Finally runs
    if let Err(Raised::StopIteration) = w.next() {
        println!("closed: next raises StopIteration");
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
