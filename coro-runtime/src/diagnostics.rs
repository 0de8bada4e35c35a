//! Traits whose only job is an error message: generated code goes through them where a
//! mistake would otherwise be a type mismatch reported on the attribute. They live outside
//! the `#[doc(hidden)]` `__private` module and are re-exported at the crate root, so that
//! rustc names them by their bare name (it prints an item by a path that passes no hidden
//! module), and a message never shows generated internals.

use core::convert::{From, Infallible};
use core::marker::PhantomData;
use core::option::Option::{self, None};
use core::result::Result::{self, Err, Ok};

use crate::__private::{IterCoroutine, NeverCoroutine, unreachable_coroutine};

/// The value of a bare `yield_!()`: `()`, typed through this trait so that a coroutine
/// whose `Yield` is not `()` gets an error at the `yield_!()` that says why, rather than a
/// type mismatch on the attribute. Only `()` implements it, so no coercion is lost: `()`
/// coerces to nothing else.
#[diagnostic::on_unimplemented(
    message = "`yield_!()` yields `()`, and this coroutine yields `{Self}`",
    label = "a bare `yield_!()` hands out `()`: write `yield_!(value)` with a value of type `{Self}`"
)]
pub trait BareYield {
    /// `()`.
    fn unit() -> Self;
}

// Not offered as a fix in the error ("the trait is implemented for `()`"): the fix is the
// value, not the type.
#[diagnostic::do_not_recommend]
impl BareYield for () {
    #[inline(always)]
    fn unit() {}
}

/// The stable stand-in for `core::ops::FromResidual` (generated code names it
/// `__private::FromResidual`): what a failed `?` completes the coroutine with.
#[diagnostic::on_unimplemented(
    message = "the `?` operator can only be used in a coroutine whose `Return` type is a `Result` or `Option` that can hold its error",
    label = "this `?` would complete the coroutine with `{R}`, which does not fit its `Return` type `{Self}`"
)]
pub trait ReturnFromQuestionMark<R> {
    /// Builds the coroutine's return value from the residual of a failed `?`.
    fn from_residual(residual: R) -> Self;
}

impl<T, E, F: From<E>> ReturnFromQuestionMark<Result<Infallible, E>> for Result<T, F> {
    #[inline(always)]
    fn from_residual(residual: Result<Infallible, E>) -> Self {
        match residual {
            Err(e) => Err(From::from(e)),
            Ok(never) => match never {},
        }
    }
}

impl<T> ReturnFromQuestionMark<Option<Infallible>> for Option<T> {
    #[inline(always)]
    fn from_residual(_: Option<Infallible>) -> Self {
        None
    }
}

/// Implemented by nothing: its only purpose is the message of the error it causes.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` cannot delegate to `{Self}`",
    label = "not a coroutine sent `{S}`, nor an iterator",
    note = "`yield_from!` takes a coroutine with the same `Send` type as this one (`{S}`), or, when nothing is sent (`Send = ()`), anything `IntoIterator`"
)]
pub trait YieldFromOperand<S> {}

/// The operand of `yield_from!` is neither a coroutine nor an iterator.
pub struct UnsupportedKind<S>(pub(crate) PhantomData<fn(S)>);
impl<S> UnsupportedKind<S> {
    /// Reports the error through its bound, which never holds; the result fits any
    /// `Yield`, so that error is the only one.
    pub fn wrap<T: YieldFromOperand<S>, Y>(self, _sub: T) -> NeverCoroutine<S, Y, ()> {
        unreachable_coroutine()
    }
}

/// The value a `yield_!` evaluates to, bound by a `let` whose type annotation no value can
/// coerce to (no reference, pointer or smart pointer in it), so the types must be equal:
/// `let line: String = yield_!(n)`. Going through this trait, a mismatch is reported at the
/// `yield_!` with what it evaluates to and why, not as a mismatch on the attribute.
#[diagnostic::on_unimplemented(
    message = "`yield_!` evaluates to the value sent by `resume`, and this coroutine is sent `{Self}`",
    label = "this evaluates to the sent `{Self}`; the `let` declares `{T}`",
    note = "to be sent a `{T}`, declare it: `impl Coroutine<{T}, Yield = Y, Return = R>`"
)]
pub trait SentByResume<T> {
    /// The value itself.
    fn sent_value(self) -> T;
}

// Not offered as a fix: the fix is the annotation or the declared sent type.
#[diagnostic::do_not_recommend]
impl<T> SentByResume<T> for T {
    #[inline(always)]
    fn sent_value(self) -> T {
        self
    }
}

/// Implemented by `()` only: an iterator (a generator declared `impl Iterator` among them)
/// takes no sent values, so delegating to it from a coroutine that is sent some would
/// have to drop them, and a `throw` (a sent `Err`) would vanish. Python's `yield from`
/// sends them on to the sub-generator, which may ignore them; coro asks for the loop that
/// says what to do with them instead.
#[diagnostic::on_unimplemented(
    message = "`yield_from!` cannot delegate to an iterator in a coroutine that is sent `{Self}`",
    label = "an iterator (or a generator) would drop every `{Self}` sent to this coroutine while it runs, and every `throw`",
    note = "write the loop, and say what happens to the sent values: `for item in sub {{ let sent = yield_!(item); .. }}`",
    note = "or make the operand a coroutine that is sent `{Self}` (`impl Coroutine<{Self}, Yield = ..>`), which receives them"
)]
pub trait NothingSent {}

// Not offered as a fix: the fix is the loop or a coroutine operand, not the type.
#[diagnostic::do_not_recommend]
impl NothingSent for () {}

/// The operand of `yield_from!` is an iterator: drive it as a `Coroutine<()>`.
pub struct IteratorKind<S>(pub(crate) PhantomData<fn(S)>);
impl<S> IteratorKind<S> {
    /// Wraps the iterator; only in a coroutine that is sent nothing (see [`NothingSent`]).
    #[inline(always)]
    pub fn wrap<I: IntoIterator>(self, sub: I) -> IterCoroutine<I::IntoIter, S>
    where
        S: NothingSent,
    {
        IterCoroutine(sub.into_iter(), PhantomData)
    }
}
