//! Support items for the code `#[coro::coroutine]` generates. Not a public API: names and
//! signatures here change whenever the lowering needs them to.
//!
//! Generated code reaches everything through `::coro::__private::...`, so a user's own
//! `core`, `Option` or `Coroutine` cannot capture its paths.

use core::marker::PhantomData;

#[cfg(feature = "alloc")]
pub use crate::static_coroutine::{Co, Delegate, StaticCoroutine, Yield};
pub use crate::{Control, Coroutine, CoroutineState, Status};
pub use core::{
    clone::Clone,
    compile_error, concat,
    convert::Infallible,
    fmt,
    iter::{IntoIterator, Iterator},
    marker::Copy,
    matches,
    mem::replace,
    ops::ControlFlow,
    option::Option::{self, None, Some},
    panic,
    result::Result::{self, Err, Ok},
};

/// Wraps the body of a `#[coro::coroutine(static)]`: `[Send] [Yield] [Return] { body }`.
/// With the `alloc` feature it is the body.
#[cfg(feature = "alloc")]
#[doc(hidden)]
#[macro_export]
macro_rules! __coro_static_flavour {
    ([$($send:tt)*] [$($yield_ty:tt)*] [$($return_ty:tt)*] $body:block) => {
        $body
    };
}

/// Without the `alloc` feature there is no `StaticCoroutine` to build: the error says what
/// to enable, at the attribute (the macro's call site), and a stand-in of the declared
/// types keeps the function's callers free of a second wave of errors.
#[cfg(not(feature = "alloc"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __coro_static_flavour {
    ([$($send:tt)*] [$($yield_ty:tt)*] [$($return_ty:tt)*] $body:block) => {{
        ::core::compile_error!(
            "#[coro::coroutine(static)] keeps its body in a heap allocation, and `coro` is \
             built without its `alloc` feature: enable it (`coro = { version = \"0.1\", \
             default-features = false, features = [\"alloc\"] }`), or remove `static` and \
             borrow no local across a yield"
        );
        $crate::__private::unreachable_coroutine::<$($send)*, $($yield_ty)*, $($return_ty)*>()
    }};
}

pub use crate::__coro_static_flavour as static_flavour;

/// Implemented by every generated state enum.
pub trait StateEnum {
    /// Created, suspended at a yield, or complete (returned or poisoned by a panic).
    fn status(&self) -> Status;
    /// Drops what the state holds (newest local first) and marks it returned; a poisoned
    /// state stays poisoned.
    fn close(&mut self);
    /// Left behind by a panic in the body.
    fn panicked(&self) -> bool;
    /// Marks a state that a panic unwound through as poisoned, dropping what it still
    /// holds (newest local first, as the unwinding frame of a native coroutine would); a
    /// returned state stays returned (resuming it is what panicked).
    fn poison(&mut self);
    /// Sets the state to `Returned` (it holds nothing then).
    fn mark_returned(&mut self);
}

/// Poisons the state if the step unwinds. The step itself replaces the state with
/// `Poisoned` before it runs any user code, except on a `yield_from!` fast path, which
/// resumes the sub-coroutine in place, inside the state: a panic there would otherwise
/// leave the coroutine suspended, and the next resume would go on past the panic. So the
/// guard is only around that resume ([`resume_in_place`]): around the whole step, its
/// unwind edge made LLVM keep the state in memory at every call (W2 11.8 -> 28 Ir).
struct PoisonOnUnwind<'a, S: StateEnum>(&'a mut S);

impl<S: StateEnum> Drop for PoisonOnUnwind<'_, S> {
    #[cold]
    fn drop(&mut self) {
        self.0.poison();
    }
}

impl<S: StateEnum> PoisonOnUnwind<'_, S> {
    /// Runs `step` on the state; only an unwind out of it reaches the guard's `drop`.
    #[inline(always)]
    fn run<T>(self, step: impl FnOnce(&mut S) -> T) -> T {
        let out = step(&mut *self.0);
        core::mem::forget(self);
        out
    }
}

/// Runs `f` on the state (a `yield_from!` fast path resuming its sub-coroutine where it
/// lies); if `f` unwinds, the state is poisoned.
#[inline(always)]
pub fn resume_in_place<S: StateEnum, T>(state: &mut S, f: impl FnOnce(&mut S) -> T) -> T {
    PoisonOnUnwind(state).run(f)
}

