//! The protocol every coroutine speaks, generated or hand-written.

/// What one [`Coroutine::resume`] produced: a value from a `yield_!`, or the return value.
///
/// This is Python's `yield v` versus `StopIteration(value)`.
///
/// ```
/// use coro_runtime::CoroutineState;
///
/// let s: CoroutineState<u32, &str> = CoroutineState::Yielded(3);
/// assert_eq!(s.yielded(), Some(3));
/// assert!(!CoroutineState::<u32, &str>::Complete("done").is_yielded());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CoroutineState<Y, R> {
    /// The coroutine suspended at a `yield_!` and handed out this value.
    Yielded(Y),
    /// The coroutine ran to its end (or a `return`) with this value.
    Complete(R),
}

impl<Y, R> CoroutineState<Y, R> {
    /// `true` for [`CoroutineState::Yielded`].
    ///
    /// ```
    /// # use coro_runtime::CoroutineState;
    /// assert!(CoroutineState::<u8, ()>::Yielded(1).is_yielded());
    /// ```
    pub fn is_yielded(&self) -> bool {
        matches!(self, CoroutineState::Yielded(_))
    }

    /// `true` for [`CoroutineState::Complete`].
    ///
    /// ```
    /// # use coro_runtime::CoroutineState;
    /// assert!(CoroutineState::<u8, ()>::Complete(()).is_complete());
    /// ```
    pub fn is_complete(&self) -> bool {
        matches!(self, CoroutineState::Complete(_))
    }

    /// The yielded value, if there is one.
    ///
    /// ```
    /// # use coro_runtime::CoroutineState;
    /// assert_eq!(CoroutineState::<u8, ()>::Yielded(1).yielded(), Some(1));
    /// assert_eq!(CoroutineState::<u8, ()>::Complete(()).yielded(), None);
    /// ```
    pub fn yielded(self) -> Option<Y> {
        match self {
            CoroutineState::Yielded(y) => Some(y),
            CoroutineState::Complete(_) => None,
        }
    }

    /// The return value, if the coroutine completed.
    ///
    /// ```
    /// # use coro_runtime::CoroutineState;
    /// assert_eq!(CoroutineState::<u8, &str>::Complete("ok").complete(), Some("ok"));
    /// ```
    pub fn complete(self) -> Option<R> {
        match self {
            CoroutineState::Yielded(_) => None,
            CoroutineState::Complete(r) => Some(r),
        }
    }
}

/// Where a coroutine is in its life: Python's `inspect.getgeneratorstate`.
///
/// There is no "running" status: `resume` takes `&mut self`, so nobody can look at a
/// coroutine while it runs (Python's "generator already executing" cannot happen).
///
/// ```
/// use coro_runtime::Status;
/// assert_ne!(Status::Created, Status::Complete);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Built but never resumed: no line of the body has run (`GEN_CREATED`).
    Created,
    /// Paused at a `yield_!` (`GEN_SUSPENDED`).
    Suspended,
    /// Returned, or closed (`GEN_CLOSED`).
    Complete,
    /// Panicked while running, and unwound out of `resume` (Python's `GEN_CLOSED` after an
    /// exception). Like [`Complete`](Status::Complete), it runs no more: resuming it
    /// panics, iterating it gives `None`, [`close`](Control::close) does nothing.
    Poisoned,
}

impl Status {
    /// `true` when the coroutine will run no more: [`Complete`](Status::Complete) or
    /// [`Poisoned`](Status::Poisoned).
    ///
    /// ```
    /// use coro_runtime::Status;
    /// assert!(Status::Poisoned.is_finished() && Status::Complete.is_finished());
    /// assert!(!Status::Suspended.is_finished());
    /// ```
    pub fn is_finished(self) -> bool {
        matches!(self, Status::Complete | Status::Poisoned)
    }
}

