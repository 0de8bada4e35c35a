//! Traits whose only job is an error message: generated code goes through them where a
//! mistake would otherwise be a type mismatch reported on the attribute. They live outside
//! the `#[doc(hidden)]` `__private` module and are re-exported at the crate root, so that
//! rustc names them by their bare name (it prints an item by a path that passes no hidden
//! module), and a message never shows generated internals.

/// The value of a bare `yield_!()`: `()`, typed through this trait so that a coroutine
/// whose `Yield` is not `()` gets an error at the `yield_!()` that says why, rather than a
/// type mismatch on the attribute. Only `()` implements it, so no coercion is lost: `()`
/// coerces to nothing else.
#[diagnostic::on_unimplemented(
    message = "`yield_!()` yields `()`, and this coroutine yields `{Self}`",
    label = "a bare `yield_!()` hands out `()`: write `yield_!(value)` with a `{Self}`"
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
