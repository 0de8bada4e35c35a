//! `naturals`: a port of `tests/python/naturals.py`; prints exactly `tests/python/naturals.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       "Because the execution can be yielded at any time in the code, we can
//! #       use infinite loops".
//! # Completed: the loop body is elided in the seed; it breaks once i > 10 and
//! # otherwise prints i (so 0..10 are printed).
//!
//!
//! def naturals():
//!     n = 0
//!     while True:
//!         yield n
//!         n += 1
//!
//!
//! for i in naturals():
//!     if i > 10:
//!         break
//!     print(i)
//! ```
//!
//! Breaking out of the `for` loop drops the unfinished generator, as Python does.

use coro::yield_;

#[coro::coroutine]
fn naturals() -> impl Iterator<Item = u64> {
    let mut n = 0;
    loop {
        yield_!(n);
        n += 1;
    }
}

fn main() {
    for i in naturals() {
        if i > 10 {
            break;
        }
        println!("{i}");
    }
}
