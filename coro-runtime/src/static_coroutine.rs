//! The runtime of `#[coro::coroutine(static)]`: a coroutine whose body may borrow its own
//! locals across a yield.
//!
//! The attribute turns the body into an `async` block, so rustc's own coroutine transform
//! lays out the locals and checks the borrows, exactly as it does for a native `static`
//! coroutine: drop order, temporaries, `#[cfg]`, shadowing, moves and drop flags are
//! rustc's by construction. Each `yield_!(v)` becomes `.await` on a [`Yield`] point and
//! each `yield_from!(sub)` an `.await` on a [`Delegate`]; [`StaticCoroutine`] polls the
//! block with a waker of its own and passes values in and out through an [`Airlock`] that
//! lives on the stack of `resume` for the length of one poll.
//!
//! A future that borrows from itself must not move once polled, so the block lives in one
//! heap allocation (`Pin<Box<F>>`) made when the coroutine is created; the coroutine
//! itself is a pointer and a few words, and moves freely.
//!
//! # The one `unsafe` operation, and why it is sound
//!
//! A yield point finds the airlock through the waker's data pointer, which is a
//! `*const ()`: casting it back to `Airlock<Y, S>` is `unsafe`. The cast is made only when
//! all of these hold, and each is checked at run time before the cast:
//!
//! 1. the waker's vtable is this module's [`VTABLE`] (compared by address; a `static` has
//!    one address), so the waker is the one [`StaticCoroutine::resume`] built and lends
//!    to the poll, and its data pointer was made from an `&mut Airlock<Y', S'>` that
//!    lives, unaliased, until that poll returns. Only that waker carries `VTABLE`: its
//!    clones, which may outlive the poll, get another vtable and no data pointer, and
//!    safe code cannot build a `Waker` from a vtable;
//! 2. the airlock's [`Header`], at offset 0 of every `Airlock` (`#[repr(C)]`), carries the
//!    id of the coroutine that is polling, and the yield point carries the id of the
//!    coroutine that minted its [`Co`]; they must be equal. A `Co<Y, S>` is minted only by
//!    `StaticCoroutine<F, Y, S, R>::new`, with an id no other coroutine gets, so equal ids
//!    mean `Y' = Y` and `S' = S`.
//!
//! Anything else (a yield point polled by another executor, or with a kept clone of the
//! waker, or smuggled into another coroutine's body) panics instead of casting. The tests
//! `a_yield_point_polled_by_a_foreign_waker_panics`,
//! `a_clone_of_the_waker_kept_past_the_poll_is_foreign` and
//! `a_co_smuggled_into_another_coroutine_panics` at the end of this file exercise both
//! checks.

use alloc::boxed::Box;
use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::pin::Pin;
use core::task::{Context, Poll, RawWaker, RawWakerVTable, Waker};

use crate::{Control, Coroutine, CoroutineState, Status};

/// The id of one static coroutine, unique for the life of the process.
type Id = u64;

