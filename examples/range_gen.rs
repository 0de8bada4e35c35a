//! `range_gen`: a port of `tests/python/range_gen.py`; prints exactly `tests/python/range_gen.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       opening section on generators (custom implementation of range()).
//! # Completed: the for loop body is elided in the seed; it prints each value.
//!
//!
//! def range_gen(start, end, step):
//!     i = start
//!     while i < end:
//!         yield i
//!         i += step
//!
//!
//! for i in range_gen(1, 10, 2):
//!     print(i)
//! ```

use coro::yield_;

#[coro::coroutine]
fn range_gen(start: i32, end: i32, step: i32) -> impl Iterator<Item = i32> {
    let mut i = start;
    while i < end {
        yield_!(i);
        i += step;
    }
}

fn main() {
    for i in range_gen(1, 10, 2) {
        println!("{i}");
    }
}