/// A generated coroutine: the state enum `S`, the step function `F` that advances it, and
/// the function `D` that shows it for `Debug`.
///
/// `F` and `D` are closures that capture nothing but zero-sized type witnesses (the
/// function's arguments live in the `Unresumed` variant of `S`), so they are zero-sized
/// and `Machine` is as big as `S`.
/// The step receives `None` only from [`Coroutine::start`] on a created coroutine.
pub struct Machine<S, F, D, A, Y, R> {
    state: S,
    step: F,
    debug: D,
    marker: PhantomData<fn(A) -> CoroutineState<Y, R>>,
}

/// Builds a [`Machine`] whose state `init` makes; the bounds give the generated closures
/// their signatures.
///
/// `init` comes last because rustc type-checks closure arguments in order: the step
/// closure's code is what fixes the state enum's type parameters, and a mention of the
/// enum before it (the `Unresumed` value) would leave obligations on all of them pending
/// while the whole body is checked.
#[inline(always)]
pub fn machine<S, F, D, I, A, Y, R>(step: F, debug: D, init: I) -> Machine<S, F, D, A, Y, R>
where
    S: StateEnum,
    F: FnMut(&mut S, Option<A>) -> CoroutineState<Y, R>,
    D: for<'s, 'f, 'g> Fn(&'s S, DebugOut<'s, 'f, 'g>) -> fmt::Result,
    I: FnOnce() -> S,
{
    Machine {
        state: init(),
        step,
        debug,
        marker: PhantomData,
    }
}

impl<S, F, D, A, Y, R> Coroutine<A> for Machine<S, F, D, A, Y, R>
where
    S: StateEnum,
    F: FnMut(&mut S, Option<A>) -> CoroutineState<Y, R>,
{
    type Yield = Y;
    type Return = R;

    #[inline(always)]
    fn resume(&mut self, arg: A) -> CoroutineState<Y, R> {
        (self.step)(&mut self.state, Some(arg))
    }

    #[inline]
    fn start(&mut self) -> Option<CoroutineState<Y, R>> {
        match self.state.status() {
            Status::Created => Some((self.step)(&mut self.state, None)),
            Status::Suspended | Status::Complete | Status::Poisoned => None,
        }
    }
}

impl<S, F, D, A, Y, R> Control for Machine<S, F, D, A, Y, R>
where
    S: StateEnum,
    D: for<'s, 'f, 'g> Fn(&'s S, DebugOut<'s, 'f, 'g>) -> fmt::Result,
{
    #[inline]
    fn status(&self) -> Status {
        // The state enum has one `Complete` for both ends; which one it was only matters
        // here, so the test stays out of `resume` and `next`.
        match self.state.status() {
            Status::Complete if self.state.panicked() => Status::Poisoned,
            status => status,
        }
    }

    #[inline]
    fn close(&mut self) {
        self.state.close()
    }

    fn yield_from(&self) -> Option<crate::YieldFrom<'_>> {
        let mut slot = None;
        let _ = (self.debug)(&self.state, DebugOut::Delegate(&mut slot));
        slot.map(crate::YieldFrom)
    }
}

/// A generator (`Send = ()`) is an iterator over its yields. Fused: once the body has
/// returned (or panicked), `next` keeps returning `None` instead of resuming.
impl<S, F, D, Y, R> Iterator for Machine<S, F, D, (), Y, R>
where
    S: StateEnum,
    F: FnMut(&mut S, Option<()>) -> CoroutineState<Y, R>,
{
    type Item = Y;

    #[inline]
    fn next(&mut self) -> Option<Y> {
        // The state enum's own status: `Complete` covers a poisoned state too.
        if let Status::Complete = self.state.status() {
            return None;
        }
        match (self.step)(&mut self.state, Some(())) {
            CoroutineState::Yielded(y) => Some(y),
            CoroutineState::Complete(_) => None,
        }
    }
}

impl<S, F, D, Y, R> core::iter::FusedIterator for Machine<S, F, D, (), Y, R>
where
    S: StateEnum,
    F: FnMut(&mut S, Option<()>) -> CoroutineState<Y, R>,
{
}