/// A computation that can suspend, hand a value out, and be resumed with a value in.
///
/// `Send` is the type of the values sent in by [`resume`](Coroutine::resume) (Python's
/// `gen.send(v)`); [`Yield`](Coroutine::Yield) is what each `yield_!` hands out and
/// [`Return`](Coroutine::Return) what the coroutine finishes with.
///
/// Coroutines written with `#[coro::coroutine]` implement this trait; so can your own
/// types. `resume` takes `&mut self`, not `Pin`: the generated state machine holds no
/// self-references, so it can be moved freely between resumes.
///
/// **The first resume.** A coroutine that has not started yet has no `yield_!` for the
/// first resume's argument to land in. Generated coroutines drop that argument, like
/// Python's priming `send(None)`. [`start`](Coroutine::start) runs a fresh coroutine to its
/// first suspension without inventing a value, which is what `yield_from!` uses to start
/// a sub-coroutine (PEP 380's `next(sub)`).
///
/// ```
/// use coro_runtime::{Coroutine, CoroutineState};
///
/// /// Sums what it is sent, and yields the running total.
/// struct Summer(i64);
///
/// impl Coroutine<i64> for Summer {
///     type Yield = i64;
///     type Return = ();
///     fn resume(&mut self, x: i64) -> CoroutineState<i64, ()> {
///         self.0 += x;
///         CoroutineState::Yielded(self.0)
///     }
/// }
///
/// let mut s = Summer(0);
/// assert_eq!(s.resume(5), CoroutineState::Yielded(5));
/// assert_eq!(s.resume(-2), CoroutineState::Yielded(3));
/// ```
#[must_use = "coroutines are lazy and do nothing unless resumed or delegated to with `yield_from!`"]
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a coroutine that is sent `{Send}`",
    label = "not a `Coroutine<{Send}>`",
    note = "a generator declared `impl Iterator<Item = Y>` is sent nothing and is an iterator, not a coroutine: to be sent values, declare `impl Coroutine<S, Yield = Y, Return = R>`"
)]
pub trait Coroutine<Send = ()> {
    /// The type of the values handed out at each suspension.
    type Yield;
    /// The type of the value the coroutine completes with.
    type Return;

    /// Runs the coroutine until it yields or completes.
    ///
    /// `arg` becomes the value of the `yield_!` the coroutine is suspended at. What
    /// happens when a completed coroutine is resumed is up to the implementation;
    /// coroutines generated by `#[coro::coroutine]` panic, as rustc's own do.
    fn resume(&mut self, arg: Send) -> CoroutineState<Self::Yield, Self::Return>;

    /// Runs a coroutine that has not started yet up to its first suspension, without a
    /// resume value: Python's `next(gen)` on a fresh generator.
    ///
    /// Returns `None` when the coroutine cannot start without a value: it has started
    /// already, or it does not support starting this way (the default, for hand-written
    /// coroutines). Generated coroutines always support it.
    ///
    /// ```
    /// use coro_runtime::{Coroutine, CoroutineState};
    ///
    /// struct Once(bool);
    /// impl Coroutine<u8> for Once {
    ///     type Yield = ();
    ///     type Return = u8;
    ///     fn resume(&mut self, x: u8) -> CoroutineState<(), u8> {
    ///         CoroutineState::Complete(x)
    ///     }
    /// }
    /// // The default: "I need a value, call resume".
    /// assert_eq!(Once(false).start(), None);
    /// ```
    fn start(&mut self) -> Option<CoroutineState<Self::Yield, Self::Return>> {
        None
    }
}

impl<C, S> Coroutine<S> for &mut C
where
    C: Coroutine<S> + ?Sized,
{
    type Yield = C::Yield;
    type Return = C::Return;

    fn resume(&mut self, arg: S) -> CoroutineState<C::Yield, C::Return> {
        (**self).resume(arg)
    }

    fn start(&mut self) -> Option<CoroutineState<C::Yield, C::Return>> {
        (**self).start()
    }
}

#[cfg(feature = "alloc")]
impl<C, S> Coroutine<S> for alloc::boxed::Box<C>
where
    C: Coroutine<S> + ?Sized,
{
    type Yield = C::Yield;
    type Return = C::Return;

    fn resume(&mut self, arg: S) -> CoroutineState<C::Yield, C::Return> {
        (**self).resume(arg)
    }

    fn start(&mut self) -> Option<CoroutineState<C::Yield, C::Return>> {
        (**self).start()
    }
}

