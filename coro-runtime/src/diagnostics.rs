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

/// A field that a `move` closure captures out of a local kept with a drop flag (moved on
/// some other path): coro copies it out where the closure is built, as the closure would,
/// which only a `Copy` field allows. A field that is not `Copy` gets this message at the
/// user's `u.f`, not "cannot move out of dereference of `Flag<..>`" on the attribute.
#[diagnostic::on_unimplemented(
    message = "this `move` closure takes a field of type `{Self}`, which is not `Copy`, out of a local that coro keeps with a drop flag",
    label = "the closure would move this field out of a local that another path moves whole",
    note = "coro cannot move one field out of such a local and keep the rest: clone the field before the closure (`let f = x.field.clone();`) and use `f` in it, or move the whole local into the closure"
)]
pub trait CapturedField: Sized {
    /// A copy of the field.
    fn captured(&self) -> Self;
}

impl<T: Copy> CapturedField for T {
    #[inline(always)]
    fn captured(&self) -> T {
        *self
    }
}

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
    label = "this `?` would complete the coroutine with `{R}`, which does not fit its `Return` type `{Self}`",
    note = "an `Option` in a coroutine that returns a `Result` needs an error: `.ok_or(err)?`; a `Result` in one that returns an `Option` drops it: `.ok()?`"
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

/// A local that a coroutine declared `+ Send` keeps across the `yield_!` on line `LINE`,
/// and whose type is not `Send`. Implemented by nothing: the expansion stores each value
/// a suspension saves through a probe ([`SendProbe`]) that asks for this trait only when
/// the value's type is not `Send`, so such a local is reported at its own binding, with
/// the yield that keeps it alive, rather than as the whole coroutine's type failing
/// `Send` at the attribute (rustc's "`data` has type `Rc<..>` which is not `Send` ...
/// yield occurs here").
///
/// ```
/// use coro::yield_;
///
/// #[coro::coroutine]
/// fn shared(n: u32) -> impl Iterator<Item = u32> + Send {
///     let data = std::sync::Arc::new(n); // an `Rc` here is an error at `data`
///     yield_!(*data);
///     yield_!(*data + 1);
/// }
///
/// let t = std::thread::spawn(move || shared(1).collect::<Vec<_>>());
/// assert_eq!(t.join().unwrap(), [1, 2]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent between threads safely, and this coroutine declared `+ Send` keeps this value across the yield on line {LINE}",
    label = "`{Self}` is not `Send`, and this is still alive at the yield on line {LINE}",
    note = "a `+ Send` coroutine carries every local that is alive at a yield: drop this one before that yield (end its scope, or `drop(..)` it), or use a `Send` type (`Arc` for `Rc`, `Mutex` for `RefCell`)"
)]
pub trait SendAcrossYield<const LINE: u32> {
    /// What the value would be stored as; never known, so the state's type is not
    /// either, and rustc reports this error alone, not the state failing `Send` as well.
    type Kept;
}

/// An argument of a coroutine declared `+ Send` whose type is not `Send`: the coroutine
/// holds it from its creation until the body is done with it. Implemented by nothing
/// (see [`SendAcrossYield`]).
///
/// ```
/// #[coro::coroutine]
/// fn repeat(text: String) -> impl Iterator<Item = String> + Send {
///     coro::yield_!(text.clone()); // a `text: Rc<str>` is an error at `text`
///     coro::yield_!(text);
/// }
///
/// assert_eq!(repeat("a".into()).count(), 2);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent between threads safely, and this argument is kept in a coroutine declared `+ Send`",
    label = "`{Self}` is not `Send`: the coroutine holds this argument from its creation",
    note = "take a `Send` type instead (`Arc` for `Rc`, `Mutex` for `RefCell`), or remove `+ Send` from the return type"
)]
pub trait SendArgument<const LINE: u32> {
    /// Never known (see [`SendAcrossYield::Kept`]).
    type Kept;
}

