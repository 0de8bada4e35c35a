//! Python-style generators and coroutines for Rust, lowered to enum state machines on
//! stable Rust.
//!
//! ```
//! use coro::yield_;
//!
//! #[coro::coroutine]
//! fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
//!     while n > 0 {
//!         yield_!(n);
//!         n -= 1;
//!     }
//! }
//!
//! assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
//! ```
//!
//! See the README for the tour, and `docs/LOWERING.md` for how a function becomes a state
//! machine.
#![no_std]

mod macros;

pub use coro_macros::coroutine;
pub use coro_runtime::*;

/// The README's example runs as a doc test, so it cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
