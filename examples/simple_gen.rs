//! `simple_gen`: a port of `tests/python/simple_gen.py`; prints exactly `tests/python/simple_gen.out`.
//!
//! ```python
//! # Seed: 004_a92c39d6340c7ee3.txt ("Python: Generators, Coroutines, Native
//! #       Coroutines and async/await"), section on generators ("Let's look at
//! #       this example").
//! # Completed: the code is missing from the seed (image). Reconstructed from the
//! # text: a generator function yielding values; calling it gives a generator
//! # object, and we "call next() on a generator object to iterate over the
//! # values. Or run a for loop."
//!
//!
//! def simple_gen():
//!     yield "Hello"
//!     yield "World"
//!
//!
//! gen = simple_gen()
//! print(next(gen))
//! print(next(gen))
//!
//! for value in simple_gen():
//!     print(value)
//! ```

use coro::yield_;

#[coro::coroutine]
fn simple_gen() -> impl Iterator<Item = &'static str> {
    yield_!("Hello");
    yield_!("World");
}

fn main() {
    let mut generator = simple_gen();
    println!("{}", generator.next().unwrap());
    println!("{}", generator.next().unwrap());

    for value in simple_gen() {
        println!("{value}");
    }
}
