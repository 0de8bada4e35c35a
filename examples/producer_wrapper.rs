//! `producer_wrapper`: a port of `tests/python/producer_wrapper.py`; prints exactly `tests/python/producer_wrapper.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       section "Composing generators: yield from" (the yield-from delegation
//! #       walkthrough: producer() returns a value captured by yield from).
//! # Completed: nothing needed beyond the walkthrough's source listing.
//!
//!
//! def producer():
//!     yield 1
//!     yield 2
//!     return "done"                   # a generator can return a value
//!
//!
//! def wrapper():
//!     result = yield from producer()  # `result` captures producer's return value
//!     print("subgenerator returned:", result)
//!     yield result
//!
//!
//! w = wrapper()
//! print(next(w))   # 1
//! print(next(w))   # 2
//! print(next(w))   # prints "subgenerator returned: done", then yields "done"
//! ```
//!
//! `producer` yields ints and `wrapper` then yields the string `producer` returned; a
//! sub-coroutine's yields pass straight out of `yield_from!`, so both yield one type: a
//! small enum standing for "an int or a string".

use std::fmt;

use coro::{Coroutine, yield_, yield_from};

/// What the generators yield: Python's ints and strs.
enum Value {
    Int(i32),
    Str(&'static str),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => f.write_str(s),
        }
    }
}

#[coro::coroutine]
fn producer() -> impl Coroutine<Yield = Value, Return = &'static str> {
    yield_!(Value::Int(1));
    yield_!(Value::Int(2));
    "done" // a coroutine can return a value
}

#[coro::coroutine]
fn wrapper() -> impl Iterator<Item = Value> {
    let result = yield_from!(producer()); // `result` captures producer's return value
    println!("subgenerator returned: {result}");
    yield_!(Value::Str(result));
}

fn main() {
    let mut w = wrapper();
    println!("{}", w.next().unwrap()); // 1
    println!("{}", w.next().unwrap()); // 2
    println!("{}", w.next().unwrap()); // prints "subgenerator returned: done", then yields "done"
}
