//! The runtime half of `coro`: the [`Coroutine`] trait, [`CoroutineState`], and the
//! support code that `#[coro::coroutine]` expands to.
//!
//! Features: `alloc` (the `#[coro::coroutine(static)]` runtime and the `Box` impls) and
//! `std` (default; the [`scheduler`], and `alloc`).
//!
//! The core is `#![no_std]` and needs no allocator: a coroutine is a plain value (an enum
//! state machine plus a zero-sized step function), so it lives wherever you put it.
//!
//! ```
//! use coro_runtime::{Coroutine, CoroutineState};
//!
//! /// A hand-written coroutine: yields `n, n-1, .., 1`, then returns `"liftoff"`.
//! struct Countdown(u32);
//!
//! impl Coroutine for Countdown {
//!     type Yield = u32;
//!     type Return = &'static str;
//!     fn resume(&mut self, (): ()) -> CoroutineState<u32, &'static str> {
//!         if self.0 == 0 {
//!             return CoroutineState::Complete("liftoff");
//!         }
//!         self.0 -= 1;
//!         CoroutineState::Yielded(self.0 + 1)
//!     }
//! }
//!
//! let mut c = Countdown(2);
//! assert_eq!(c.resume(()), CoroutineState::Yielded(2));
//! assert_eq!(c.resume(()), CoroutineState::Yielded(1));
//! assert_eq!(c.resume(()), CoroutineState::Complete("liftoff"));
//! ```
#![no_std]
#![warn(missing_docs)]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

mod coroutine;
mod diagnostics;
#[cfg(feature = "std")]
pub mod scheduler;
#[cfg(feature = "alloc")]
mod static_coroutine;

#[doc(hidden)]
pub mod __private;
// Named in error messages, which print an item by its shortest path that passes no
// `#[doc(hidden)]` module: here that is its bare name, not `coro::__private::..`.
#[doc(hidden)]
pub use diagnostics::{
    BareYield, CapturedField, CloneAcrossYield, CloneArgument, CloneArgumentFails, CloneFails,
    IteratorKind, NothingSent, ReturnFromQuestionMark, SendAcrossYield, SendArgument,
    SendArgumentFails, SendFails, SentByResume, UnsupportedKind, YieldFromOperand,
};
// A `yield_from!` operand that is an iterator is kept as one of these; a message about the
// kept value (not `Send`, not `Clone`) names it by this path.
#[doc(hidden)]
pub use __private::IterCoroutine;

#[cfg(feature = "alloc")]
pub use coroutine::boxed_iter;
pub use coroutine::{
    Control, Coroutine, CoroutineExt, CoroutineState, DynCoroutine, SendValue, Status, Throwable,
    YieldFrom,
};
