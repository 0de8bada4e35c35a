//! Hand-written coroutine plumbing for the scheduler tests, standing in for
//! `#[coro::coroutine]` until the macro is ready.
//!
//! `a.then(|x| b)` is a hand-written `let x = yield_from!(a); yield_from!(b)`: it forwards
//! `a`'s system calls and replies, then builds `b` from `a`'s return value. `looping` is a
//! `loop { .. }` whose body is such a chain, so long loops do not nest `Then`s.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::mem;
use std::ops::ControlFlow;
use std::rc::Rc;

use coro_runtime::scheduler::{Reply, Syscall};
use coro_runtime::{Coroutine, CoroutineState};

/// A boxed task body returning `R`.
pub type BoxCo<R> = Box<dyn Coroutine<Reply, Yield = Syscall, Return = R>>;

/// Starts a sub-coroutine, as `yield_from!` does.
pub fn start_sub<C: Coroutine<Reply> + ?Sized>(sub: &mut C) -> CoroutineState<C::Yield, C::Return> {
    match sub.start() {
        Some(state) => state,
        None => sub.resume(Reply::Start),
    }
}

/// Combinators for hand-written tasks.
pub trait TaskExt: Coroutine<Reply, Yield = Syscall> + Sized {
    /// `let x = yield_from!(self); yield_from!(f(x))`.
    fn then<F, B>(self, f: F) -> Then<Self, F, B>
    where
        F: FnOnce(Self::Return) -> B,
        B: Coroutine<Reply, Yield = Syscall>,
    {
        Then {
            state: ThenState::First(self, f),
            started: false,
        }
    }

    /// `f(yield_from!(self))`.
    fn map<F, T>(self, f: F) -> impl Coroutine<Reply, Yield = Syscall, Return = T>
    where
        F: FnOnce(Self::Return) -> T,
    {
        self.then(move |x| done(f(x)))
    }

    /// Boxes the task.
    fn boxed(self) -> BoxCo<Self::Return>
    where
        Self: 'static,
    {
        Box::new(self)
    }
}

impl<C: Coroutine<Reply, Yield = Syscall>> TaskExt for C {}

pub struct Then<A, F, B> {
    state: ThenState<A, F, B>,
    started: bool,
}

enum ThenState<A, F, B> {
    First(A, F),
    Second(B),
    Done,
}

impl<A, F, B> Then<A, F, B>
where
    A: Coroutine<Reply, Yield = Syscall>,
    F: FnOnce(A::Return) -> B,
    B: Coroutine<Reply, Yield = Syscall>,
{
    fn after_first(
        &mut self,
        state: CoroutineState<Syscall, A::Return>,
    ) -> CoroutineState<Syscall, B::Return> {
        match state {
            CoroutineState::Yielded(call) => CoroutineState::Yielded(call),
            CoroutineState::Complete(value) => {
                let ThenState::First(_, f) = mem::replace(&mut self.state, ThenState::Done) else {
                    unreachable!()
                };
                let mut second = f(value);
                let state = start_sub(&mut second);
                self.state = ThenState::Second(second);
                state
            }
        }
    }
}

