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
//! included, and closing `wrapper` drops the `averager` inside it. Where Python raises
//! `StopIteration` from a closed generator, the port asks `status()`: resuming a complete
//! coroutine panics.

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

/// The value of `gen.send(..)` or `gen.throw(..)`, when the coroutine yielded one.
fn sent<R>(state: CoroutineState<Option<f64>, R>) -> String {
    match state {
        CoroutineState::Yielded(average) => show(average),
        CoroutineState::Complete(_) => "StopIteration".to_string(),
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
    println!("-- direct --");
    let mut avg = averager();
    avg.start();
    println!("{}", sent(avg.send(10.0))); // 10.0
    println!("{}", sent(avg.send(20.0))); // 15.0
    if let Ok(returned) = avg.throw(ValueError("bad data")) {
        // handled inside, yields 15.0 again
        println!("throw returned: {}", sent(returned));
    }
    println!("{}", sent(avg.send(30.0))); // 20.0
    avg.close(); // drops the locals at the yield -> Finally runs
    if avg.status() == Status::Complete {
        println!("closed: send raises StopIteration");
    }

    println!("-- through yield from --");
    let mut w = wrapper();
    w.start();
    println!("{}", sent(w.send(4.0))); // 4.0
    if let Ok(returned) = w.throw(ValueError("oops")) {
        // forwarded to averager, 4.0
        println!("throw returned: {}", sent(returned));
    }
    println!("{}", sent(w.send(8.0))); // 6.0
    w.close(); // forwarded: averager's Finally runs
    if w.status() == Status::Complete {
        println!("closed: next raises StopIteration");
    }
}