/// A suspended coroutine can be forked when everything it saved can be cloned.
impl<S: Clone, F: Clone, D: Clone, A, Y, R> Clone for Machine<S, F, D, A, Y, R> {
    fn clone(&self) -> Self {
        Machine {
            state: self.state.clone(),
            step: self.step.clone(),
            debug: self.debug.clone(),
            marker: PhantomData,
        }
    }
}

impl<S, F, D, A, Y, R> fmt::Debug for Machine<S, F, D, A, Y, R>
where
    D: for<'s, 'f, 'g> Fn(&'s S, DebugOut<'s, 'f, 'g>) -> fmt::Result,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.debug)(&self.state, DebugOut::Fmt(f))
    }
}

// ---------------------------------------------------------------------------------------
// `Debug` of a generated coroutine. The generated debug closure matches on the state and
// shows each saved local through `DebugProbe`: by autoref specialisation, with the local's
// own `Debug` when its type has one, and as a placeholder naming the type when not, so the
// user's types need no bound.

/// Where the generated debug closure writes: a formatter (`Debug`), or the slot that
/// [`Control::yield_from`] reads the sub-coroutine from.
pub enum DebugOut<'s, 'f, 'g> {
    /// Show the coroutine.
    Fmt(&'f mut fmt::Formatter<'g>),
    /// Only hand out the sub-coroutine of a suspended `yield_from!`, if any.
    Delegate(&'f mut Option<DebugValue<'s>>),
}

/// Where a coroutine is, for its `Debug` output.
#[derive(Clone, Copy)]
pub enum Frame {
    /// Not started.
    Created,
    /// Suspended at a `yield_!` or `yield_from!`.
    Suspended {
        /// `"yield_!"` or `"yield_from!"`.
        kind: &'static str,
        /// Which one, counting from 0 in source order.
        index: usize,
        /// Its source line (0 when unknown).
        line: u32,
    },
    /// Ran to the end.
    Returned,
    /// Panicked while running.
    Poisoned,
}

/// A saved local as `Debug` shows it.
pub enum DebugValue<'a> {
    /// Its type implements `Debug`.
    Value(&'a dyn fmt::Debug),
    /// It does not: the placeholder names the type.
    Opaque(&'static str),
}

impl fmt::Debug for DebugValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DebugValue::Value(v) => v.fmt(f),
            DebugValue::Opaque(ty) => write!(f, "<not Debug: {ty}>"),
        }
    }
}

/// Wraps a reference to a saved local for the autoref probe.
pub struct DebugProbe<'a, T>(pub &'a T);

/// Chosen first, on `&&DebugProbe`: the local's type implements `Debug`.
pub trait ViaDebug<'a> {
    /// The local, shown with its `Debug`.
    fn __coro_debug(&self) -> DebugValue<'a>;
}
impl<'a, T: fmt::Debug> ViaDebug<'a> for &DebugProbe<'a, T> {
    #[inline]
    fn __coro_debug(&self) -> DebugValue<'a> {
        DebugValue::Value(self.0)
    }
}

/// Chosen otherwise: a placeholder with the type's name.
pub trait ViaPlaceholder<'a> {
    /// The placeholder.
    fn __coro_debug(&self) -> DebugValue<'a>;
}
impl<'a, T> ViaPlaceholder<'a> for DebugProbe<'a, T> {
    #[inline]
    fn __coro_debug(&self) -> DebugValue<'a> {
        DebugValue::Opaque(core::any::type_name::<T>())
    }
}