#[cfg(target_has_atomic = "64")]
fn fresh_id() -> Id {
    use core::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[cfg(not(target_has_atomic = "64"))]
fn fresh_id() -> Id {
    use core::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(1);
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    // A wrapped counter could hand a live coroutine's id out again.
    assert!(
        id != 0,
        "more static coroutines than this target can number"
    );
    id as Id
}

/// The part of every [`Airlock`] a yield point reads before it knows the airlock's type.
#[repr(C)]
struct Header {
    id: Id,
}

/// Values crossing one poll: the sent value in, the yielded value out.
#[repr(C)]
struct Airlock<Y, S> {
    header: Header,
    sent: Option<S>,
    yielded: Option<Y>,
}

/// A clone of the coroutine's waker is a waker of another kind: it has no data pointer
/// and [`CLONED`] for a vtable, which no yield point accepts. A clone can outlive the poll
/// (a future in the body may keep it), and with it the airlock it would point at.
fn clone_to_foreign(_: *const ()) -> RawWaker {
    RawWaker::new(core::ptr::null(), &CLONED)
}
/// The clone of a clone: itself (unlike [`clone_to_foreign`], which drops its argument,
/// so the two vtables never hold the same functions).
fn clone_foreign(data: *const ()) -> RawWaker {
    RawWaker::new(data, &CLONED)
}
fn noop(_: *const ()) {}

/// The vtable of the waker [`StaticCoroutine::resume`] polls with, and of no other.
/// Waking does nothing: the coroutine is resumed by its caller, never by a wake-up.
static VTABLE: RawWakerVTable = RawWakerVTable::new(clone_to_foreign, noop, noop, noop);

/// The vtable of that waker's clones.
static CLONED: RawWakerVTable = RawWakerVTable::new(clone_foreign, noop, noop, noop);

/// The airlock of the coroutine `id`, if `cx` is the context of its `resume`.
fn airlock<'a, Y, S>(cx: &'a mut Context<'_>, id: Id) -> &'a mut Airlock<Y, S> {
    let waker = cx.waker();
    assert!(
        core::ptr::eq(waker.vtable(), &VTABLE),
        "a yield_! point of a #[coro::coroutine(static)] was polled outside its coroutine"
    );
    let header = waker.data() as *const Header;
    // SAFETY: the vtable is `VTABLE`, which only the waker `resume` lends to its poll
    // carries (clones get `CLONED`), so the data pointer is the `&raw mut Airlock<_, _>`
    // that `resume` made, valid and unaliased until this poll returns; `Airlock` is
    // `#[repr(C)]` with the `Header` first, so it can be read as a `Header` whatever the
    // airlock's type parameters.
    let found = unsafe { (*header).id };
    assert!(
        found == id,
        "a yield_! point of one #[coro::coroutine(static)] was polled by another"
    );
    // SAFETY: the ids are equal, so this yield point's `Co<Y, S>` was minted by the very
    // coroutine polling now, a `StaticCoroutine<_, Y, S, _>`, whose airlock is an
    // `Airlock<Y, S>` (see the module docs). Nothing else touches it during the poll.
    unsafe { &mut *(waker.data() as *mut Airlock<Y, S>) }
}

/// The right to suspend one static coroutine that yields `Y` and is sent `S`: the body's
/// yield points are made from it.
pub struct Co<Y, S> {
    id: Id,
    marker: PhantomData<fn(S) -> Y>,
}

impl<Y, S> Clone for Co<Y, S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<Y, S> Copy for Co<Y, S> {}

impl<Y, S> Co<Y, S> {
    /// `yield_!(value)`: a future that hands `value` out and completes with the value sent
    /// by the next `resume`.
    #[inline(always)]
    pub fn yield_(self, value: Y) -> Yield<Y, S> {
        Yield {
            value: Some(value),
            co: self,
        }
    }

    /// `yield_from!(sub)`: a future that runs `sub` to completion, handing its yields out
    /// and the sent values in, and completes with its return value.
    #[inline(always)]
    pub fn delegate<C: Coroutine<S, Yield = Y>>(self, sub: C, first: Option<S>) -> Delegate<C, S> {
        Delegate {
            sub,
            first,
            id: self.id,
        }
    }
}

/// A `yield_!` point of a static coroutine (see [`Co::yield_`]).
pub struct Yield<Y, S> {
    value: Option<Y>,
    co: Co<Y, S>,
}

// Nothing is pinned structurally: the value is moved out by `take`.
impl<Y, S> Unpin for Yield<Y, S> {}

impl<Y, S> Future for Yield<Y, S> {
    type Output = S;

    /// The first poll hands the value out; the next, in the following resume, finds that
    /// resume's value in the airlock. Which of the two it is, the airlock says: a resume
    /// puts its value there and the point it resumes takes it, so the point reached next
    /// finds none (see [`StaticCoroutine::step`]). A value known to be there needs no
    /// test of `value` in the frame.
    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<S> {
        let this = self.get_mut();
        let airlock = airlock::<Y, S>(cx, this.co.id);
        match airlock.sent.take() {
            Some(sent) => Poll::Ready(sent),
            None => {
                airlock.yielded = this.value.take();
                Poll::Pending
            }
        }
    }
}

/// A `yield_from!` of a static coroutine (see [`Co::delegate`]).
pub struct Delegate<C, S> {
    sub: C,
    /// The value to start the sub-coroutine with, if its `start` does not start it.
    first: Option<S>,
    id: Id,
}

// The sub-coroutine is resumed through `&mut`, never pinned.
impl<C, S> Unpin for Delegate<C, S> {}

impl<C: Coroutine<S>, S> Future for Delegate<C, S> {
    type Output = C::Return;

    /// Starts the sub-coroutine on the first poll, and resumes it with the airlock's value
    /// on every later one (told apart as in [`Yield::poll`]).
    #[inline(always)]
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<C::Return> {
        let this = self.get_mut();
        let airlock = airlock::<C::Yield, S>(cx, this.id);
        let state = match airlock.sent.take() {
            Some(sent) => this.sub.resume(sent),
            None => crate::__private::start_sub(&mut this.sub, this.first.take()),
        };
        match state {
            CoroutineState::Yielded(y) => {
                airlock.yielded = Some(y);
                Poll::Pending
            }
            CoroutineState::Complete(r) => Poll::Ready(r),
        }
    }
}

/// [`Status`], a word wide: the coroutine's three words have no padding, which a move
/// (as a task queue makes, one per resume) would copy byte by byte.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
enum Phase {
    Created,
    Suspended,
    Complete,
    Poisoned,
}

/// A coroutine made by `#[coro::coroutine(static)]`: the body's `async` block `F`, pinned
/// in its own allocation, yielding `Y`, sent `S`, returning `R`. `N` gives the function's
/// name for messages: a closure returning a literal, zero-sized, so the coroutine is three
/// words.
pub struct StaticCoroutine<F, N, Y, S, R> {
    /// `None` once the body has returned or the coroutine was closed.
    body: Option<Pin<Box<F>>>,
    id: Id,
    /// Where it is, as `Control::status` reports it: `Poisoned` once a poll unwound.
    phase: Phase,
    name: N,
    marker: PhantomData<fn(S) -> CoroutineState<Y, R>>,
}

impl<F: Future<Output = R>, N: Fn() -> &'static str, Y, S, R> StaticCoroutine<F, N, Y, S, R> {
    /// Builds the coroutine: `body` receives the [`Co`] its yield points are made from and
    /// returns the `async` block; nothing of it runs until the first resume.
    #[inline]
    pub fn new(name: N, body: impl FnOnce(Co<Y, S>) -> F) -> Self {
        let id = fresh_id();
        let co = Co {
            id,
            marker: PhantomData,
        };
        StaticCoroutine {
            body: Some(Box::pin(body(co))),
            id,
            phase: Phase::Created,
            name,
            marker: PhantomData,
        }
    }

    /// Runs the body until its next yield point, with `sent` for the yield point it is
    /// suspended at (`None` on the first run, which has none). The caller has checked
    /// the phase is `Created` or `Suspended`, and then the body is there: the `else`
    /// below is never taken (kept as a safe check, a branch rather than `unsafe`).
    #[inline(always)]
    fn step(&mut self, sent: Option<S>) -> CoroutineState<Y, R> {
        let Some(body) = self.body.as_mut() else {
            resumed_when_complete((self.name)(), self.phase)
        };
        let mut airlock = Airlock {
            header: Header { id: self.id },
            sent,
            yielded: None,
        };
        let data = (&raw mut airlock) as *const ();
        // SAFETY: `VTABLE`'s functions never read the data pointer (a clone drops it), and
        // the waker does not outlive this call (`Context` borrows it). Its drop does
        // nothing, and is skipped: dropping a `Waker` is an indirect call LLVM does not
        // see through, on every resume.
        let waker =
            core::mem::ManuallyDrop::new(unsafe { Waker::from_raw(RawWaker::new(data, &VTABLE)) });
        let mut cx = Context::from_waker(&waker);
        // A panic in the body unwinds through here and leaves it `Poisoned`: the
        // guard's drop runs only then (it is forgotten on the way out), so the happy path
        // pays no store for it.
        let guard = PanicGuard(&mut self.phase);
        let poll = body.as_mut().poll(&mut cx);
        core::mem::forget(guard);
        match poll {
            Poll::Ready(r) => {
                self.body = None;
                self.phase = Phase::Complete;
                CoroutineState::Complete(r)
            }
            Poll::Pending => match airlock.yielded {
                Some(y) => {
                    self.phase = Phase::Suspended;
                    CoroutineState::Yielded(y)
                }
                None => {
                    self.phase = Phase::Poisoned;
                    panic!(
                        "{}: a #[coro::coroutine(static)] body awaited something other than \
                         yield_! or yield_from!",
                        (self.name)()
                    )
                }
            },
        }
    }
}