/// What every coroutine generated by `#[coro::coroutine]` offers besides resuming: its
/// [`Status`], [`close`](Control::close), and a [`Debug`](core::fmt::Debug) view of where
/// it is suspended and what it keeps alive there.
///
/// The attribute adds `+ ::coro::Control` to the declared return type, so these work on
/// every generated coroutine with no extra bound. Hand-written coroutines may implement
/// it too. Bring the trait into scope to call its methods (`use coro::Control`, or
/// `use coro::prelude::*`).
///
/// ```
/// use coro_runtime::{Control, Coroutine, CoroutineState, Status};
///
/// #[derive(Debug)]
/// struct Ticks(Option<u8>);
///
/// impl Coroutine for Ticks {
///     type Yield = u8;
///     type Return = ();
///     fn resume(&mut self, (): ()) -> CoroutineState<u8, ()> {
///         match self.0.take() {
///             Some(n) if n > 0 => {
///                 self.0 = Some(n - 1);
///                 CoroutineState::Yielded(n)
///             }
///             _ => CoroutineState::Complete(()),
///         }
///     }
/// }
///
/// impl Control for Ticks {
///     fn status(&self) -> Status {
///         if self.0.is_some() { Status::Suspended } else { Status::Complete }
///     }
///     fn close(&mut self) {
///         self.0 = None;
///     }
/// }
///
/// let mut t = Ticks(Some(2));
/// assert_eq!(t.resume(()), CoroutineState::Yielded(2));
/// t.close();
/// assert_eq!(t.status(), Status::Complete);
/// ```
pub trait Control: core::fmt::Debug {
    /// Created, suspended, complete or poisoned: Python's `inspect.getgeneratorstate`.
    fn status(&self) -> Status;

    /// Finishes the coroutine where it stands: Python's `gen.close()`.
    ///
    /// The locals alive at the suspension point are dropped exactly once, newest first,
    /// so drop guards run as `finally` blocks do; the coroutine is then
    /// [`Complete`](Status::Complete). A created coroutine drops its arguments without
    /// running any of its body. On a complete or poisoned coroutine it does nothing.
    fn close(&mut self);

    /// The sub-coroutine a suspended `yield_from!` is delegating to: Python's
    /// `gi_yieldfrom`. `None` when the coroutine is not suspended in a `yield_from!` (and
    /// always for a `#[coro::coroutine(static)]`, whose locals live in rustc's private
    /// layout). Sub-coroutines have as many types as there are `yield_from!`s, so what it
    /// gives is for display: the sub-coroutine's own `Debug`, or its type's name.
    ///
    /// ```
    /// use coro::{Control, Coroutine, yield_, yield_from};
    ///
    /// #[coro::coroutine]
    /// fn inner() -> impl Coroutine<Yield = u32, Return = ()> {
    ///     yield_!(1);
    /// }
    ///
    /// #[coro::coroutine]
    /// fn outer() -> impl Coroutine<Yield = u32, Return = ()> {
    ///     yield_!(0);
    ///     yield_from!(inner());
    /// }
    ///
    /// let mut c = outer();
    /// c.resume(());
    /// assert!(c.yield_from().is_none()); // at `yield_!(0)`
    /// c.resume(());
    /// let sub = c.yield_from().expect("delegating");
    /// assert!(format!("{sub:?}").starts_with("inner { status: Suspended"));
    /// ```
    fn yield_from(&self) -> Option<YieldFrom<'_>> {
        None
    }
}

/// What [`Control::yield_from`] shows of the sub-coroutine: its `Debug` output, or the
/// name of its type when it has none.
pub struct YieldFrom<'a>(pub(crate) crate::__private::DebugValue<'a>);

impl core::fmt::Debug for YieldFrom<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.0.fmt(f)
    }
}

impl<C: Control + ?Sized> Control for &mut C {
    fn status(&self) -> Status {
        (**self).status()
    }
    fn close(&mut self) {
        (**self).close()
    }
    fn yield_from(&self) -> Option<YieldFrom<'_>> {
        (**self).yield_from()
    }
}

#[cfg(feature = "alloc")]
impl<C: Control + ?Sized> Control for alloc::boxed::Box<C> {
    fn status(&self) -> Status {
        (**self).status()
    }
    fn close(&mut self) {
        (**self).close()
    }
    fn yield_from(&self) -> Option<YieldFrom<'_>> {
        (**self).yield_from()
    }
}