/// Shows a coroutine: `name { status, at, locals: {..}, yield_from }`.
pub fn debug_frame<'s>(
    out: DebugOut<'s, '_, '_>,
    name: &str,
    frame: Frame,
    locals: &[(&str, DebugValue<'s>)],
    delegate: Option<DebugValue<'s>>,
) -> fmt::Result {
    let f = match out {
        DebugOut::Fmt(f) => f,
        DebugOut::Delegate(slot) => {
            *slot = delegate;
            return Ok(());
        }
    };
    struct Locals<'a, 'b>(&'a [(&'a str, DebugValue<'b>)]);
    impl fmt::Debug for Locals<'_, '_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut map = f.debug_map();
            for (name, value) in self.0 {
                map.entry(&format_args!("{name}"), value);
            }
            map.finish()
        }
    }
    struct At(&'static str, usize, u32);
    impl fmt::Debug for At {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let At(kind, index, line) = *self;
            write!(f, "{kind} #{index}")?;
            if line != 0 {
                write!(f, " (line {line})")?;
            }
            Ok(())
        }
    }
    let mut s = f.debug_struct(name);
    match frame {
        Frame::Created => {
            s.field("status", &Status::Created);
        }
        Frame::Suspended { kind, index, line } => {
            s.field("status", &Status::Suspended);
            s.field("at", &At(kind, index, line));
        }
        Frame::Returned => return s.field("status", &Status::Complete).finish(),
        Frame::Poisoned => return s.field("status", &Status::Poisoned).finish(),
    }
    s.field("locals", &Locals(locals));
    if let Some(sub) = &delegate {
        s.field("yield_from", sub);
    }
    s.finish()
}

// ---------------------------------------------------------------------------------------
// `?` inside a coroutine body. The body's `?` cannot use the closure's own return type,
// so the lowering rewrites `e?` to a match on `Try::branch(e)` that completes the coroutine
// with `FromResidual::from_residual(r)`: the stable subset of `core::ops::Try`.

/// The stable stand-in for `core::ops::Try`, for `Result` and `Option`.
pub trait Try {
    /// The value of a successful `e?`.
    type Output;
    /// What an early exit carries.
    type Residual;
    /// Splits into the value to go on with or the residual to return.
    fn branch(self) -> ControlFlow<Self::Residual, Self::Output>;
}

impl<T, E> Try for Result<T, E> {
    type Output = T;
    type Residual = Result<Infallible, E>;
    #[inline(always)]
    fn branch(self) -> ControlFlow<Self::Residual, T> {
        match self {
            Ok(v) => ControlFlow::Continue(v),
            Err(e) => ControlFlow::Break(Err(e)),
        }
    }
}

impl<T> Try for Option<T> {
    type Output = T;
    type Residual = Option<Infallible>;
    #[inline(always)]
    fn branch(self) -> ControlFlow<Self::Residual, T> {
        match self {
            Some(v) => ControlFlow::Continue(v),
            None => ControlFlow::Break(None),
        }
    }
}

// ---------------------------------------------------------------------------------------
// `yield_from!(sub)`: `sub` may be a coroutine with the same `Send` type, or (when the
// coroutine's `Send` is `()`) anything `IntoIterator`. Which one is chosen by autoref
// specialisation on `Probe`, then `Kind::wrap` turns it into a coroutine to drive.

/// The variance-neutral marker a [`Probe`] holds.
type ProbeMarker<T, S> = PhantomData<(fn() -> T, fn(S))>;

/// Carries the type of a `yield_from!` operand and the outer coroutine's `Send` type.
pub struct Probe<T, S>(ProbeMarker<T, S>);

/// Makes a [`Probe`] for `value`'s type.
#[inline(always)]
pub fn probe<T, S>(_value: &T) -> Probe<T, S> {
    Probe(PhantomData)
}

/// Chosen first: the operand is a coroutine with the outer coroutine's `Send` type. (The
/// generated code calls `(&&probe).__coro_kind()`: this impl, on `&Probe`, matches the
/// receiver as it is; the next ones need one more reference, then one less.)
pub trait ProbeCoroutine {
    /// The kind tag.
    #[inline(always)]
    fn __coro_kind(&self) -> CoroutineKind {
        CoroutineKind
    }
}
impl<T: Coroutine<S>, S> ProbeCoroutine for &Probe<T, S> {}

/// Chosen second: the operand is an `IntoIterator`. Whatever the outer coroutine is sent:
/// `wrap` then refuses an iterator in a coroutine that is sent something, with a message
/// about that, rather than calling an iterator "neither a coroutine nor an iterator".
pub trait ProbeIterator<S> {
    /// The kind tag.
    #[inline(always)]
    fn __coro_kind(&self) -> IteratorKind<S> {
        IteratorKind(PhantomData)
    }
}
impl<T: IntoIterator, S> ProbeIterator<S> for &&Probe<T, S> {}