/// Marks the coroutine panicked if a poll unwinds (see [`StaticCoroutine::step`]).
struct PanicGuard<'a>(&'a mut Phase);

impl Drop for PanicGuard<'_> {
    fn drop(&mut self) {
        *self.0 = Phase::Poisoned;
    }
}

#[cold]
#[inline(never)]
#[track_caller]
fn resumed_when_complete(name: &str, phase: Phase) -> ! {
    match phase {
        Phase::Poisoned => panic!("{name}: resumed after its body panicked"),
        _ => panic!("{name}: resumed after completion"),
    }
}

impl<F: Future<Output = R>, N: Fn() -> &'static str, Y, S, R> Coroutine<S>
    for StaticCoroutine<F, N, Y, S, R>
{
    type Yield = Y;
    type Return = R;

    #[inline(always)]
    fn resume(&mut self, arg: S) -> CoroutineState<Y, R> {
        // The first resume has no `yield_!` to land in: its value is dropped, as in the
        // default flavour (Python's priming `send(None)`).
        // The phase decides what is sent (the body is there in both phases that run;
        // `step` tests that once more, a branch never taken).
        let sent = match self.phase {
            Phase::Suspended => Some(arg),
            Phase::Created => None,
            phase => resumed_when_complete((self.name)(), phase),
        };
        self.step(sent)
    }

    #[inline]
    fn start(&mut self) -> Option<CoroutineState<Y, R>> {
        match self.phase {
            Phase::Created => Some(self.step(None)),
            _ => None,
        }
    }
}

