#![allow(dead_code)] // Shared by several bench binaries and tests, each using a part.

//! The workloads written with the stable-Rust peers: genawaiter (`stack` and `rc`) and
//! corosensei. Each is written the way that crate's docs teach, and adapted to
//! `coro::Coroutine` / `Iterator` by a newtype whose `resume` is one `match`, so every
//! implementation runs through the same driver loops.
//!
//! Delegation (W3) uses each crate's own idiom: an `async fn` that is `.await`ed
//! (genawaiter), a plain function call on the same stack (corosensei).
//!
//! corosensei runs on stacks allocated once and reused (`with_stack`/`into_stack`), as a
//! server would pool them: W1, W3 and W4 would otherwise time an `mmap`/`munmap` per
//! coroutine rather than the coroutine.

use crate::workloads::{Emit, Token, punct};
use coro::{Coroutine, CoroutineState};
use corosensei::stack::DefaultStack;
use corosensei::{CoroutineResult, Yielder};
use std::future::Future;

/// A peer's generator seen as a `coro::Coroutine` (and, for `Send = ()`, an `Iterator`).
pub struct Peer<G>(pub G);

impl<Y, R, F: Future> Coroutine<R> for Peer<genawaiter::stack::Gen<'_, Y, R, F>> {
    type Yield = Y;
    type Return = F::Output;
    #[inline]
    fn resume(&mut self, arg: R) -> CoroutineState<Y, F::Output> {
        match self.0.resume_with(arg) {
            genawaiter::GeneratorState::Yielded(y) => CoroutineState::Yielded(y),
            genawaiter::GeneratorState::Complete(r) => CoroutineState::Complete(r),
        }
    }
}

impl<Y, R, F: Future> Coroutine<R> for Peer<genawaiter::rc::Gen<Y, R, F>> {
    type Yield = Y;
    type Return = F::Output;
    #[inline]
    fn resume(&mut self, arg: R) -> CoroutineState<Y, F::Output> {
        match self.0.resume_with(arg) {
            genawaiter::GeneratorState::Yielded(y) => CoroutineState::Yielded(y),
            genawaiter::GeneratorState::Complete(r) => CoroutineState::Complete(r),
        }
    }
}

impl<I, Y, R> Coroutine<I> for Peer<corosensei::Coroutine<I, Y, R>> {
    type Yield = Y;
    type Return = R;
    #[inline]
    fn resume(&mut self, arg: I) -> CoroutineState<Y, R> {
        match self.0.resume(arg) {
            CoroutineResult::Yield(y) => CoroutineState::Yielded(y),
            CoroutineResult::Return(r) => CoroutineState::Complete(r),
        }
    }
}

impl<Y> Iterator for Peer<corosensei::Coroutine<(), Y, ()>> {
    type Item = Y;
    #[inline]
    fn next(&mut self) -> Option<Y> {
        match self.0.resume(()) {
            CoroutineResult::Yield(y) => Some(y),
            CoroutineResult::Return(()) => None,
        }
    }
}

/// The size of the stacks corosensei's coroutines get here (its default is 1 MiB).
pub const STACK_SIZE: usize = 64 * 1024;

/// A stack for corosensei.
pub fn stack() -> DefaultStack {
    DefaultStack::new(STACK_SIZE).expect("mmap a coroutine stack")
}

/// genawaiter, `stack` flavour: the future lives in a `Shelf` the caller provides.
pub mod ga_stack {
    use super::*;
    use genawaiter::stack::Co;

    /// W1.
    pub async fn countdown(co: Co<'_, u64>, mut n: u64) {
        while n > 0 {
            co.yield_(n).await;
            n -= 1;
        }
    }

    /// W2. The first resume's argument is lost (genawaiter's priming), as with coro.
    pub async fn averager(co: Co<'_, f64, f64>) {
        let mut total = 0.0;
        let mut count = 0u64;
        let mut mean = 0.0;
        loop {
            let x = co.yield_(mean).await;
            total += x;
            count += 1;
            mean = total / count as f64;
        }
    }

