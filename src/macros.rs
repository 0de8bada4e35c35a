//! `yield_!` and `yield_from!`: the suspension points of a `#[coro::coroutine]` body.
//!
//! The attribute macro finds these calls and rewrites them before rustc expands them, so
//! the `macro_rules!` definitions below only ever expand where no `#[coro::coroutine]`
//! saw them: outside a coroutine body. They exist so the names import, autocomplete and
//! show up in docs like any other macro, and so a stray use is a clear error.

/// Suspends the coroutine, handing `value` out; evaluates to the value sent in by the next
/// resume. `yield_!()` yields `()`.
///
/// Only meaningful in the body of a function marked `#[coro::coroutine]`; anywhere else it
/// is a compile error.
///
/// ```
/// use coro::{yield_, Coroutine, CoroutineState};
///
/// #[coro::coroutine]
/// fn echo() -> impl Coroutine<String, Yield = usize, Return = ()> {
///     let mut received = 0;
///     loop {
///         let line: String = yield_!(received);
///         received += line.len();
///     }
/// }
///
/// let mut e = echo();
/// assert_eq!(e.resume(String::new()), CoroutineState::Yielded(0)); // primes: the argument is dropped
/// assert_eq!(e.resume("abc".into()), CoroutineState::Yielded(3));
/// ```
///
/// ```compile_fail
/// // Outside a #[coro::coroutine] function:
/// fn not_a_coroutine() {
///     coro::yield_!(1);
/// }
/// ```
#[macro_export]
macro_rules! yield_ {
    // The attribute invokes this arm with the path the user wrote, so that an imported
    // `yield_` counts as used once the attribute has rewritten every call.
    (@__coro_mark_used) => {};
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`yield_!` can only be used in the body of a function marked `#[coro::coroutine]` \
             (written with its path: a bare imported `#[coroutine]` is rustc's own attribute), \
             written in the body itself: the attribute rewrites the body before a macro called \
             in it expands, so it never sees a `yield_!` that such a macro expands to; write \
             it in the body, or have your macro write the whole function and its attribute"
        )
    };
}

/// Runs a sub-coroutine (or any `IntoIterator`) to completion inside this one: its yields
/// are passed out, the values sent in are passed on to it, and the expression evaluates to
/// its return value (PEP 380's `yield from`).
///
/// Only meaningful in the body of a function marked `#[coro::coroutine]`; anywhere else it
/// is a compile error.
///
/// ```
/// use coro::{yield_, yield_from, Coroutine, CoroutineState};
///
/// #[coro::coroutine]
/// fn producer() -> impl Coroutine<Yield = i32, Return = &'static str> {
///     yield_!(1);
///     yield_!(2);
///     "done"
/// }
///
/// #[coro::coroutine]
/// fn wrapper() -> impl Iterator<Item = i32> {
///     let result = yield_from!(producer());
///     assert_eq!(result, "done");
///     yield_from!([3, 4]);
/// }
///
/// assert_eq!(wrapper().collect::<Vec<_>>(), [1, 2, 3, 4]);
/// ```
///
/// ```compile_fail
/// fn not_a_coroutine() {
///     coro::yield_from!(0..3);
/// }
/// ```
#[macro_export]
macro_rules! yield_from {
    // The attribute invokes this arm with the path the user wrote, so that an imported
    // `yield_from` counts as used once the attribute has rewritten every call.
    (@__coro_mark_used) => {};
    ($($tokens:tt)*) => {
        ::core::compile_error!(
            "`yield_from!` can only be used in the body of a function marked `#[coro::coroutine]` \
             (written with its path: a bare imported `#[coroutine]` is rustc's own attribute), \
             written in the body itself: the attribute rewrites the body before a macro called \
             in it expands, so it never sees a `yield_from!` that such a macro expands to; write \
             it in the body, or have your macro write the whole function and its attribute"
        )
    };
}