impl<F, N: Fn() -> &'static str, Y, S, R> Control for StaticCoroutine<F, N, Y, S, R> {
    fn status(&self) -> Status {
        match self.phase {
            Phase::Created => Status::Created,
            Phase::Suspended => Status::Suspended,
            Phase::Complete => Status::Complete,
            Phase::Poisoned => Status::Poisoned,
        }
    }

    /// Drops the body with every local it holds (newest first, as rustc drops an
    /// abandoned coroutine's locals) and marks the coroutine returned.
    fn close(&mut self) {
        if self.phase != Phase::Poisoned {
            self.phase = Phase::Complete;
        }
        self.body = None;
    }
}

/// A generator (`Send = ()`) is an iterator over its yields, fused.
impl<F: Future<Output = R>, N: Fn() -> &'static str, Y, R> Iterator
    for StaticCoroutine<F, N, Y, (), R>
{
    type Item = Y;

    #[inline(always)]
    fn next(&mut self) -> Option<Y> {
        match self.phase {
            Phase::Complete | Phase::Poisoned => None,
            Phase::Created | Phase::Suspended => self.resume(()).yielded(),
        }
    }
}

impl<F: Future<Output = R>, N: Fn() -> &'static str, Y, R> core::iter::FusedIterator
    for StaticCoroutine<F, N, Y, (), R>
{
}