    async fn sub(co: &Co<'_, u64>, base: u64, n: u64) -> u64 {
        let mut sum = 0u64;
        let mut i = 0;
        while i < n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            co.yield_(v).await;
            i += 1;
        }
        sum
    }

    /// W3.
    pub async fn delegate(co: Co<'_, u64>, n: u64) -> u64 {
        let a = sub(&co, 0, n).await;
        let b = sub(&co, a, n).await;
        let c = sub(&co, b, n).await;
        a ^ b ^ c
    }

    /// W6.
    pub async fn upto(co: Co<'_, u64>, m: u64) {
        for i in 1..=m {
            co.yield_(i).await;
        }
    }

    async fn sub_range(co: &Co<'_, u64>, base: u64, n: u64) -> u64 {
        let mut sum = 0u64;
        for i in 1..=n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            co.yield_(v).await;
        }
        sum
    }

    /// W7.
    pub async fn delegate_range(co: Co<'_, u64>, n: u64) -> u64 {
        let a = sub_range(&co, 0, n).await;
        let b = sub_range(&co, a, n).await;
        let c = sub_range(&co, b, n).await;
        a ^ b ^ c
    }

    /// W4.
    pub async fn task(co: Co<'_, u64>, id: u64, n: u64) {
        let mut i = 0;
        while i < n {
            co.yield_(id ^ i).await;
            i += 1;
        }
    }

    /// W5.
    pub async fn tokenizer(co: Co<'_, Emit, u8>) {
        let mut out = Emit::NONE;
        loop {
            let b = co.yield_(out).await;
            out = match b {
                b'"' => {
                    let mut len = 0u32;
                    loop {
                        match co.yield_(Emit::NONE).await {
                            b'"' => break,
                            b'\\' => {
                                co.yield_(Emit::NONE).await;
                                len += 1;
                            }
                            _ => len += 1,
                        }
                    }
                    Emit::one(Token::Str(len))
                }
                b'-' | b'0'..=b'9' => {
                    let negative = b == b'-';
                    let mut n: i64 = if negative { 0 } else { (b - b'0') as i64 };
                    let end = loop {
                        let c = co.yield_(Emit::NONE).await;
                        if c.is_ascii_digit() {
                            n = n * 10 + (c - b'0') as i64;
                        } else {
                            break c;
                        }
                    };
                    Emit(Token::Num(if negative { -n } else { n }), punct(end))
                }
                b't' | b'f' | b'n' => {
                    let (rest, token): (&'static [u8], Token) = match b {
                        b't' => (b"rue", Token::True),
                        b'f' => (b"alse", Token::False),
                        _ => (b"ull", Token::Null),
                    };
                    let mut ok = true;
                    for &expected in rest {
                        ok &= co.yield_(Emit::NONE).await == expected;
                    }
                    Emit::one(if ok { token } else { Token::Error(b) })
                }
                _ => Emit::one(punct(b)),
            };
        }
    }

    /// Size report.
    pub async fn three_locals(co: Co<'_, u64>, seed: u64) {
        let a = seed.wrapping_mul(3);
        let buf = [seed as u8; 64];
        let s = seed.to_string();
        co.yield_(a).await;
        co.yield_(buf[a as usize % 64] as u64 + s.len() as u64)
            .await;
        co.yield_(a + buf[0] as u64 + s.len() as u64).await;
    }
}

/// genawaiter, `rc` flavour: the future is boxed, the airlock reference-counted. The
/// bodies are those of [`ga_stack`], with `rc::Co`.
pub mod ga_rc {
    use super::*;
    use genawaiter::rc::Co;

    /// W1.
    pub async fn countdown(co: Co<u64>, mut n: u64) {
        while n > 0 {
            co.yield_(n).await;
            n -= 1;
        }
    }

    /// W2.
    pub async fn averager(co: Co<f64, f64>) {
        let mut total = 0.0;
        let mut count = 0u64;
        let mut mean = 0.0;
        loop {
            let x = co.yield_(mean).await;
            total += x;
            count += 1;
            mean = total / count as f64;
        }
    }