/// A coroutine you can box and keep beside others of different types: [`Coroutine`] and
/// [`Control`] in one trait object.
///
/// `dyn Coroutine<S> + Control` is not legal Rust (a trait object has one non-auto trait),
/// and a `Box<dyn Coroutine<S, ..>>` has no [`status`](Control::status),
/// [`close`](Control::close) or `Debug`. Every type that implements both traits implements
/// this one, so `Box<dyn DynCoroutine<S, Yield = Y, Return = R>>` holds any generated
/// coroutine of those types and keeps all of its protocol: `resume`, `start`, `status`,
/// `close`, `Debug`, and [`CoroutineExt`]'s `send`, `throw` and `try_resume`, which are
/// implemented for the trait object too. (Without the `alloc` feature, use
/// `&mut dyn DynCoroutine<..>`.) A generator declared `impl Iterator<Item = Y>` shows
/// only `Iterator` and `Control` to its callers; declare it
/// `impl Coroutine<Yield = Y, Return = ()> + Iterator<Item = Y>` to box it this way too.
///
/// ```
/// use coro::{Control, Coroutine, CoroutineExt, CoroutineState, DynCoroutine, Status, yield_};
///
/// type Job = Box<dyn DynCoroutine<Result<u32, String>, Yield = u32, Return = u32>>;
///
/// #[coro::coroutine]
/// fn adder() -> impl Coroutine<Result<u32, String>, Yield = u32, Return = u32> {
///     let mut total = 0;
///     loop {
///         match yield_!(total) {
///             Ok(n) => total += n,
///             Err(_) => return total,
///         }
///     }
/// }
///
/// #[coro::coroutine]
/// fn echo() -> impl Coroutine<Result<u32, String>, Yield = u32, Return = u32> {
///     let mut last = 0;
///     while let Ok(n) = yield_!(last) {
///         last = n;
///     }
///     last
/// }
///
/// let mut jobs: Vec<Job> = vec![Box::new(adder()), Box::new(echo())];
/// for job in &mut jobs {
///     job.start();
///     job.send(4);
///     assert_eq!(job.status(), Status::Suspended);
/// }
/// assert_eq!(jobs[0].send(3), CoroutineState::Yielded(7));
/// assert_eq!(jobs[1].throw("stop".to_string()), Ok(CoroutineState::Complete(4)));
/// jobs[0].close();
/// assert!(jobs.iter().all(|j| j.status() == Status::Complete));
/// assert_eq!(jobs[1].try_resume(Ok(1)), Err(Ok(1)));
/// assert!(format!("{:?}", jobs[0]).contains("Complete"));
/// ```
pub trait DynCoroutine<S = ()>: Coroutine<S> + Control {}

impl<C: Coroutine<S> + Control + ?Sized, S> DynCoroutine<S> for C {}

/// Boxes a generator for a recursive `yield_from!`: a generator that delegates to a call
/// of itself would contain itself, a type of infinite size, unless the call is boxed.
///
/// The same as `Box::new(it) as Box<dyn Iterator<Item = _> + 'a>`, without naming the
/// item type. For a recursive coroutine (one that is sent values, or returns one), box it
/// as `Box<dyn DynCoroutine<..>>`.
///
/// ```
/// use coro::{yield_, yield_from};
///
/// /// `n` as the sum of ones, by recursion: yields `1` `n` times.
/// #[coro::coroutine]
/// fn ones(n: u32) -> impl Iterator<Item = u32> {
///     if n > 0 {
///         yield_!(1);
///         yield_from!(coro::boxed_iter(ones(n - 1)));
///     }
/// }
///
/// assert_eq!(ones(3).collect::<Vec<_>>(), [1, 1, 1]);
/// ```
#[cfg(feature = "alloc")]
pub fn boxed_iter<'a, I: IntoIterator + 'a>(
    iter: I,
) -> alloc::boxed::Box<dyn Iterator<Item = I::Item> + 'a> {
    alloc::boxed::Box::new(iter.into_iter())
}

/// A value that can be sent into a coroutine whose `Send` type is `S`: a value of type
/// `S` itself, or, for a coroutine sent `Result<T, E>` (one that can be thrown into), a
/// plain `T`, which arrives as `Ok(T)`. See [`CoroutineExt::send`].
///
/// ```
/// use coro_runtime::SendValue;
///
/// let plain: f64 = 2.5.into_send();
/// let wrapped: Result<f64, String> = 2.5.into_send();
/// assert_eq!((plain, wrapped), (2.5, Ok(2.5)));
/// ```
#[diagnostic::on_unimplemented(
    message = "a `{Self}` cannot be sent to a coroutine that is sent `{S}`",
    label = "expected `{S}` here",
    note = "`send` takes the coroutine's `Send` type, or `T` when that type is `Result<T, E>`"
)]
pub trait SendValue<S> {
    /// The value as the coroutine receives it.
    fn into_send(self) -> S;
}

