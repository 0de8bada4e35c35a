//! The workloads written with `#[coro::coroutine]`, as a user would write them.

use super::{Cursor, Emit, Token, punct};
use coro::{Coroutine, yield_, yield_from};

/// W1: yields `n, n - 1, .., 1`.
#[coro::coroutine]
pub fn countdown(mut n: u64) -> impl Iterator<Item = u64> {
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
}

/// W2: the averager of PEP 342 and Fluent Python: send a value, get the running mean.
#[coro::coroutine]
pub fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let mut total = 0.0;
    let mut count = 0u64;
    let mut mean = 0.0;
    loop {
        let x: f64 = yield_!(mean);
        total += x;
        count += 1;
        mean = total / count as f64;
    }
}

/// W3: yields `base .. base + n`; returns their sum.
#[coro::coroutine]
pub fn sub(base: u64, n: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let mut sum = 0u64;
    let mut i = 0;
    while i < n {
        let v = base.wrapping_add(i);
        sum = sum.wrapping_add(v);
        yield_!(v);
        i += 1;
    }
    sum
}

/// W3: delegates to three sub-generators in turn; each starts where the last returned.
#[coro::coroutine]
pub fn delegate(n: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let a = yield_from!(sub(0, n));
    let b = yield_from!(sub(a, n));
    let c = yield_from!(sub(b, n));
    a ^ b ^ c
}

/// W4: one task of the round robin.
#[coro::coroutine]
pub fn task(id: u64, n: u64) -> impl Iterator<Item = u64> {
    let mut i = 0;
    while i < n {
        yield_!(id ^ i);
        i += 1;
    }
}

/// W5: a JSON tokenizer fed one byte per resume. Each resume yields what that byte
/// completed (see [`Emit`]).
#[coro::coroutine]
pub fn tokenizer() -> impl Coroutine<u8, Yield = Emit, Return = ()> {
    let mut out = Emit::NONE;
    loop {
        let b: u8 = yield_!(out);
        out = match b {
            b'"' => {
                let mut len = 0u32;
                loop {
                    let c: u8 = yield_!(Emit::NONE);
                    match c {
                        b'"' => break,
                        b'\\' => {
                            let _escaped: u8 = yield_!(Emit::NONE);
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
                    let c: u8 = yield_!(Emit::NONE);
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
                    let c: u8 = yield_!(Emit::NONE);
                    ok &= c == expected;
                }
                Emit::one(if ok { token } else { Token::Error(b) })
            }
            _ => Emit::one(punct(b)),
        };
    }
}

/// Size report: a `u64`, a `[u8; 64]` and a `String` alive across two yields.
#[coro::coroutine]
pub fn three_locals(seed: u64) -> impl Iterator<Item = u64> {
    let a = seed.wrapping_mul(3);
    let buf = [seed as u8; 64];
    let s = seed.to_string();
    yield_!(a);
    yield_!(buf[a as usize % 64] as u64 + s.len() as u64);
    yield_!(a + buf[0] as u64 + s.len() as u64);
}

/// W6: `for` over an inclusive range, as users write it: yields `1..=m`.
#[coro::coroutine]
pub fn upto(m: u64) -> impl Iterator<Item = u64> {
    for i in 1..=m {
        yield_!(i);
    }
}

/// W7: W3's sub-generator written with `for` over an inclusive range: yields
/// `base + 1 ..= base + n`; returns their sum.
#[coro::coroutine]
pub fn sub_range(base: u64, n: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let mut sum = 0u64;
    for i in 1..=n {
        let v = base.wrapping_add(i);
        sum = sum.wrapping_add(v);
        yield_!(v);
    }
    sum
}

/// W7: W3's delegation over [`sub_range`].
#[coro::coroutine]
pub fn delegate_range(n: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let a = yield_from!(sub_range(0, n));
    let b = yield_from!(sub_range(a, n));
    let c = yield_from!(sub_range(b, n));
    a ^ b ^ c
}

/// W8: a saved local that is a struct with `bool` and `Option` fields and padding.
#[coro::coroutine]
pub fn walker(n: u64) -> impl Iterator<Item = u64> {
    let mut c = Cursor::START;
    let mut k = 0u64;
    while k < n {
        c.step();
        yield_!(c.code());
        k += 1;
    }
}

/// W9: a `for` over an owned collection: yields the vector's items.
#[coro::coroutine]
pub fn owned(v: Vec<u64>) -> impl Iterator<Item = u64> {
    for x in v {
        yield_!(x);
    }
}
