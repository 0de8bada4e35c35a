//! The workloads as a competent person writes the state machines by hand: the limit coro
//! is measured against. Same protocol as the `coro_impl` versions (same yields, same
//! return values).

use super::{Cursor, Emit, Token, punct};
use coro::{Coroutine, CoroutineState};

/// W1: yields `n, n - 1, .., 1`.
#[derive(Clone, Debug)]
pub struct Countdown {
    n: u64,
}

/// W1.
pub fn countdown(n: u64) -> Countdown {
    Countdown { n }
}

impl Iterator for Countdown {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.n == 0 {
            return None;
        }
        let v = self.n;
        self.n -= 1;
        Some(v)
    }
}

/// W2: the running mean. The mean need not be stored: it is computed per send. Unlike a
/// generated coroutine it needs no priming resume: it has nothing to do before the first
/// value arrives.
#[derive(Clone, Debug)]
pub struct Averager {
    total: f64,
    count: u64,
}

/// W2.
pub fn averager() -> Averager {
    Averager {
        total: 0.0,
        count: 0,
    }
}

impl Coroutine<f64> for Averager {
    type Yield = f64;
    type Return = ();
    #[inline]
    fn resume(&mut self, x: f64) -> CoroutineState<f64, ()> {
        self.total += x;
        self.count += 1;
        CoroutineState::Yielded(self.total / self.count as f64)
    }
}

/// W3: yields `base .. base + n`; returns their sum.
#[derive(Clone, Debug)]
pub struct Sub {
    base: u64,
    n: u64,
    i: u64,
    sum: u64,
}

/// W3.
pub fn sub(base: u64, n: u64) -> Sub {
    Sub {
        base,
        n,
        i: 0,
        sum: 0,
    }
}

impl Coroutine for Sub {
    type Yield = u64;
    type Return = u64;
    #[inline]
    fn resume(&mut self, (): ()) -> CoroutineState<u64, u64> {
        if self.i < self.n {
            let v = self.base.wrapping_add(self.i);
            self.sum = self.sum.wrapping_add(v);
            self.i += 1;
            CoroutineState::Yielded(v)
        } else {
            CoroutineState::Complete(self.sum)
        }
    }
}

/// W3: delegates to three sub-generators in turn; each starts where the last returned.
/// The running sub-generator sits in one place whatever the stage, so the hot path (the
/// sub yields) is one call with no dispatch on the stage.
#[derive(Clone, Debug)]
pub struct Delegate {
    n: u64,
    sub: Sub,
    /// How many subs have returned (3: done).
    stage: u8,
    /// Their return values.
    returned: [u64; 2],
}

/// W3.
pub fn delegate(n: u64) -> Delegate {
    Delegate {
        n,
        sub: sub(0, n),
        stage: 0,
        returned: [0; 2],
    }
}

impl Coroutine for Delegate {
    type Yield = u64;
    type Return = u64;
    #[inline]
    fn resume(&mut self, (): ()) -> CoroutineState<u64, u64> {
        loop {
            let r = match self.sub.resume(()) {
                CoroutineState::Yielded(v) => return CoroutineState::Yielded(v),
                CoroutineState::Complete(r) => r,
            };
            match self.stage {
                0 | 1 => {
                    self.returned[self.stage as usize] = r;
                    self.stage += 1;
                    self.sub = sub(r, self.n);
                }
                2 => {
                    self.stage = 3;
                    return CoroutineState::Complete(self.returned[0] ^ self.returned[1] ^ r);
                }
                _ => panic!("Delegate resumed after completion"),
            }
        }
    }
}

/// W4: one task of the round robin.
#[derive(Clone, Debug)]
pub struct Task {
    id: u64,
    i: u64,
    n: u64,
}

/// W4.
pub fn task(id: u64, n: u64) -> Task {
    Task { id, i: 0, n }
}

