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
//!
//! **Features.** `std` (default) adds [`scheduler`] and implies `alloc`, which adds
//! `#[coro::coroutine(static)]` and the `Box` impls. With `default-features = false` the
//! crate needs only `core`: generators, coroutines and the whole protocol work in a
//! `#![no_std]` crate (see the README's "Without std").
#![no_std]

mod macros;

pub use coro_macros::coroutine;

/// What `#[coro::coroutine]` expands to when the body holds a `#[cfg]`: not a public API.
#[doc(hidden)]
pub mod __cfg_eval {
    pub use coro_macros::{CoroCfgEval, discard};
}
pub use coro_runtime::*;

/// Everything a coroutine user needs in scope, in one `use`: the macros and the traits
/// whose methods you call (`resume`, `send`, `throw`, `close`, `status`).
///
/// ```
/// use coro::prelude::*;
///
/// #[coro::coroutine]
/// fn naturals() -> impl Iterator<Item = u64> {
///     let mut n = 0;
///     loop {
///         yield_!(n);
///         n += 1;
///     }
/// }
///
/// let mut it = naturals();
/// assert_eq!(it.status(), Status::Created);
/// assert_eq!(it.next(), Some(0));
/// it.close();
/// assert_eq!((it.status(), it.next()), (Status::Complete, None));
/// ```
pub mod prelude {
    pub use crate::{
        Control, Coroutine, CoroutineExt, CoroutineState, DynCoroutine, Status, yield_, yield_from,
    };
}

/// The README's example runs as a doc test, so it cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