/// Chosen last: the operand is neither; `wrap` then reports why.
pub trait ProbeUnsupported<S> {
    /// The kind tag.
    #[inline(always)]
    fn __coro_kind(&self) -> UnsupportedKind<S> {
        UnsupportedKind(PhantomData)
    }
}
impl<T, S> ProbeUnsupported<S> for Probe<T, S> {}

/// The operand of `yield_from!` is a coroutine: drive it as it is.
pub struct CoroutineKind;
impl CoroutineKind {
    /// Identity.
    #[inline(always)]
    pub fn wrap<C: Coroutine<S>, S>(self, sub: C) -> C {
        sub
    }
}

/// An iterator seen as a coroutine that yields its items and returns `()`. `S` is `()`:
/// [`IteratorKind::wrap`], the only place one is built, requires it; the parameter makes
/// the type a `Coroutine<S>` of the outer coroutine's `Send`, so that a refused operand
/// gets the one error from that bound, not a second one about the `Send` types.
pub struct IterCoroutine<I, S = ()>(pub(crate) I, pub(crate) PhantomData<fn(S)>);

impl<I: Clone, S> Clone for IterCoroutine<I, S> {
    fn clone(&self) -> Self {
        IterCoroutine(self.0.clone(), PhantomData)
    }
}

/// Transparent: a suspended coroutine's `Debug` shows the iterator it delegates to.
impl<I: fmt::Debug, S> fmt::Debug for IterCoroutine<I, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<I: Iterator, S> IterCoroutine<I, S> {
    /// The next item, or the end: a resume, which needs no sent value.
    #[inline(always)]
    fn step(&mut self) -> CoroutineState<I::Item, ()> {
        match self.0.next() {
            Some(item) => CoroutineState::Yielded(item),
            None => CoroutineState::Complete(()),
        }
    }
}

impl<I: Iterator, S> Coroutine<S> for IterCoroutine<I, S> {
    type Yield = I::Item;
    type Return = ();
    /// `S` is `()` (see the type), so nothing is dropped here.
    #[inline(always)]
    fn resume(&mut self, _nothing: S) -> CoroutineState<I::Item, ()> {
        self.step()
    }
    #[inline(always)]
    fn start(&mut self) -> Option<CoroutineState<I::Item, ()>> {
        Some(self.step())
    }
}

/// Produces, when `S: Default`, a value to start a sub-coroutine that cannot start
/// without one (a hand-written coroutine that keeps the default `start`).
pub struct ArgProbe<S>(PhantomData<fn() -> S>);
impl<S> ArgProbe<S> {
    /// The probe.
    pub const NEW: Self = ArgProbe(PhantomData);
}
/// Chosen when the `Send` type has a default.
pub trait DefaultArg<S> {
    /// `Some(S::default())`.
    fn __coro_first_arg(&self) -> Option<S>;
}
impl<S: Default> DefaultArg<S> for ArgProbe<S> {
    #[inline(always)]
    fn __coro_first_arg(&self) -> Option<S> {
        Some(S::default())
    }
}
/// Chosen otherwise.
pub trait NoDefaultArg<S> {
    /// `None`.
    fn __coro_first_arg(&self) -> Option<S>;
}
impl<S> NoDefaultArg<S> for &ArgProbe<S> {
    #[inline(always)]
    fn __coro_first_arg(&self) -> Option<S> {
        None
    }
}

/// Starts the operand of `yield_from!`, as PEP 380 does with `next(sub)`.
#[inline(always)]
pub fn start_sub<C: Coroutine<S>, S>(
    sub: &mut C,
    fallback: Option<S>,
) -> CoroutineState<C::Yield, C::Return> {
    if let Some(state) = sub.start() {
        return state;
    }
    match fallback {
        Some(arg) => sub.resume(arg),
        None => panic!(
            "yield_from!: the sub-coroutine cannot start without a value (it has started \
             already, or it is hand-written and keeps the default `Coroutine::start`), and \
             its `Send` type has no `Default` to start it with"
        ),
    }
}

