//! `switch_coroutines`: a port of `tests/python/switch_coroutines.py`; prints exactly `tests/python/switch_coroutines.out`.
//!
//! ```python
//! # Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
//! #       "switch back and forth between two functions like we do in
//! #       multithreading".
//! # Completed: the code is missing from the seed (image). Reconstructed from the
//! # text: two coroutines whose parts are run in an order chosen by the caller
//! # ("we can switch whenever we want"), which is what a scheduler automates.
//!
//!
//! def func1():
//!     print("Function 1 part 1")
//!     yield
//!     print("Function 1 part 2")
//!     yield
//!     print("Function 1 part 3")
//!
//!
//! def func2():
//!     print("Function 2 part 1")
//!     yield
//!     print("Function 2 part 2")
//!     yield
//!     print("Function 2 part 3")
//!
//!
//! def run_part(gen):
//!     try:
//!         next(gen)
//!     except StopIteration:
//!         pass
//!
//!
//! a = func1()
//! b = func2()
//! # Our own switching order, chosen freely:
//! for gen in [a, b, b, a, a, b]:
//!     run_part(gen)
//! ```
//!
//! Python keeps a list of references to the two generators, `[a, b, b, a, a, b]`. Rust
//! cannot hold several `&mut` to one generator at once, so the switching order is a list
//! of indices into an array of the two generators, boxed because each coroutine function
//! returns its own type.

use coro::yield_;

#[coro::coroutine]
fn func1() -> impl Iterator<Item = ()> {
    println!("Function 1 part 1");
    yield_!();
    println!("Function 1 part 2");
    yield_!();
    println!("Function 1 part 3");
}

#[coro::coroutine]
fn func2() -> impl Iterator<Item = ()> {
    println!("Function 2 part 1");
    yield_!();
    println!("Function 2 part 2");
    yield_!();
    println!("Function 2 part 3");
}

/// Runs the next part of `generator`; a finished one (`StopIteration`) is ignored.
fn run_part(generator: &mut dyn Iterator<Item = ()>) {
    let _ = generator.next();
}

fn main() {
    let mut generators: [Box<dyn Iterator<Item = ()>>; 2] = [Box::new(func1()), Box::new(func2())];
    let (a, b) = (0, 1);
    // Our own switching order, chosen freely:
    for g in [a, b, b, a, a, b] {
        run_part(generators[g].as_mut());
    }
}