impl<S> SendValue<S> for S {
    #[inline(always)]
    fn into_send(self) -> S {
        self
    }
}

impl<T, E> SendValue<Result<T, E>> for T {
    #[inline(always)]
    fn into_send(self) -> Result<T, E> {
        Ok(self)
    }
}

/// A `Send` type that can carry an error into a coroutine: `Result<T, E>`. See
/// [`CoroutineExt::throw`].
///
/// ```
/// use coro_runtime::Throwable;
///
/// let sent = <Result<u8, &str> as Throwable>::from_error("boom");
/// assert_eq!(sent, Err("boom"));
/// ```
pub trait Throwable {
    /// What can be thrown.
    type Error;
    /// The value a throw sends in.
    fn from_error(error: Self::Error) -> Self;
}

impl<T, E> Throwable for Result<T, E> {
    type Error = E;
    #[inline(always)]
    fn from_error(error: E) -> Self {
        Err(error)
    }
}

/// Python's generator methods on every [`Coroutine`]: `send`, `throw`, the non-panicking
/// [`try_resume`](CoroutineExt::try_resume), and Beazley's auto-priming `@coroutine`
/// decorator as [`primed`](CoroutineExt::primed).
///
/// Implemented for every coroutine; bring it into scope with `use coro::CoroutineExt` or
/// `use coro::prelude::*`.
///
/// ```
/// use coro_runtime::{Coroutine, CoroutineExt, CoroutineState};
///
/// /// Echoes what it is sent, as a hand-written coroutine.
/// struct Echo;
/// impl Coroutine<Result<u8, &'static str>> for Echo {
///     type Yield = u8;
///     type Return = &'static str;
///     fn resume(&mut self, sent: Result<u8, &'static str>) -> CoroutineState<u8, &'static str> {
///         match sent {
///             Ok(v) => CoroutineState::Yielded(v),
///             Err(e) => CoroutineState::Complete(e),
///         }
///     }
/// }
///
/// let mut e = Echo;
/// assert_eq!(e.send(7), CoroutineState::Yielded(7)); // arrives as Ok(7)
/// assert_eq!(e.send(Ok(8)), CoroutineState::Yielded(8));
/// ```
pub trait CoroutineExt<S>: Coroutine<S> {
    /// Resumes the coroutine with `value`: Python's `gen.send(value)`.
    ///
    /// `value` is either the `Send` type itself, or `T` for a coroutine sent
    /// `Result<T, E>`, which receives `Ok(value)`. Like [`Coroutine::resume`], it panics
    /// on a generated coroutine that has completed, where Python raises `StopIteration`;
    /// check [`Control::status`] first, or iterate, when that can happen. Sent to a
    /// created coroutine, the value is dropped (there is no `yield_!` for it to land in):
    /// start a coroutine with [`Coroutine::start`] first, as Python primes with
    /// `next(gen)`.
    ///
    /// ```
    /// use coro::{Coroutine, CoroutineExt, CoroutineState, yield_};
    ///
    /// #[coro::coroutine]
    /// fn doubler() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    ///     let mut last = 0;
    ///     loop {
    ///         last = yield_!(last * 2);
    ///     }
    /// }
    ///
    /// let mut d = doubler();
    /// d.start();
    /// assert_eq!(d.send(21), CoroutineState::Yielded(42));
    /// ```
    #[inline]
    fn send<V: SendValue<S>>(&mut self, value: V) -> CoroutineState<Self::Yield, Self::Return> {
        self.resume(value.into_send())
    }