/// The panic of a coroutine resumed after it completed: it returned, or its body panicked.
///
/// One arm of the generated state `match` covers both, which gives LLVM fewer cases to
/// switch on; this function (never inlined, so LLVM cannot fold the test back into that
/// `match`) tells the two apart. That `match` took the state out (`was`), leaving
/// `Poisoned` in `slot`; a returned coroutine is marked returned again, as rustc's own stay.
/// `was` is taken by reference: taken by value, the whole state was copied out on every
/// resume (W2 11.8 -> 32 Ir), since this arm would have needed all of it.
#[cold]
#[inline(never)]
#[track_caller]
pub fn resumed_when_complete<S: StateEnum>(name: &str, slot: &mut S, was: &S) -> ! {
    if was.panicked() {
        panic!("coroutine `{name}` resumed after panicking")
    } else {
        slot.mark_returned();
        panic!("coroutine `{name}` resumed after completion")
    }
}

/// Drops a value now (a sent value that nobody reads, as Rust drops `yield_!(v);`).
#[inline(always)]
pub fn discard<T>(_value: T) {}

/// The type of a local, without its value (zero-sized).
///
/// When the liveness finds that an assignment `x = e` overwrites a local whose old value is
/// dead (and has no destructor), the old value is not carried to the assignment, which
/// becomes a fresh `let mut x = assign(ty, e);`. The witness, taken where `x` is declared,
/// gives the new binding `x`'s own type, so `e` coerces to it as it would in the
/// assignment. `fn() -> T`: it is `Send`, `Sync` and `Unpin` whatever `T` is, and owns no
/// `T` for drop check, since no value of `T` is kept.
pub struct TypeOf<T: ?Sized>(PhantomData<fn() -> T>);

impl<T: ?Sized> Clone for TypeOf<T> {
    #[inline(always)]
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for TypeOf<T> {}

/// The [`TypeOf`] witness of a local.
#[inline(always)]
pub fn type_of<T: ?Sized>(_value: &T) -> TypeOf<T> {
    TypeOf(PhantomData)
}

/// `value`, coerced to the type `ty` witnesses (see [`TypeOf`]).
#[inline(always)]
pub fn assign<T>(_ty: TypeOf<T>, value: T) -> T {
    value
}

/// `Coroutine::start` only passes `None` to a created coroutine; a suspended one always
/// gets `Some(arg)` from `resume`.
#[cold]
#[inline(never)]
pub fn unreachable_start(name: &str) -> ! {
    panic!("coroutine `{name}`: started without a value while suspended (a bug in coro)")
}

/// Takes the locals a jump left for the block about to run. The dispatch only runs a
/// block right after a jump filled its slot, so the slot is never empty here.
#[inline(always)]
pub fn take<T>(slot: &mut Option<T>) -> T {
    match slot.take() {
        Some(v) => v,
        None => empty_slot(),
    }
}

/// Gives a block's slot the type of the locals a copy of the block received: its arm may
/// come before any jump that fills the slot, and rustc reads the arms in order.
#[inline(always)]
pub fn same_slot<T>(_incoming: &T, _slot: &Option<T>) {}

/// The same for a block without a slot (reached only by copies): each copy ties the type
/// of the locals it received to one anchor, so that a drop flag one copy builds as `None`
/// gets the type another copy gives it (rustc infers types per function, not per arm).
#[inline(always)]
pub fn same_type<T>(_incoming: &T, _anchor: &core::marker::PhantomData<T>) {}

/// A generated `take` found the state in another variant than the one its block
/// resumes: never, since the step picks the block by the variant.
#[cold]
#[inline(never)]
pub fn wrong_state() -> ! {
    panic!("coroutine resumed in a state its block does not resume (a bug in coro)")
}

#[cold]
#[inline(never)]
fn empty_slot() -> ! {
    panic!("coroutine block entered without its locals (a bug in coro)")
}

/// The body the attribute emits beside a compile error: a coroutine of the declared
/// types, so callers of the broken function get no second wave of errors.
#[cold]
#[track_caller]
pub fn unreachable_coroutine<S, Y, R>() -> NeverCoroutine<S, Y, R> {
    panic!("this #[coro::coroutine] function failed to compile")
}

/// Never constructed: the stand-in return value of a coroutine that failed to compile.
pub struct NeverCoroutine<S, Y, R>(Infallible, PhantomData<fn(S) -> (Y, R)>);

impl<S, Y, R> Coroutine<S> for NeverCoroutine<S, Y, R> {
    type Yield = Y;
    type Return = R;
    fn resume(&mut self, _: S) -> CoroutineState<Y, R> {
        match self.0 {}
    }
}

impl<Y, R> Iterator for NeverCoroutine<(), Y, R> {
    type Item = Y;
    fn next(&mut self) -> Option<Y> {
        match self.0 {}
    }
}

impl<S, Y, R> Clone for NeverCoroutine<S, Y, R> {
    fn clone(&self) -> Self {
        match self.0 {}
    }
}

impl<S, Y, R> fmt::Debug for NeverCoroutine<S, Y, R> {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {}
    }
}

