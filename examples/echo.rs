//! `echo`: a port of `tests/python/echo.py`; prints exactly `tests/python/echo.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       PEP 342 section: "a simple coroutine that just prints what it
//! #       receives" and the follow-up showing the confusing first send().
//! # Completed: echo's elided body prints the received line, and lines are sent
//! # after the empty send(None) that initializes it. The second example (also
//! # called echo() in the seed) is named echo_ready here; it prints what it
//! # received, and the StopIteration raised by f.send('hi') is caught.
//!
//!
//! # Dummy function that prints what it receives
//! def echo():
//!     while True:
//!         line = (yield)
//!         print(line)
//!
//!
//! gen = echo()
//! gen.send(None)          # "initialize" the coroutine: run to the first yield
//! gen.send("hello")
//! gen.send("world")
//!
//!
//! def echo_ready():
//!     x = yield 'ready'
//!     print("received", x)
//!
//!
//! f = echo_ready()
//! print(f.send(None))     # Moves to the yield line, gets 'ready'
//! try:
//!     f.send('hi')        # Sends hi but throws StopIteration
//! except StopIteration:
//!     print("StopIteration")
//! ```
//!
//! Python primes with `send(None)`; here [`Coroutine::start`] runs a fresh coroutine to
//! its first yield without a value to send. A `yield_!()` in `echo` yields `()` and
//! evaluates to the line sent in. `f.send('hi')` finishing the generator is
//! [`CoroutineState::Complete`].

use coro::{Coroutine, CoroutineState, yield_};

// Dummy function that prints what it receives
#[coro::coroutine]
fn echo() -> impl Coroutine<&'static str, Yield = (), Return = ()> {
    loop {
        let line = yield_!();
        println!("{line}");
    }
}

#[coro::coroutine]
fn echo_ready() -> impl Coroutine<&'static str, Yield = &'static str, Return = ()> {
    let x = yield_!("ready");
    println!("received {x}");
}

fn main() {
    let mut generator = echo();
    generator.start(); // "initialize" the coroutine: run to the first yield
    generator.resume("hello");
    generator.resume("world");

    let mut f = echo_ready();
    if let Some(CoroutineState::Yielded(ready)) = f.start() {
        println!("{ready}"); // moves to the yield line, gets 'ready'
    }
    if let CoroutineState::Complete(()) = f.resume("hi") {
        println!("StopIteration"); // sends hi, and the generator finishes
    }
}