/// A local that a coroutine declared `+ Clone` keeps across the `yield_!` on line `LINE`,
/// and whose type is not `Clone`: cloning a suspended coroutine clones each value it
/// keeps. Implemented by nothing (see [`SendAcrossYield`]).
///
/// ```
/// use coro::{Coroutine, CoroutineState, yield_};
///
/// #[coro::coroutine]
/// fn running_total() -> impl Coroutine<u32, Yield = u32, Return = ()> + Clone {
///     let mut seen = Vec::new(); // a `&mut Vec<u32>` here could not be cloned
///     let mut n = yield_!(0);
///     loop {
///         seen.push(n);
///         n = yield_!(seen.iter().sum());
///     }
/// }
///
/// let mut a = running_total();
/// a.start();
/// a.resume(1);
/// let mut b = a.clone();
/// assert_eq!(b.resume(2), CoroutineState::Yielded(3));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `Clone`, and this coroutine declared `+ Clone` keeps this value across the yield on line {LINE}",
    label = "`{Self}` is not `Clone`, and this is still alive at the yield on line {LINE}",
    note = "cloning a suspended coroutine clones every local alive at its yield: drop this one before that yield, or give it a `Clone` type",
    note = "if it is a `&mut` borrow: that is never `Clone`, since two clones of the coroutine would both write through it; keep the value itself in the coroutine (it owns its locals) instead of a `&mut` to it"
)]
pub trait CloneAcrossYield<const LINE: u32> {
    /// Never known (see [`SendAcrossYield::Kept`]).
    type Kept;
}

/// An argument of a coroutine declared `+ Clone` whose type is not `Clone`: a clone made
/// before the body is done with it clones it. Implemented by nothing (see
/// [`SendAcrossYield`]).
///
/// ```
/// #[coro::coroutine]
/// fn twice(text: String) -> impl Iterator<Item = String> + Clone {
///     coro::yield_!(text.clone());
///     coro::yield_!(text);
/// }
///
/// assert_eq!(twice("a".into()).clone().count(), 2);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `Clone`, and this argument is kept in a coroutine declared `+ Clone`",
    label = "`{Self}` is not `Clone`: the coroutine holds this argument from its creation",
    note = "take a `Clone` type instead (a `&mut` borrow is never `Clone`: take the value itself, or a shared `&`), or remove `+ Clone` from the return type"
)]
pub trait CloneArgument<const LINE: u32> {
    /// Never known (see [`SendAcrossYield::Kept`]).
    type Kept;
}

/// A probe's answer when the value's type has the bound: the value is stored as itself.
pub struct Checked<T>(PhantomData<fn() -> T>);

impl<T> Checked<T> {
    /// The value, as the state stores it.
    #[inline(always)]
    pub fn keep(self, value: T) -> T {
        value
    }
}

/// A probe's answer when the value's type lacks the bound, after the error: the value
/// would be stored as `K`, a type nothing names (see [`SendAcrossYield::Kept`]) and that
/// nothing relates to the value's, so the state's type stays unknown and rustc reports
/// the probe's error alone.
pub struct Unchecked<K>(PhantomData<fn() -> K>);

impl<K> Unchecked<K> {
    /// Never runs: the program that calls it does not compile.
    pub fn keep<T>(self, _: T) -> K {
        unreachable!("a failed check of a kept value does not compile")
    }
}

/// Probes a value kept across the yield on line `LINE` of a `+ Send` coroutine, by
/// autoref specialisation: `(&&SendProbe::<_, LINE>(&value)).send_across_yield()`.
pub struct SendProbe<'a, T, const LINE: u32>(pub &'a T);

/// Chosen first, on `&&SendProbe`: the value's type is `Send`.
pub trait SendChecked<T> {
    /// The value may be stored as itself.
    fn send_across_yield(&self) -> Checked<T>;
}
impl<T: Send, const LINE: u32> SendChecked<T> for &SendProbe<'_, T, LINE> {
    #[inline(always)]
    fn send_across_yield(&self) -> Checked<T> {
        Checked(PhantomData)
    }
}

/// Chosen otherwise: asks for [`SendAcrossYield`], implemented by nothing, whose message says
/// what is wrong and where.
pub trait SendFails<T, const LINE: u32> {
    /// An error, with the message of [`SendAcrossYield`].
    fn send_across_yield(&self) -> Unchecked<<T as SendAcrossYield<LINE>>::Kept>
    where
        T: SendAcrossYield<LINE>;
}
impl<T, const LINE: u32> SendFails<T, LINE> for SendProbe<'_, T, LINE> {
    #[inline(always)]
    fn send_across_yield(&self) -> Unchecked<<T as SendAcrossYield<LINE>>::Kept>
    where
        T: SendAcrossYield<LINE>,
    {
        Unchecked(PhantomData)
    }
}

/// Probes an argument of a `+ Send` coroutine (`LINE` is 0).
pub struct SendArgumentProbe<'a, T, const LINE: u32>(pub &'a T);

/// Chosen first, on `&&SendArgumentProbe`: the value's type is `Send`.
pub trait SendArgumentChecked<T> {
    /// The value may be stored as itself.
    fn send_argument(&self) -> Checked<T>;
}
impl<T: Send, const LINE: u32> SendArgumentChecked<T> for &SendArgumentProbe<'_, T, LINE> {
    #[inline(always)]
    fn send_argument(&self) -> Checked<T> {
        Checked(PhantomData)
    }
}