    async fn sub(co: &Co<u64>, base: u64, n: u64) -> u64 {
        let mut sum = 0u64;
        let mut i = 0;
        while i < n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            co.yield_(v).await;
            i += 1;
        }
        sum
    }

    /// W3.
    pub async fn delegate(co: Co<u64>, n: u64) -> u64 {
        let a = sub(&co, 0, n).await;
        let b = sub(&co, a, n).await;
        let c = sub(&co, b, n).await;
        a ^ b ^ c
    }

    /// W6.
    pub async fn upto(co: Co<u64>, m: u64) {
        for i in 1..=m {
            co.yield_(i).await;
        }
    }

    async fn sub_range(co: &Co<u64>, base: u64, n: u64) -> u64 {
        let mut sum = 0u64;
        for i in 1..=n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            co.yield_(v).await;
        }
        sum
    }

    /// W7.
    pub async fn delegate_range(co: Co<u64>, n: u64) -> u64 {
        let a = sub_range(&co, 0, n).await;
        let b = sub_range(&co, a, n).await;
        let c = sub_range(&co, b, n).await;
        a ^ b ^ c
    }

    /// W4.
    pub async fn task(co: Co<u64>, id: u64, n: u64) {
        let mut i = 0;
        while i < n {
            co.yield_(id ^ i).await;
            i += 1;
        }
    }

    /// W5.
    pub async fn tokenizer(co: Co<Emit, u8>) {
        let mut out = Emit::NONE;
        loop {
            let b = co.yield_(out).await;
            out = match b {
                b'"' => {
                    let mut len = 0u32;
                    loop {
                        match co.yield_(Emit::NONE).await {
                            b'"' => break,
                            b'\\' => {
                                co.yield_(Emit::NONE).await;
                                len += 1;
                            }
                            _ => len += 1,
                        }
                    }
                    Emit::one(Token::Str(len))
                }
                b'-' | b'0'..=b'9' => {
                    let negative = b == b'-';
                    let mut n: i64 = if negative { 0 } else { (b - b'0') as i64 };
                    let end = loop {
                        let c = co.yield_(Emit::NONE).await;
                        if c.is_ascii_digit() {
                            n = n * 10 + (c - b'0') as i64;
                        } else {
                            break c;
                        }
                    };
                    Emit(Token::Num(if negative { -n } else { n }), punct(end))
                }
                b't' | b'f' | b'n' => {
                    let (rest, token): (&'static [u8], Token) = match b {
                        b't' => (b"rue", Token::True),
                        b'f' => (b"alse", Token::False),
                        _ => (b"ull", Token::Null),
                    };
                    let mut ok = true;
                    for &expected in rest {
                        ok &= co.yield_(Emit::NONE).await == expected;
                    }
                    Emit::one(if ok { token } else { Token::Error(b) })
                }
                _ => Emit::one(punct(b)),
            };
        }
    }

    /// Size report.
    pub async fn three_locals(co: Co<u64>, seed: u64) {
        let a = seed.wrapping_mul(3);
        let buf = [seed as u8; 64];
        let s = seed.to_string();
        co.yield_(a).await;
        co.yield_(buf[a as usize % 64] as u64 + s.len() as u64)
            .await;
        co.yield_(a + buf[0] as u64 + s.len() as u64).await;
    }
}

/// corosensei: stackful, so the bodies are ordinary functions that call
/// `yielder.suspend`.
pub mod cs {
    use super::*;

    /// A corosensei coroutine with the benches' signature.
    pub type Co<I, Y, R> = corosensei::Coroutine<I, Y, R>;

    /// W1.
    pub fn countdown(stack: DefaultStack, n: u64) -> Peer<Co<(), u64, ()>> {
        Peer(Co::with_stack(stack, move |y: &Yielder<(), u64>, ()| {
            let mut n = n;
            while n > 0 {
                y.suspend(n);
                n -= 1;
            }
        }))
    }