impl<S, Y, R> Control for NeverCoroutine<S, Y, R> {
    fn status(&self) -> Status {
        match self.0 {}
    }
    fn close(&mut self) {
        match self.0 {}
    }
}

/// A local that some paths move out of and others do not: rustc's drop flag, at run time.
///
/// The lowering wraps such a local right after its `let` (`let mut g = Flag::new(g);`) and
/// rewrites its uses in the rest of its scope: a use that moves it becomes
/// `Take(&mut g).__coro_take()` (a copy for a `Copy` type, see [`TakeCopy`]), any other
/// `(*g)`. The flag itself never moves, so it is saved at every suspension in its scope
/// and drops its value, if still there, where Rust would drop the local.
#[derive(Clone)]
pub struct Flag<T>(Option<T>);

impl<T> Flag<T> {
    /// A flag holding `value`.
    #[inline(always)]
    pub fn new(value: T) -> Self {
        Flag(Some(value))
    }

    /// A flag for a local declared without a value (`let d;`), filled by its first
    /// assignment.
    #[inline(always)]
    pub fn empty() -> Self {
        Flag(None)
    }
}

/// Only code that rustc would reject (a use after a move) gets here.
#[cold]
#[inline(never)]
fn moved_out() -> ! {
    panic!("coro: a local was used after it was moved out")
}

impl<T> core::ops::Deref for Flag<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        match &self.0 {
            Some(v) => v,
            None => moved_out(),
        }
    }
}

impl<T> core::ops::DerefMut for Flag<T> {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.0 {
            Some(v) => v,
            None => moved_out(),
        }
    }
}

/// The `Debug` view (and a `"{g:?}"` capture) shows the value, or `<moved>`.
impl<T: fmt::Debug> fmt::Debug for Flag<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(v) => v.fmt(f),
            None => f.write_str("<moved>"),
        }
    }
}

/// A `"{g}"` capture of a flagged local shows the value.
impl<T: fmt::Display> fmt::Display for Flag<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

/// A by-value use of a flagged local, for the autoref probe.
pub struct Take<'a, T>(pub &'a mut Flag<T>);

/// Chosen first, on `Take`: a `Copy` value is copied and stays, as a use copies it.
pub trait TakeCopy<T> {
    /// The value.
    fn __coro_take(self) -> T;
}
impl<T: Copy> TakeCopy<T> for Take<'_, T> {
    #[inline(always)]
    fn __coro_take(self) -> T {
        **self.0
    }
}

/// Chosen otherwise, on `&mut Take`: the value is moved out and the flag cleared.
pub trait TakeMove<T> {
    /// The value.
    fn __coro_take(self) -> T;
}
impl<T> TakeMove<T> for &mut Take<'_, T> {
    #[inline(always)]
    fn __coro_take(self) -> T {
        match self.0.0.take() {
            Some(v) => v,
            None => moved_out(),
        }
    }
}

pub use crate::diagnostics::{
    BareYield, CapturedField, IteratorKind, NothingSent, ReturnFromQuestionMark as FromResidual,
    SentByResume, UnsupportedKind, YieldFromOperand,
};
pub use crate::diagnostics::{
    Checked, CloneArgumentChecked, CloneArgumentFails, CloneArgumentProbe, CloneChecked,
    CloneFails, CloneProbe, SendArgumentChecked, SendArgumentFails, SendArgumentProbe, SendChecked,
    SendFails, SendProbe, Unchecked, resumed,
};