/// Chosen otherwise: asks for [`SendArgument`], implemented by nothing, whose message says
/// what is wrong and where.
pub trait SendArgumentFails<T, const LINE: u32> {
    /// An error, with the message of [`SendArgument`].
    fn send_argument(&self) -> Unchecked<<T as SendArgument<LINE>>::Kept>
    where
        T: SendArgument<LINE>;
}
impl<T, const LINE: u32> SendArgumentFails<T, LINE> for SendArgumentProbe<'_, T, LINE> {
    #[inline(always)]
    fn send_argument(&self) -> Unchecked<<T as SendArgument<LINE>>::Kept>
    where
        T: SendArgument<LINE>,
    {
        Unchecked(PhantomData)
    }
}

/// Probes a value kept across the yield on line `LINE` of a `+ Clone` coroutine.
pub struct CloneProbe<'a, T, const LINE: u32>(pub &'a T);

/// Chosen first, on `&&CloneProbe`: the value's type is `Clone`.
pub trait CloneChecked<T> {
    /// The value may be stored as itself.
    fn clone_across_yield(&self) -> Checked<T>;
}
impl<T: Clone, const LINE: u32> CloneChecked<T> for &CloneProbe<'_, T, LINE> {
    #[inline(always)]
    fn clone_across_yield(&self) -> Checked<T> {
        Checked(PhantomData)
    }
}

/// Chosen otherwise: asks for [`CloneAcrossYield`], implemented by nothing, whose message says
/// what is wrong and where.
pub trait CloneFails<T, const LINE: u32> {
    /// An error, with the message of [`CloneAcrossYield`].
    fn clone_across_yield(&self) -> Unchecked<<T as CloneAcrossYield<LINE>>::Kept>
    where
        T: CloneAcrossYield<LINE>;
}
impl<T, const LINE: u32> CloneFails<T, LINE> for CloneProbe<'_, T, LINE> {
    #[inline(always)]
    fn clone_across_yield(&self) -> Unchecked<<T as CloneAcrossYield<LINE>>::Kept>
    where
        T: CloneAcrossYield<LINE>,
    {
        Unchecked(PhantomData)
    }
}

/// Probes an argument of a `+ Clone` coroutine (`LINE` is 0).
pub struct CloneArgumentProbe<'a, T, const LINE: u32>(pub &'a T);

/// Chosen first, on `&&CloneArgumentProbe`: the value's type is `Clone`.
pub trait CloneArgumentChecked<T> {
    /// The value may be stored as itself.
    fn clone_argument(&self) -> Checked<T>;
}
impl<T: Clone, const LINE: u32> CloneArgumentChecked<T> for &CloneArgumentProbe<'_, T, LINE> {
    #[inline(always)]
    fn clone_argument(&self) -> Checked<T> {
        Checked(PhantomData)
    }
}

/// Chosen otherwise: asks for [`CloneArgument`], implemented by nothing, whose message says
/// what is wrong and where.
pub trait CloneArgumentFails<T, const LINE: u32> {
    /// An error, with the message of [`CloneArgument`].
    fn clone_argument(&self) -> Unchecked<<T as CloneArgument<LINE>>::Kept>
    where
        T: CloneArgument<LINE>;
}
impl<T, const LINE: u32> CloneArgumentFails<T, LINE> for CloneArgumentProbe<'_, T, LINE> {
    #[inline(always)]
    fn clone_argument(&self) -> Unchecked<<T as CloneArgument<LINE>>::Kept>
    where
        T: CloneArgument<LINE>,
    {
        Unchecked(PhantomData)
    }
}

/// A value a `+ Send`/`+ Clone` coroutine kept across a yield, read back when it resumes:
/// itself, through a projection (`<T as Resumed>::Out`, which is `T`). The value's type
/// flows from the store to the code after the yield as before, but not back: a value whose
/// check failed is stored as an unknown type (see [`Unchecked`]), and the code after the
/// yield, which may pin down its type (`takes_rc(data)`), must not give the state that
/// type, or rustc would report the state failing the bound on the attribute as well.
pub trait Resumed {
    /// `Self`.
    type Out;
    /// The value itself. (A long name: a method of a trait every type implements is
    /// offered by rustc for any similarly named method a user misspells.)
    fn read_back_after_resume(self) -> Self::Out;
}

impl<T> Resumed for T {
    type Out = T;
    #[inline(always)]
    fn read_back_after_resume(self) -> T {
        self
    }
}

/// Reads back a kept value (see the `Resumed` trait above).
#[inline(always)]
pub fn resumed<T: Resumed>(value: T) -> T::Out {
    value.read_back_after_resume()
}