    /// W2. Ignores the first (priming) resume's argument, as coro does.
    pub fn averager() -> Peer<Co<f64, f64, ()>> {
        Peer(Co::with_stack(
            stack(),
            |y: &Yielder<f64, f64>, _prime: f64| {
                let mut total = 0.0;
                let mut count = 0u64;
                let mut mean = 0.0;
                loop {
                    let x = y.suspend(mean);
                    total += x;
                    count += 1;
                    mean = total / count as f64;
                }
            },
        ))
    }

    fn sub(y: &Yielder<(), u64>, base: u64, n: u64) -> u64 {
        let mut sum = 0u64;
        let mut i = 0;
        while i < n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            y.suspend(v);
            i += 1;
        }
        sum
    }

    /// W3.
    pub fn delegate(stack: DefaultStack, n: u64) -> Peer<Co<(), u64, u64>> {
        Peer(Co::with_stack(stack, move |y: &Yielder<(), u64>, ()| {
            let a = sub(y, 0, n);
            let b = sub(y, a, n);
            let c = sub(y, b, n);
            a ^ b ^ c
        }))
    }

    /// W6.
    pub fn upto(stack: DefaultStack, m: u64) -> Peer<Co<(), u64, ()>> {
        Peer(Co::with_stack(stack, move |y: &Yielder<(), u64>, ()| {
            for i in 1..=m {
                y.suspend(i);
            }
        }))
    }

    fn sub_range(y: &Yielder<(), u64>, base: u64, n: u64) -> u64 {
        let mut sum = 0u64;
        for i in 1..=n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            y.suspend(v);
        }
        sum
    }

    /// W7.
    pub fn delegate_range(stack: DefaultStack, n: u64) -> Peer<Co<(), u64, u64>> {
        Peer(Co::with_stack(stack, move |y: &Yielder<(), u64>, ()| {
            let a = sub_range(y, 0, n);
            let b = sub_range(y, a, n);
            let c = sub_range(y, b, n);
            a ^ b ^ c
        }))
    }

    /// W4.
    pub fn task(stack: DefaultStack, id: u64, n: u64) -> Peer<Co<(), u64, ()>> {
        Peer(Co::with_stack(stack, move |y: &Yielder<(), u64>, ()| {
            let mut i = 0;
            while i < n {
                y.suspend(id ^ i);
                i += 1;
            }
        }))
    }

    /// W5. Ignores the first (priming) resume's argument, as coro does.
    pub fn tokenizer() -> Peer<Co<u8, Emit, ()>> {
        Peer(Co::with_stack(
            stack(),
            |y: &Yielder<u8, Emit>, _prime: u8| {
                let mut out = Emit::NONE;
                loop {
                    let b = y.suspend(out);
                    out = match b {
                        b'"' => {
                            let mut len = 0u32;
                            loop {
                                match y.suspend(Emit::NONE) {
                                    b'"' => break,
                                    b'\\' => {
                                        y.suspend(Emit::NONE);
                                        len += 1;
                                    }
                                    _ => len += 1,
                                }
                            }
                            Emit::one(Token::Str(len))
                        }
                        b'-' | b'0'..=b'9' => {
                            let negative = b == b'-';
                            let mut n: i64 = if negative { 0 } else { (b - b'0') as i64 };
                            let end = loop {
                                let c = y.suspend(Emit::NONE);
                                if c.is_ascii_digit() {
                                    n = n * 10 + (c - b'0') as i64;
                                } else {
                                    break c;
                                }
                            };
                            Emit(Token::Num(if negative { -n } else { n }), punct(end))
                        }
                        b't' | b'f' | b'n' => {
                            let (rest, token): (&'static [u8], Token) = match b {
                                b't' => (b"rue", Token::True),
                                b'f' => (b"alse", Token::False),
                                _ => (b"ull", Token::Null),
                            };
                            let mut ok = true;
                            for &expected in rest {
                                ok &= y.suspend(Emit::NONE) == expected;
                            }
                            Emit::one(if ok { token } else { Token::Error(b) })
                        }
                        _ => Emit::one(punct(b)),
                    };
                }
            },
        ))
    }
}