    /// Raises `error` inside the coroutine at the `yield_!` it is suspended at: Python's
    /// `gen.throw(exc)`.
    ///
    /// For a coroutine sent `Result<T, E>`, the pending `yield_!(v)` evaluates to
    /// `Err(error)`. If the body catches it (a `match`), the coroutine goes on and this
    /// returns `Ok` with its next yield or its return value; if not (`yield_!(v)?`), it
    /// completes with `Err(error)`, which this returns as `Ok(Complete(Err(error)))`.
    /// Inside `yield_from!` the error goes to the innermost coroutine first, as in PEP 380.
    ///
    /// A coroutine that is not suspended has no `yield_!` to raise the error at, and gives
    /// it back as `Err(error)`, like Python raising the exception straight out of `throw`:
    /// a created coroutine is closed first (none of its body runs), a complete one stays
    /// complete.
    ///
    /// ```
    /// use coro::{Control, Coroutine, CoroutineExt, CoroutineState, Status, yield_};
    ///
    /// #[coro::coroutine]
    /// fn resilient() -> impl Coroutine<Result<u32, String>, Yield = String, Return = ()> {
    ///     let mut total = 0;
    ///     loop {
    ///         match yield_!(format!("total {total}")) {
    ///             Ok(n) => total += n,
    ///             Err(e) => println!("caught {e}, going on"),
    ///         }
    ///     }
    /// }
    ///
    /// let mut r = resilient();
    /// r.start();
    /// r.send(5);
    /// let next = r.throw("bad input".to_string());
    /// assert_eq!(next, Ok(CoroutineState::Yielded("total 5".to_string())));
    ///
    /// let mut fresh = resilient();
    /// assert_eq!(fresh.throw("too early".to_string()), Err("too early".to_string()));
    /// assert_eq!(fresh.status(), Status::Complete);
    /// ```
    fn throw(
        &mut self,
        error: S::Error,
    ) -> Result<CoroutineState<Self::Yield, Self::Return>, S::Error>
    where
        S: Throwable,
        Self: Control,
    {
        match self.status() {
            Status::Suspended => Ok(self.resume(S::from_error(error))),
            Status::Created => {
                self.close();
                Err(error)
            }
            Status::Complete | Status::Poisoned => Err(error),
        }
    }

    /// Resumes the coroutine with `arg` unless it has finished, in which case `arg` comes
    /// back as `Err(arg)` and nothing runs: the non-panicking [`Coroutine::resume`].
    ///
    /// Python's `next(gen, default)`, and a `send` that catches the `StopIteration` of a
    /// finished generator. A generated coroutine has finished when it is
    /// [`Complete`](Status::Complete) or [`Poisoned`](Status::Poisoned) (see
    /// [`Status::is_finished`]); `resume` would panic there. A created coroutine is resumed
    /// as `resume` would (its first value is dropped, see [`Coroutine::start`]).
    ///
    /// ```
    /// use coro::{Coroutine, CoroutineExt, CoroutineState, yield_};
    ///
    /// #[coro::coroutine]
    /// fn two_sums() -> impl Coroutine<i32, Yield = i32, Return = &'static str> {
    ///     let a = yield_!(0);
    ///     let b = yield_!(a);
    ///     let _ = b;
    ///     "done"
    /// }
    ///
    /// let mut c = two_sums();
    /// c.start();
    /// assert_eq!(c.try_resume(1), Ok(CoroutineState::Yielded(1)));
    /// assert_eq!(c.try_resume(2), Ok(CoroutineState::Complete("done")));
    /// // `resume(3)` would panic here; `try_resume` hands the value back.
    /// assert_eq!(c.try_resume(3), Err(3));
    /// ```
    #[inline]
    fn try_resume(&mut self, arg: S) -> Result<CoroutineState<Self::Yield, Self::Return>, S>
    where
        Self: Control,
    {
        if self.status().is_finished() {
            Err(arg)
        } else {
            Ok(self.resume(arg))
        }
    }

    /// Runs a created coroutine to its first `yield_!` and returns it, dropping that first
    /// yielded value: Beazley's `@coroutine` decorator, which calls `next(gen)` for you so
    /// that the first `send` lands in a `yield_!`. (`#[coro::coroutine(primed)]` does the
    /// same for every call of the function.)
    ///
    /// On a coroutine that has started already, or that cannot start without a value (see
    /// [`Coroutine::start`]), it does nothing.
    ///
    /// ```
    /// use coro::{Coroutine, CoroutineExt, CoroutineState, yield_};
    ///
    /// #[coro::coroutine]
    /// fn printer() -> impl Coroutine<&'static str, Yield = (), Return = ()> {
    ///     loop {
    ///         let line = yield_!(());
    ///         println!("{line}");
    ///     }
    /// }
    ///
    /// let mut p = printer().primed();
    /// assert_eq!(p.send("hello"), CoroutineState::Yielded(()));
    /// ```
    #[inline]
    fn primed(mut self) -> Self
    where
        Self: Sized,
    {
        let _ = self.start();
        self
    }
}

impl<C: Coroutine<S> + ?Sized, S> CoroutineExt<S> for C {}
