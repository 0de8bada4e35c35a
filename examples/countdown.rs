//! `countdown`: a port of `tests/python/countdown.py`; prints exactly `tests/python/countdown.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       section "A normal function vs a generator".
//! # Completed: the article's last next(gen) raises StopIteration uncaught; it is
//! # caught and reported here. Added the "for loops catch this automatically"
//! # remark from the text as a small for-loop drive.
//!
//!
//! def countdown(n):
//!     print("starting countdown")
//!     while n > 0:
//!         yield n          # pause here, hand `n` to the caller
//!         n -= 1           # resume here on the next request
//!     print("done")
//!
//!
//! gen = countdown(3)       # NOTHING prints yet - the body hasn't run
//! print(next(gen))         # "starting countdown", then 3
//! print(next(gen))         # 2
//! print(next(gen))         # 1
//! try:
//!     print(next(gen))     # "done", then raises StopIteration
//! except StopIteration:
//!     print("StopIteration")
//!
//! # A for loop is just this protocol with StopIteration caught for us.
//! for n in countdown(2):
//!     print(n)
//! ```
//!
//! `next(gen)` is `Iterator::next`, and Python's `StopIteration` is its `None`. The
//! generator is fused: after "done" it keeps answering `None`.

use coro::yield_;

#[coro::coroutine]
fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    println!("starting countdown");
    while n > 0 {
        yield_!(n); // pause here, hand `n` to the caller
        n -= 1; // resume here on the next request
    }
    println!("done");
}

fn main() {
    let mut generator = countdown(3); // NOTHING prints yet - the body hasn't run
    for _ in 0..4 {
        match generator.next() {
            Some(n) => println!("{n}"), // "starting countdown" first, then 3, 2, 1
            None => println!("StopIteration"), // "done" ran first
        }
    }

    // A for loop is just this protocol with the `None` caught for us.
    for n in countdown(2) {
        println!("{n}");
    }
}