/// Whole runs of each workload with each peer, shared by the timing bench, the callgrind
/// driver and the result check. W2 and W5 take a number of rounds: the coroutine is built
/// and primed once and fed the input `rounds` times.
pub mod run {
    use super::*;
    use crate::workloads::{primed, w1_sum, w2_send, w3_drive, w4_round_robin, w5_feed};
    use corosensei::stack::DefaultStack;
    use genawaiter::stack::{Gen, Shelf};
    use std::collections::VecDeque;

    /// W1, genawaiter stack.
    pub fn w1_genawaiter_stack(n: u64) -> u64 {
        let mut shelf = Shelf::new();
        // SAFETY: the generator's `Co` stays inside its future, which the generator owns.
        let g = unsafe { Gen::new(&mut shelf, |co| ga_stack::countdown(co, n)) };
        w1_sum(g.into_iter())
    }

    /// W1, genawaiter rc.
    pub fn w1_genawaiter_rc(n: u64) -> u64 {
        w1_sum(genawaiter::rc::Gen::new(|co| ga_rc::countdown(co, n)).into_iter())
    }

    /// W1, corosensei, on a reused stack.
    pub fn w1_corosensei(stack: &mut Option<DefaultStack>, n: u64) -> u64 {
        let mut c = cs::countdown(stack.take().expect("a stack"), n);
        let sum = w1_sum(&mut c);
        *stack = Some(c.0.into_stack());
        sum
    }

    /// W2, genawaiter stack.
    pub fn w2_genawaiter_stack(xs: &[f64], rounds: usize) -> f64 {
        let mut shelf = Shelf::new();
        // SAFETY: as in `w1_genawaiter_stack`.
        let g = unsafe { Gen::new(&mut shelf, ga_stack::averager) };
        let mut c = primed(Peer(g), 0.0);
        (0..rounds).map(|_| w2_send(&mut c, xs)).sum()
    }

    /// W2, genawaiter rc, built and primed.
    pub fn w2_genawaiter_rc_new() -> impl Coroutine<f64, Yield = f64> {
        primed(Peer(genawaiter::rc::Gen::new(ga_rc::averager)), 0.0)
    }

    /// W2, corosensei, built and primed.
    pub fn w2_corosensei_new() -> impl Coroutine<f64, Yield = f64> {
        primed(cs::averager(), 0.0)
    }

    /// W3, genawaiter stack.
    pub fn w3_genawaiter_stack(n: u64) -> u64 {
        let mut shelf = Shelf::new();
        // SAFETY: as in `w1_genawaiter_stack`.
        let g = unsafe { Gen::new(&mut shelf, |co| ga_stack::delegate(co, n)) };
        w3_drive(Peer(g))
    }

    /// W3, genawaiter rc.
    pub fn w3_genawaiter_rc(n: u64) -> u64 {
        w3_drive(Peer(genawaiter::rc::Gen::new(|co| ga_rc::delegate(co, n))))
    }

    /// W3, corosensei, on a reused stack.
    pub fn w3_corosensei(stack: &mut Option<DefaultStack>, n: u64) -> u64 {
        let mut c = cs::delegate(stack.take().expect("a stack"), n);
        let r = w3_drive(&mut c);
        *stack = Some(c.0.into_stack());
        r
    }

    /// W6, genawaiter stack.
    pub fn w6_genawaiter_stack(m: u64) -> u64 {
        let mut shelf = Shelf::new();
        // SAFETY: as in `w1_genawaiter_stack`.
        let g = unsafe { Gen::new(&mut shelf, |co| ga_stack::upto(co, m)) };
        w1_sum(g.into_iter())
    }

    /// W6, genawaiter rc.
    pub fn w6_genawaiter_rc(m: u64) -> u64 {
        w1_sum(genawaiter::rc::Gen::new(|co| ga_rc::upto(co, m)).into_iter())
    }

