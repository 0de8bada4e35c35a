//! `checkpoint_values`: a port of `tests/python/checkpoint_values.py`; prints exactly `tests/python/checkpoint_values.out`.
//!
//! ```python
//! # Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
//! #       "Let's see an example" (the value of x returned by yield at different
//! #       checkpoints).
//! # Completed: the code is missing from the seed (image). Reconstructed from the
//! # text: a variable modified several times, yielded at each checkpoint; after
//! # the last part, with no yield left, StopIteration is raised (caught here).
//!
//!
//! def func():
//!     x = 1
//!     print("Function part 1")
//!     yield x
//!     x += 10
//!     print("Function part 2")
//!     yield x
//!     x *= 3
//!     print("Function part 3")
//!     yield x
//!     print("Function part 4")
//!
//!
//! y = func()
//! print("x =", next(y))
//! print("x =", next(y))
//! print("x =", next(y))
//! try:
//!     next(y)
//! except StopIteration:
//!     print("StopIteration")
//! ```

use coro::yield_;

#[coro::coroutine]
fn func() -> impl Iterator<Item = i32> {
    let mut x = 1;
    println!("Function part 1");
    yield_!(x);
    x += 10;
    println!("Function part 2");
    yield_!(x);
    x *= 3;
    println!("Function part 3");
    yield_!(x);
    println!("Function part 4");
}

fn main() {
    let mut y = func();
    println!("x = {}", y.next().unwrap());
    println!("x = {}", y.next().unwrap());
    println!("x = {}", y.next().unwrap());
    if y.next().is_none() {
        println!("StopIteration");
    }
}