impl Iterator for Task {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.i < self.n {
            let v = self.id ^ self.i;
            self.i += 1;
            Some(v)
        } else {
            None
        }
    }
}

/// W5: the JSON tokenizer as an explicit state machine.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    state: Lex,
}

#[derive(Clone, Copy, Debug)]
enum Lex {
    Start,
    Str {
        len: u32,
    },
    Escape {
        len: u32,
    },
    Num {
        negative: bool,
        n: i64,
    },
    Word {
        rest: &'static [u8],
        token: Token,
        first: u8,
        ok: bool,
    },
}

/// W5. Needs no priming resume.
pub fn tokenizer() -> Tokenizer {
    Tokenizer { state: Lex::Start }
}

impl Coroutine<u8> for Tokenizer {
    type Yield = Emit;
    type Return = ();
    #[inline]
    fn resume(&mut self, b: u8) -> CoroutineState<Emit, ()> {
        let (next, out) = match self.state {
            Lex::Start => match b {
                b'"' => (Lex::Str { len: 0 }, Emit::NONE),
                b'-' => (
                    Lex::Num {
                        negative: true,
                        n: 0,
                    },
                    Emit::NONE,
                ),
                b'0'..=b'9' => (
                    Lex::Num {
                        negative: false,
                        n: (b - b'0') as i64,
                    },
                    Emit::NONE,
                ),
                b't' => (word(b"rue", Token::True, b), Emit::NONE),
                b'f' => (word(b"alse", Token::False, b), Emit::NONE),
                b'n' => (word(b"ull", Token::Null, b), Emit::NONE),
                _ => (Lex::Start, Emit::one(punct(b))),
            },
            Lex::Str { len } => match b {
                b'"' => (Lex::Start, Emit::one(Token::Str(len))),
                b'\\' => (Lex::Escape { len }, Emit::NONE),
                _ => (Lex::Str { len: len + 1 }, Emit::NONE),
            },
            Lex::Escape { len } => (Lex::Str { len: len + 1 }, Emit::NONE),
            Lex::Num { negative, n } => {
                if b.is_ascii_digit() {
                    (
                        Lex::Num {
                            negative,
                            n: n * 10 + (b - b'0') as i64,
                        },
                        Emit::NONE,
                    )
                } else {
                    let n = if negative { -n } else { n };
                    (Lex::Start, Emit(Token::Num(n), punct(b)))
                }
            }
            Lex::Word {
                rest,
                token,
                first,
                ok,
            } => {
                let ok = ok && rest[0] == b;
                if rest.len() == 1 {
                    let t = if ok { token } else { Token::Error(first) };
                    (Lex::Start, Emit::one(t))
                } else {
                    (
                        Lex::Word {
                            rest: &rest[1..],
                            token,
                            first,
                            ok,
                        },
                        Emit::NONE,
                    )
                }
            }
        };
        self.state = next;
        CoroutineState::Yielded(out)
    }
}

fn word(rest: &'static [u8], token: Token, first: u8) -> Lex {
    Lex::Word {
        rest,
        token,
        first,
        ok: true,
    }
}

/// Size report: the hand-written counterpart of `coro_impl::three_locals`: one variant
/// per suspension point, holding what is alive there.
#[derive(Debug)]
pub enum ThreeLocals {
    /// Not started.
    Start { seed: u64 },
    /// At the first yield.
    First { a: u64, buf: [u8; 64], s: String },
    /// At the second yield.
    Second { a: u64, buf: [u8; 64], s: String },
    /// At the third yield, or finished: nothing is alive.
    Done,
}

/// Size report.
pub fn three_locals(seed: u64) -> ThreeLocals {
    ThreeLocals::Start { seed }
}

