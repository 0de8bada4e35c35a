//! The workloads as rustc's native coroutines (`#![feature(coroutines)]`), and the shared
//! coro and hand-written versions (`benches/workloads/`), so the bench and the size test
//! of this crate compare the same code the stable benches run.
//!
//! Each native coroutine's body is the coro body with `yield_!(v)` spelled `yield v`.
//! Native coroutines receive the first resume's argument as the closure parameter; the
//! bodies ignore it, like coro's priming resume.
#![feature(coroutines, coroutine_trait)]

#[path = "../../workloads/mod.rs"]
pub mod workloads;

use std::ops::{Coroutine as NativeCoroutine, CoroutineState as NativeState};
use std::pin::Pin;
use workloads::{Emit, Token, punct};

/// A native coroutine seen as a `coro::Coroutine` (and, for `Send = ()`, an `Iterator`),
/// so it runs through the shared drivers.
pub struct Native<C>(pub C);

impl<C: NativeCoroutine<R> + Unpin, R> coro::Coroutine<R> for Native<C> {
    type Yield = C::Yield;
    type Return = C::Return;
    #[inline]
    fn resume(&mut self, arg: R) -> coro::CoroutineState<C::Yield, C::Return> {
        match Pin::new(&mut self.0).resume(arg) {
            NativeState::Yielded(y) => coro::CoroutineState::Yielded(y),
            NativeState::Complete(r) => coro::CoroutineState::Complete(r),
        }
    }
}

impl<C: NativeCoroutine<Return = ()> + Unpin> Iterator for Native<C> {
    type Item = C::Yield;
    #[inline]
    fn next(&mut self) -> Option<C::Yield> {
        match Pin::new(&mut self.0).resume(()) {
            NativeState::Yielded(y) => Some(y),
            NativeState::Complete(()) => None,
        }
    }
}

/// W1.
pub fn countdown(mut n: u64) -> Native<impl NativeCoroutine<Yield = u64, Return = ()> + Unpin> {
    Native(
        #[coroutine]
        move || {
            while n > 0 {
                yield n;
                n -= 1;
            }
        },
    )
}

/// W2.
pub fn averager() -> Native<impl NativeCoroutine<f64, Yield = f64, Return = ()> + Unpin> {
    Native(
        #[coroutine]
        |_prime: f64| {
            let mut total = 0.0;
            let mut count = 0u64;
            let mut mean = 0.0;
            loop {
                let x: f64 = yield mean;
                total += x;
                count += 1;
                mean = total / count as f64;
            }
        },
    )
}

/// W3.
pub fn sub(base: u64, n: u64) -> impl NativeCoroutine<Yield = u64, Return = u64> + Unpin {
    #[coroutine]
    move || {
        let mut sum = 0u64;
        let mut i = 0;
        while i < n {
            let v = base.wrapping_add(i);
            sum = sum.wrapping_add(v);
            yield v;
            i += 1;
        }
        sum
    }
}

/// `yield from`, spelled out: what `yield_from!` does for coro.
macro_rules! yield_from {
    ($sub:expr) => {{
        let mut sub = $sub;
        loop {
            match Pin::new(&mut sub).resume(()) {
                NativeState::Yielded(v) => yield v,
                NativeState::Complete(r) => break r,
            }
        }
    }};
}

/// W3.
pub fn delegate(n: u64) -> Native<impl NativeCoroutine<Yield = u64, Return = u64> + Unpin> {
    Native(
        #[coroutine]
        move || {
            let a = yield_from!(sub(0, n));
            let b = yield_from!(sub(a, n));
            let c = yield_from!(sub(b, n));
            a ^ b ^ c
        },
    )
}

/// W4.
pub fn task(id: u64, n: u64) -> Native<impl NativeCoroutine<Yield = u64, Return = ()> + Unpin> {
    Native(
        #[coroutine]
        move || {
            let mut i = 0;
            while i < n {
                yield id ^ i;
                i += 1;
            }
        },
    )
}

/// W5.
pub fn tokenizer() -> Native<impl NativeCoroutine<u8, Yield = Emit, Return = ()> + Unpin> {
    Native(
        #[coroutine]
        |_prime: u8| {
            let mut out = Emit::NONE;
            loop {
                let b: u8 = yield out;
                out = match b {
                    b'"' => {
                        let mut len = 0u32;
                        loop {
                            let c: u8 = yield Emit::NONE;
                            match c {
                                b'"' => break,
                                b'\\' => {
                                    let _escaped: u8 = yield Emit::NONE;
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
                            let c: u8 = yield Emit::NONE;
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
                            let c: u8 = yield Emit::NONE;
                            ok &= c == expected;
                        }
                        Emit::one(if ok { token } else { Token::Error(b) })
                    }
                    _ => Emit::one(punct(b)),
                };
            }
        },
    )
}

/// Size report: a `u64`, a `[u8; 64]` and a `String` alive across two yields.
pub fn three_locals(seed: u64) -> Native<impl NativeCoroutine<Yield = u64, Return = ()> + Unpin> {
    Native(
        #[coroutine]
        move || {
            let a = seed.wrapping_mul(3);
            let buf = [seed as u8; 64];
            let s = seed.to_string();
            yield a;
            yield buf[a as usize % 64] as u64 + s.len() as u64;
            yield a + buf[0] as u64 + s.len() as u64;
        },
    )
}
