//! `checkpoint_send`: a port of `tests/python/checkpoint_send.py`; prints exactly `tests/python/checkpoint_send.out`.
//!
//! ```python
//! # Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
//! #       "Suppose we want to send a value ... at a certain checkpoint".
//! # Completed: the code is missing from the seed (image). Reconstructed from the
//! # text: next() first to reach the first `x = yield` checkpoint, then send()
//! # values into the following checkpoints; the final send runs the last part
//! # and raises StopIteration (caught here).
//!
//!
//! def func():
//!     print("Function part 1")
//!     x = yield
//!     print("received", x)
//!     print("Function part 2")
//!     a = yield
//!     print("received", a)
//!     print("Function part 3")
//!
//!
//! y = func()
//! next(y)             # reach the first yield; only now can we send
//! y.send(6)
//! try:
//!     y.send(12)
//! except StopIteration:
//!     print("StopIteration")
//! ```
//!
//! `next(y)` on a fresh generator is [`Coroutine::start`]; `y.send(v)` is
//! [`Coroutine::resume`], and the `StopIteration` it raises at the end is
//! [`CoroutineState::Complete`].

use coro::{Coroutine, CoroutineState, yield_};

#[coro::coroutine]
fn func() -> impl Coroutine<i32, Yield = (), Return = ()> {
    println!("Function part 1");
    let x = yield_!();
    println!("received {x}");
    println!("Function part 2");
    let a = yield_!();
    println!("received {a}");
    println!("Function part 3");
}

fn main() {
    let mut y = func();
    y.start(); // reach the first yield; only now can we send
    y.resume(6);
    if let CoroutineState::Complete(()) = y.resume(12) {
        println!("StopIteration");
    }
}
