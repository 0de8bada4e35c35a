//! `sliding_window`: a port of `tests/python/sliding_window.py`; prints exactly `tests/python/sliding_window.out`.
//!
//! ```python
//! # Seed: 001_37f29d5ea6b569f9.txt ("Coroutine Basics"), "Sliding window" example.
//! # Completed: nothing needed; the snippet is complete as published.
//! from collections import deque
//!
//!
//! def window(size):
//!     buf = deque(maxlen=size)
//!     while True:
//!         x = yield list(buf)
//!         buf.append(x)
//!
//!
//! w = window(3); next(w)
//! for v in [1, 2, 3, 4, 5, 6]:
//!     print(w.send(v))
//! ```
//!
//! `deque(maxlen=3)` is a `VecDeque` that drops its oldest item when full; `list(buf)` is
//! a fresh `Vec` copy, yielded out.

use std::collections::VecDeque;

use coro::{Coroutine, yield_};

#[coro::coroutine]
fn window(size: usize) -> impl Coroutine<i32, Yield = Vec<i32>, Return = ()> {
    let mut buf = VecDeque::with_capacity(size);
    loop {
        let x = yield_!(buf.iter().copied().collect::<Vec<_>>());
        if buf.len() == size {
            buf.pop_front();
        }
        buf.push_back(x);
    }
}

fn main() {
    let mut w = window(3);
    w.start();
    for v in [1, 2, 3, 4, 5, 6] {
        println!("{:?}", w.resume(v).yielded().unwrap());
    }
}
