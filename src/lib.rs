//! Python-style generators and coroutines for Rust, lowered to enum state machines on
//! stable Rust: write a function with `yield_!` in it, mark it [`#[coro::coroutine]`](coroutine),
//! and calling it returns a suspended coroutine, a plain value with no thread, no runtime
//! and no allocation.
//!
//! # Generators
//!
//! A function declared `-> impl Iterator<Item = Y>` is a generator: nothing runs until the
//! first `next`, and each [`yield_!`] hands out one item.
//!
//! ```
//! use coro::yield_;
//!
//! #[coro::coroutine]
//! fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
//!     while n > 0 {
//!         yield_!(n);          // Python: yield n
//!         n -= 1;
//!     }
//! }
//!
//! assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
//! ```
//!
//! # Coroutines: send, throw, close
//!
//! Declared `-> impl Coroutine<S, Yield = Y, Return = R>`, it is sent values of type `S`:
//! `yield_!(v)` evaluates to the next one. [`Coroutine::start`] runs it to its first yield
//! (Python's priming `next(gen)`); [`CoroutineExt::send`] and [`CoroutineExt::throw`] are
//! Python's `send` and `throw` (a coroutine sent `Result<T, E>` sees a thrown `E` as
//! `Err`); [`Control::close`] drops it where it stands and [`Control::status`] says where
//! that is.
//!
//! ```
//! use coro::prelude::*;
//!
//! #[coro::coroutine]
//! fn averager() -> impl Coroutine<Result<f64, String>, Yield = f64, Return = ()> {
//!     let (mut total, mut count) = (0.0, 0.0);
//!     loop {
//!         match yield_!(if count > 0.0 { total / count } else { 0.0 }) {
//!             Ok(x) => (total, count) = (total + x, count + 1.0),
//!             Err(e) => println!("ignored {e}"),   // Python: except ValueError
//!         }
//!     }
//! }
//!
//! let mut avg = averager();
//! avg.start();
//! assert_eq!(avg.send(10.0), CoroutineState::Yielded(10.0));
//! assert_eq!(avg.throw("bad".to_string()), Ok(CoroutineState::Yielded(10.0)));
//! assert_eq!(avg.send(20.0), CoroutineState::Yielded(15.0));
//! avg.close();
//! assert_eq!(avg.status(), Status::Complete);
//! ```
//!
//! # Delegation: `yield_from!`
//!
//! [`yield_from!`] runs a sub-coroutine (or any `IntoIterator`) to completion, passing its
//! yields out and sent values in, and evaluates to its return value, as PEP 380's
//! `yield from`:
//!
//! ```
//! use coro::{Coroutine, yield_, yield_from};
//!
//! #[coro::coroutine]
//! fn producer(n: u32) -> impl Coroutine<Yield = u32, Return = &'static str> {
//!     for i in 0..n {
//!         yield_!(i);
//!     }
//!     "done"
//! }
//!
//! #[coro::coroutine]
//! fn wrapper() -> impl Iterator<Item = u32> {
//!     let result = yield_from!(producer(2));   // Python: result = yield from producer(2)
//!     assert_eq!(result, "done");
//!     yield_from!([10, 20]);
//! }
//!
//! assert_eq!(wrapper().collect::<Vec<_>>(), [0, 1, 10, 20]);
//! ```
//!
//! # A scheduler of coroutine tasks
//!
//! [`scheduler`] (with the default `std` feature) runs `#[coro::coroutine]` tasks
//! cooperatively, after David Beazley's generator "operating system": a task talks to it
//! with `yield_from!` on typed system calls (`yield_now`, `sleep`, `spawn`, `wait`,
//! `kill`, and `accept`/`recv`/`send_all` on sockets).
//!
//! ```
//! use coro::scheduler::{Reply, Scheduler, Syscall, yield_now};
//! use coro::{Coroutine, yield_from};
//!
//! #[coro::coroutine]
//! fn task(name: &'static str, steps: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
//!     for i in 1..=steps {
//!         println!("{name}: step {i}");
//!         yield_from!(yield_now());             // Python: yield
//!     }
//!     steps
//! }
//!
//! let mut sched = Scheduler::new()?;
//! let a = sched.spawn(task("A", 3));
//! let b = sched.spawn(task("B", 2));
//! sched.run()?;
//! assert_eq!((sched.take_result(a), sched.take_result(b)), (Ok(3), Ok(2)));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Send and Clone
//!
//! A coroutine is `Send` when everything it keeps across a yield is, and the declared
//! type can say so (`-> impl Iterator<Item = u32> + Send`); with `+ Clone` on the declared
//! type, a suspended coroutine can be forked.
//!
//! ```
//! use coro::yield_;
//!
//! #[coro::coroutine]
//! fn numbers() -> impl Iterator<Item = u32> + Send + Clone {
//!     let mut n = 0;
//!     loop {
//!         n += 1;
//!         yield_!(n);
//!     }
//! }
//!
//! let mut a = numbers();
//! a.next();
//! let b = a.clone();                       // forked after 1
//! let handle = std::thread::spawn(move || b.take(2).collect::<Vec<_>>());
//! assert_eq!(handle.join().unwrap(), [2, 3]);
//! ```
//!
//! # Borrowing across a yield, and the other limits
//!
//! The default state machine moves between resumes, so a body cannot keep a reference to
//! its own local across a yield; `#[coro::coroutine(static)]` lifts that limit at the
//! cost of one allocation per coroutine (see [`macro@coroutine`]). `yield_!` cannot be
//! used inside closures, async blocks or another macro's arguments: bind the value first.
//! Where coro differs from rustc's own coroutines, and why, is in `docs/LOWERING.md`;
//! Python's protocol, row by row, in `docs/PYTHON.md`.
//!
//! **Features.** `std` (default) adds [`scheduler`] and implies `alloc`, which adds
//! `#[coro::coroutine(static)]` and the `Box` impls. `tokio` (Unix) adds
//! `scheduler::tokio`, which runs the same tasks on tokio's multi-thread runtime; they must
//! be `Send` there (see the README's "On tokio"). With `default-features = false` the
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