/// Shows the function's name and status; the saved locals live inside rustc's layout of
/// the body, which cannot be read from outside.
impl<F, N: Fn() -> &'static str, Y, S, R> fmt::Debug for StaticCoroutine<F, N, Y, S, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = match self.phase {
            Phase::Created => "created",
            Phase::Suspended => "suspended",
            Phase::Complete => "complete",
            Phase::Poisoned => "poisoned",
        };
        write!(f, "{} {{ status: {status}, static }}", (self.name)())
    }
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::string::String;

    fn panic_message(r: std::thread::Result<impl Sized>) -> String {
        let payload = r.err().expect("expected a panic");
        match payload.downcast::<&str>() {
            Ok(s) => String::from(*s),
            Err(p) => *p.downcast::<String>().unwrap(),
        }
    }

    /// Check 1 of the module docs: without it, the noop waker's null data pointer would
    /// be read as an airlock.
    #[test]
    fn a_yield_point_polled_by_a_foreign_waker_panics() {
        let mut smuggled = None;
        let _c = StaticCoroutine::<_, _, u32, (), ()>::new(
            || "t",
            |co| {
                smuggled = Some(co);
                async move {
                    co.yield_(1).await;
                }
            },
        );
        let mut point = smuggled.unwrap().yield_(5);
        let mut cx = Context::from_waker(Waker::noop());
        let r = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut point).poll(&mut cx)));
        assert!(panic_message(r).contains("polled outside its coroutine"));
    }

    /// Check 1 again, for a clone of the coroutine's own waker: it outlives the poll (a
    /// future in the body may keep it), and the airlock its data pointer pointed at is
    /// gone with the `resume` that made it. Were the clone to keep the vtable, this yield
    /// point would read (and write) a dead stack frame.
    #[test]
    fn a_clone_of_the_waker_kept_past_the_poll_is_foreign() {
        use std::cell::RefCell;
        use std::rc::Rc;
        struct Keep(Rc<RefCell<Option<Waker>>>);
        impl Future for Keep {
            type Output = ();
            fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
                *self.0.borrow_mut() = Some(cx.waker().clone());
                Poll::Ready(())
            }
        }
        let kept = Rc::new(RefCell::new(None));
        let keep = Keep(kept.clone());
        let mut smuggled = None;
        let mut c = StaticCoroutine::<_, _, u32, (), ()>::new(
            || "t",
            |co| {
                smuggled = Some(co);
                async move {
                    keep.await;
                    co.yield_(1).await;
                }
            },
        );
        assert_eq!(c.resume(()).yielded(), Some(1));
        let waker = kept.borrow_mut().take().unwrap();
        let mut point = smuggled.unwrap().yield_(5);
        let mut cx = Context::from_waker(&waker);
        let r = catch_unwind(AssertUnwindSafe(|| Pin::new(&mut point).poll(&mut cx)));
        assert!(panic_message(r).contains("polled outside its coroutine"));
    }

    /// Check 2: without it, coroutine `b` (yielding `u32`) would store `a`'s `String` into
    /// its `Airlock<u32, ()>`.
    #[test]
    fn a_co_smuggled_into_another_coroutine_panics() {
        let mut smuggled = None;
        let _a = StaticCoroutine::<_, _, String, (), ()>::new(
            || "a",
            |co| {
                smuggled = Some(co);
                async move {
                    co.yield_(String::new()).await;
                }
            },
        );
        let co_a = smuggled.unwrap();
        let mut b = StaticCoroutine::<_, _, u32, (), ()>::new(
            || "b",
            move |_co_b| async move {
                co_a.yield_(String::from("not a u32")).await;
            },
        );
        let r = catch_unwind(AssertUnwindSafe(|| b.resume(())));
        assert!(panic_message(r).contains("polled by another"));
        assert_eq!(b.status(), Status::Poisoned);
    }

    #[test]
    fn awaiting_a_foreign_future_is_a_panic_not_a_hang() {
        let mut c = StaticCoroutine::<_, _, u32, (), ()>::new(
            || "waits",
            |_co| async move {
                core::future::pending::<()>().await;
            },
        );
        let r = catch_unwind(AssertUnwindSafe(|| c.resume(())));
        assert!(panic_message(r).contains("awaited something other than yield_!"));
    }
}
