//! `checkpoints`: a port of `tests/python/checkpoints.py`; prints exactly `tests/python/checkpoints.out`.
//!
//! ```python
//! # Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
//! #       "Here's a basic example" (a function divided into parts by yield).
//! # Completed: the code is missing from the seed (image). Reconstructed from the
//! # text: a coroutine with checkpoints, each part executed by next(); after the
//! # last part no yield is left and StopIteration is raised (caught here).
//!
//!
//! def func():
//!     print("Function part 1")
//!     yield
//!     print("Function part 2")
//!     yield
//!     print("Function part 3")
//!
//!
//! y = func()          # gives a generator object; nothing runs yet
//! next(y)             # runs part 1, pauses at the first checkpoint
//! next(y)             # runs part 2
//! try:
//!     next(y)         # runs part 3, then no yield is left
//! except StopIteration:
//!     print("StopIteration: no checkpoint left")
//! ```
//!
//! Python's bare `yield` is `yield_!()`, which yields `()`.

use coro::yield_;

#[coro::coroutine]
fn func() -> impl Iterator<Item = ()> {
    println!("Function part 1");
    yield_!();
    println!("Function part 2");
    yield_!();
    println!("Function part 3");
}

fn main() {
    let mut y = func(); // gives a generator; nothing runs yet
    y.next(); // runs part 1, pauses at the first checkpoint
    y.next(); // runs part 2
    if y.next().is_none() {
        // runs part 3, then no yield is left
        println!("StopIteration: no checkpoint left");
    }
}