impl Iterator for ThreeLocals {
    type Item = u64;
    fn next(&mut self) -> Option<u64> {
        match std::mem::replace(self, ThreeLocals::Done) {
            ThreeLocals::Start { seed } => {
                let a = seed.wrapping_mul(3);
                let buf = [seed as u8; 64];
                let s = seed.to_string();
                *self = ThreeLocals::First { a, buf, s };
                Some(a)
            }
            ThreeLocals::First { a, buf, s } => {
                let v = buf[a as usize % 64] as u64 + s.len() as u64;
                *self = ThreeLocals::Second { a, buf, s };
                Some(v)
            }
            ThreeLocals::Second { a, buf, s } => Some(a + buf[0] as u64 + s.len() as u64),
            ThreeLocals::Done => None,
        }
    }
}

/// W6: the inclusive range kept in the struct; `next` is the range's.
#[derive(Clone, Debug)]
pub struct Upto {
    it: std::ops::RangeInclusive<u64>,
}

/// W6.
pub fn upto(m: u64) -> Upto {
    Upto { it: 1..=m }
}

impl Iterator for Upto {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        self.it.next()
    }
}

/// W7: W3's `Sub` over an inclusive range.
#[derive(Clone, Debug)]
pub struct SubRange {
    base: u64,
    it: std::ops::RangeInclusive<u64>,
    sum: u64,
}

/// W7.
pub fn sub_range(base: u64, n: u64) -> SubRange {
    SubRange {
        base,
        it: 1..=n,
        sum: 0,
    }
}

impl Coroutine for SubRange {
    type Yield = u64;
    type Return = u64;
    #[inline]
    fn resume(&mut self, (): ()) -> CoroutineState<u64, u64> {
        match self.it.next() {
            Some(i) => {
                let v = self.base.wrapping_add(i);
                self.sum = self.sum.wrapping_add(v);
                CoroutineState::Yielded(v)
            }
            None => CoroutineState::Complete(self.sum),
        }
    }
}

/// W7: [`Delegate`] over [`SubRange`].
#[derive(Clone, Debug)]
pub struct DelegateRange {
    n: u64,
    sub: SubRange,
    /// How many subs have returned (3: done).
    stage: u8,
    /// Their return values.
    returned: [u64; 2],
}

/// W7.
pub fn delegate_range(n: u64) -> DelegateRange {
    DelegateRange {
        n,
        sub: sub_range(0, n),
        stage: 0,
        returned: [0; 2],
    }
}

impl Coroutine for DelegateRange {
    type Yield = u64;
    type Return = u64;
    #[inline]
    fn resume(&mut self, (): ()) -> CoroutineState<u64, u64> {
        loop {
            let r = match self.sub.resume(()) {
                CoroutineState::Yielded(v) => return CoroutineState::Yielded(v),
                CoroutineState::Complete(r) => r,
            };
            match self.stage {
                0 | 1 => {
                    self.returned[self.stage as usize] = r;
                    self.stage += 1;
                    self.sub = sub_range(r, self.n);
                }
                2 => {
                    self.stage = 3;
                    return CoroutineState::Complete(self.returned[0] ^ self.returned[1] ^ r);
                }
                _ => panic!("DelegateRange resumed after completion"),
            }
        }
    }
}

/// W8: the [`Cursor`] kept in the struct.
#[derive(Clone, Debug)]
pub struct Walker {
    c: Cursor,
    k: u64,
    n: u64,
}

/// W8.
pub fn walker(n: u64) -> Walker {
    Walker {
        c: Cursor::START,
        k: 0,
        n,
    }
}

impl Iterator for Walker {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        if self.k < self.n {
            self.c.step();
            self.k += 1;
            Some(self.c.code())
        } else {
            None
        }
    }
}

/// W9: the vector's iterator kept in the struct.
#[derive(Clone, Debug)]
pub struct Owned {
    it: std::vec::IntoIter<u64>,
}

/// W9.
pub fn owned(v: Vec<u64>) -> Owned {
    Owned { it: v.into_iter() }
}

impl Iterator for Owned {
    type Item = u64;
    #[inline]
    fn next(&mut self) -> Option<u64> {
        self.it.next()
    }
}