    /// W6, corosensei, on a reused stack.
    pub fn w6_corosensei(stack: &mut Option<DefaultStack>, m: u64) -> u64 {
        let mut c = cs::upto(stack.take().expect("a stack"), m);
        let sum = w1_sum(&mut c);
        *stack = Some(c.0.into_stack());
        sum
    }

    /// W7, genawaiter stack.
    pub fn w7_genawaiter_stack(n: u64) -> u64 {
        let mut shelf = Shelf::new();
        // SAFETY: as in `w1_genawaiter_stack`.
        let g = unsafe { Gen::new(&mut shelf, |co| ga_stack::delegate_range(co, n)) };
        w3_drive(Peer(g))
    }

    /// W7, genawaiter rc.
    pub fn w7_genawaiter_rc(n: u64) -> u64 {
        w3_drive(Peer(genawaiter::rc::Gen::new(|co| {
            ga_rc::delegate_range(co, n)
        })))
    }

    /// W7, corosensei, on a reused stack.
    pub fn w7_corosensei(stack: &mut Option<DefaultStack>, n: u64) -> u64 {
        let mut c = cs::delegate_range(stack.take().expect("a stack"), n);
        let r = w3_drive(&mut c);
        *stack = Some(c.0.into_stack());
        r
    }

    /// W4, genawaiter stack: the shelves are one allocation, made per run.
    pub fn w4_genawaiter_stack(tasks: u64, yields: u64) -> u64 {
        let mut shelves: Vec<_> = (0..tasks).map(|_| Shelf::new()).collect();
        let mut q: VecDeque<_> = shelves
            .iter_mut()
            .zip(0..)
            .map(|(shelf, id)| {
                // SAFETY: as in `w1_genawaiter_stack`.
                unsafe { Gen::new(shelf, move |co| ga_stack::task(co, id, yields)) }.into_iter()
            })
            .collect();
        w4_round_robin(&mut q, &mut Vec::with_capacity(tasks as usize))
    }

    /// W4, genawaiter rc.
    pub fn w4_genawaiter_rc(tasks: u64, yields: u64) -> u64 {
        let mut q: VecDeque<_> = (0..tasks)
            .map(|id| genawaiter::rc::Gen::new(move |co| ga_rc::task(co, id, yields)).into_iter())
            .collect();
        w4_round_robin(&mut q, &mut Vec::with_capacity(tasks as usize))
    }

    /// W4, corosensei: one stack per task from `pool`, given back when the task finishes.
    pub fn w4_corosensei(pool: &mut Vec<DefaultStack>, tasks: u64, yields: u64) -> u64 {
        let mut q: VecDeque<_> = (0..tasks)
            .map(|id| cs::task(pool.pop().expect("a stack"), id, yields))
            .collect();
        let mut finished = Vec::with_capacity(tasks as usize);
        let sum = w4_round_robin(&mut q, &mut finished);
        pool.extend(finished.into_iter().map(|c| c.0.into_stack()));
        sum
    }

    /// W5, genawaiter stack.
    pub fn w5_genawaiter_stack(doc: &[u8], rounds: usize) -> u64 {
        let mut shelf = Shelf::new();
        // SAFETY: as in `w1_genawaiter_stack`.
        let g = unsafe { Gen::new(&mut shelf, ga_stack::tokenizer) };
        let mut c = primed(Peer(g), 0);
        (0..rounds).fold(0u64, |acc, _| acc.wrapping_add(w5_feed(&mut c, doc)))
    }

    /// W5, genawaiter rc, built and primed.
    pub fn w5_genawaiter_rc_new() -> impl Coroutine<u8, Yield = Emit> {
        primed(Peer(genawaiter::rc::Gen::new(ga_rc::tokenizer)), 0)
    }

    /// W5, corosensei, built and primed.
    pub fn w5_corosensei_new() -> impl Coroutine<u8, Yield = Emit> {
        primed(cs::tokenizer(), 0)
    }
}