impl<A, F, B> Coroutine<Reply> for Then<A, F, B>
where
    A: Coroutine<Reply, Yield = Syscall>,
    F: FnOnce(A::Return) -> B,
    B: Coroutine<Reply, Yield = Syscall>,
{
    type Yield = Syscall;
    type Return = B::Return;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, B::Return> {
        if !self.started {
            return self.start().unwrap();
        }
        match &mut self.state {
            ThenState::First(first, _) => {
                let state = first.resume(reply);
                self.after_first(state)
            }
            ThenState::Second(second) => second.resume(reply),
            ThenState::Done => panic!("Then resumed after completion"),
        }
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, B::Return>> {
        if self.started {
            return None;
        }
        self.started = true;
        let ThenState::First(first, _) = &mut self.state else {
            unreachable!()
        };
        let state = start_sub(first);
        Some(self.after_first(state))
    }
}

/// A coroutine that completes at once with a value: `return v`.
pub struct Done<T>(Option<T>);

pub fn done<T>(value: T) -> Done<T> {
    Done(Some(value))
}

impl<T> Coroutine<Reply> for Done<T> {
    type Yield = Syscall;
    type Return = T;
    fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, T> {
        CoroutineState::Complete(self.0.take().expect("Done resumed after completion"))
    }
    fn start(&mut self) -> Option<CoroutineState<Syscall, T>> {
        self.0.take().map(CoroutineState::Complete)
    }
}

/// `let mut s = init; loop { match yield_from!(body(s)) { Continue(n) => s = n, Break(r) => return r } }`
pub fn looping<S, R, F>(init: S, body: F) -> Loop<S, R, F>
where
    F: FnMut(S) -> BoxCo<ControlFlow<R, S>>,
{
    Loop {
        init: Some(init),
        body,
        current: None,
    }
}

pub struct Loop<S, R, F> {
    init: Option<S>,
    body: F,
    current: Option<BoxCo<ControlFlow<R, S>>>,
}

impl<S, R, F> Loop<S, R, F>
where
    F: FnMut(S) -> BoxCo<ControlFlow<R, S>>,
{
    fn drive(
        &mut self,
        mut state: CoroutineState<Syscall, ControlFlow<R, S>>,
    ) -> CoroutineState<Syscall, R> {
        loop {
            match state {
                CoroutineState::Yielded(call) => return CoroutineState::Yielded(call),
                CoroutineState::Complete(ControlFlow::Break(r)) => {
                    self.current = None;
                    return CoroutineState::Complete(r);
                }
                CoroutineState::Complete(ControlFlow::Continue(s)) => {
                    let current = self.current.insert((self.body)(s));
                    state = start_sub(&mut **current);
                }
            }
        }
    }
}

impl<S, R, F> Coroutine<Reply> for Loop<S, R, F>
where
    F: FnMut(S) -> BoxCo<ControlFlow<R, S>>,
{
    type Yield = Syscall;
    type Return = R;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, R> {
        if let Some(state) = self.start() {
            return state;
        }
        let state = self
            .current
            .as_mut()
            .expect("Loop resumed after completion")
            .resume(reply);
        self.drive(state)
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, R>> {
        let init = self.init.take()?;
        Some(self.drive(CoroutineState::Complete(ControlFlow::Continue(init))))
    }
}

/// A shared log of events, in the order they happened.
#[derive(Clone, Default)]
pub struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    pub fn push(&self, line: impl Into<String>) {
        self.0.borrow_mut().push(line.into());
    }
    pub fn lines(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

/// Counts how many times a guard was dropped: the `finally` of a port.
#[derive(Clone, Default)]
pub struct DropCounter(Rc<Cell<u32>>);

impl DropCounter {
    pub fn guard(&self) -> Guard {
        Guard(self.0.clone())
    }
    pub fn count(&self) -> u32 {
        self.0.get()
    }
}

pub struct Guard(Rc<Cell<u32>>);

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.set(self.0.get() + 1);
    }
}

/// Client `client`'s `n`th message for the echo tests: its numbers, then 8 to
/// `8 + max_len` bytes of a pseudo-random table at an offset of its own, so that a byte
/// out of place or a message crossed with another client's is caught.
pub fn message(client: usize, n: usize, max_len: usize) -> Vec<u8> {
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut x = 1_u64;
        (0..32768)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 56) as u8
            })
            .collect()
    });
    assert!(max_len <= 16384, "the table holds messages up to 16 KiB");
    let mix = client * 7919 + n * 104_729 + 1;
    let len = 8 + mix % max_len;
    let offset = (mix / 7) % 16384;
    let mut m = format!("{client}:{n}:").into_bytes();
    m.extend_from_slice(&table[offset..offset + len]);
    m
}
