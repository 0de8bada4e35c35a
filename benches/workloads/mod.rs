#![allow(dead_code)] // Shared by several bench binaries and tests, each using a part.

//! The five workloads, written once with `#[coro::coroutine]` and once by hand, plus the
//! inputs and the drivers every implementation shares.
//!
//! Included by path from the stable benches (`benches/*.rs`), from `tests/sizes.rs` and
//! from the nightly crate in `benches/native/`, so all of them measure the same code.
//! Each driver is `#[inline(never)]` with the implementation as a type parameter: every
//! implementation gets its own copy of the same loop, and callgrind can name it.

use coro::{Coroutine, CoroutineState};
use std::collections::VecDeque;
use std::hint::black_box;

/// W1: yields `n, n - 1, .., 1`.
pub const W1_N: u64 = 1000;
/// W2: values sent to the averager per iteration.
pub const W2_N: usize = 1000;
/// W3: values each of the three sub-generators yields.
pub const W3_N: u64 = 333;
/// W4: tasks in the round robin.
pub const W4_TASKS: u64 = 1000;
/// W4: yields per task.
pub const W4_YIELDS: u64 = 10_000;
/// W6: the inclusive range's end (`1..=W6_M`).
pub const W6_M: u64 = 1000;
/// W7: values each of the three sub-generators yields.
pub const W7_N: u64 = 333;
/// W8: yields of the walker.
pub const W8_N: u64 = 1000;
/// W9: items of the vector.
pub const W9_N: u64 = 1000;

/// Operations (resumes that yield) per iteration of each workload: what ns/op divides by.
pub const W1_OPS: u64 = W1_N;
/// See [`W1_OPS`].
pub const W2_OPS: u64 = W2_N as u64;
/// See [`W1_OPS`].
pub const W3_OPS: u64 = 3 * W3_N;
/// See [`W1_OPS`].
pub const W4_OPS: u64 = W4_TASKS * W4_YIELDS;
/// See [`W1_OPS`].
pub const W6_OPS: u64 = W6_M;
/// See [`W1_OPS`].
pub const W7_OPS: u64 = 3 * W7_N;
/// See [`W1_OPS`].
pub const W8_OPS: u64 = W8_N;
/// See [`W1_OPS`].
pub const W9_OPS: u64 = W9_N;
/// W5 counts one operation per byte of [`w5_document`].
pub fn w5_ops() -> u64 {
    w5_document().len() as u64
}

// ---------------------------------------------------------------------------------------
// Inputs

/// W2's input: `W2_N` values, deterministic.
pub fn w2_inputs() -> Vec<f64> {
    (0..W2_N)
        .map(|i| ((i * 7919) % 1000) as f64 * 0.5)
        .collect()
}

/// W5's input: a JSON document of about 4 KiB with every kind of token, ending in a
/// newline so a number at the end is terminated and the tokenizer is back at its start
/// state (the document is fed again and again to one long-lived tokenizer).
pub fn w5_document() -> Vec<u8> {
    let mut s = String::from("[\n");
    for i in 0..48 {
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            r#"  {{"id": {i}, "name": "item \"{i}\"", "score": -{}, "tags": ["a", "bc", "def"], "ok": {}, "next": null}}"#,
            i * 37 + 5,
            if i % 3 == 0 { "true" } else { "false" },
        ));
    }
    s.push_str("\n]\n");
    s.into_bytes()
}

// ---------------------------------------------------------------------------------------
// W5's token type: what the tokenizer yields per byte.

/// A JSON token. `Str` carries the decoded length, `Num` the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// No token completed at this byte.
    None,
    /// `{`
    LBrace,
    /// `}`
    RBrace,
    /// `[`
    LBracket,
    /// `]`
    RBracket,
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// A string, by its decoded length.
    Str(u32),
    /// An integer.
    Num(i64),
    /// `true`
    True,
    /// `false`
    False,
    /// `null`
    Null,
    /// A byte that cannot start or continue a token here.
    Error(u8),
}

impl Token {
    /// A number folding the token into a checksum.
    #[inline]
    pub fn code(self) -> u64 {
        match self {
            Token::None => 0,
            Token::LBrace => 1,
            Token::RBrace => 2,
            Token::LBracket => 3,
            Token::RBracket => 4,
            Token::Colon => 5,
            Token::Comma => 6,
            Token::Str(n) => 7 + ((n as u64) << 8),
            Token::Num(n) => 8 + ((n as u64) << 8),
            Token::True => 9,
            Token::False => 10,
            Token::Null => 11,
            Token::Error(b) => 12 + ((b as u64) << 8),
        }
    }
}

/// What one byte produces: at most two tokens, because the byte that ends a number is
/// itself a token (`1,` completes `Num(1)` and `Comma`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Emit(pub Token, pub Token);

impl Emit {
    /// Nothing completed.
    pub const NONE: Emit = Emit(Token::None, Token::None);
    /// One token.
    #[inline]
    pub fn one(t: Token) -> Emit {
        Emit(t, Token::None)
    }
}

/// The token of a byte that stands alone: punctuation, or `None` for whitespace.
#[inline]
pub fn punct(b: u8) -> Token {
    match b {
        b'{' => Token::LBrace,
        b'}' => Token::RBrace,
        b'[' => Token::LBracket,
        b']' => Token::RBracket,
        b':' => Token::Colon,
        b',' => Token::Comma,
        b' ' | b'\n' | b'\r' | b'\t' => Token::None,
        _ => Token::Error(b),
    }
}

// ---------------------------------------------------------------------------------------
// W8's saved local: a struct with a `bool`, an `Option` and padding.

/// A position that walks round `0..1000` by `step`, remembering whether it wrapped an odd
/// number of times and the low bits of where it was last: a `u32`, a `u16`, a `bool` and
/// an `Option<u16>`, 11 bytes of fields in 12.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// Where it is.
    pub pos: u32,
    /// How far one step goes.
    pub step: u16,
    /// Wrapped an odd number of times.
    pub wrapped: bool,
    /// The low 16 bits of the position before the last step, if it stepped.
    pub last: Option<u16>,
}

impl Cursor {
    /// At 0, stepping by 7, never stepped.
    pub const START: Cursor = Cursor {
        pos: 0,
        step: 7,
        wrapped: false,
        last: None,
    };

    /// One step.
    #[inline]
    pub fn step(&mut self) {
        self.last = Some(self.pos as u16);
        self.pos += self.step as u32;
        if self.pos >= 1000 {
            self.pos -= 1000;
            self.wrapped = !self.wrapped;
        }
    }

    /// A number folding the cursor into a checksum.
    #[inline]
    pub fn code(&self) -> u64 {
        let last = match self.last {
            Some(l) => l as u64 + 1,
            None => 0,
        };
        ((self.pos as u64) << 20) ^ ((self.wrapped as u64) << 19) ^ last
    }
}

/// W9's input: `W9_N` values, deterministic.
pub fn w9_input() -> Vec<u64> {
    (0..W9_N).map(|i| i.wrapping_mul(0x9e37_79b9)).collect()
}

// ---------------------------------------------------------------------------------------
// Drivers: one loop per workload, generic over the implementation.

/// Runs a coroutine to its first suspension (the priming resume that generated
/// coroutines, genawaiter and Python need), dropping `arg`.
pub fn primed<C: Coroutine<S>, S>(mut c: C, arg: S) -> C {
    c.resume(arg);
    c
}

/// W1: sums an iterator, observing every item.
#[inline(never)]
pub fn w1_sum<I: Iterator<Item = u64>>(it: I) -> u64 {
    let mut sum = 0u64;
    for x in it {
        sum = sum.wrapping_add(black_box(x));
    }
    sum
}

/// W2: sends every input, summing the means yielded back.
#[inline(never)]
pub fn w2_send<C: Coroutine<f64, Yield = f64>>(c: &mut C, xs: &[f64]) -> f64 {
    let mut acc = 0.0;
    for &x in xs {
        match c.resume(x) {
            CoroutineState::Yielded(mean) => acc += mean,
            CoroutineState::Complete(_) => unreachable!("the averager never returns"),
        }
    }
    acc
}

/// W3: runs the delegating coroutine to completion; folds its yields and return value.
#[inline(never)]
pub fn w3_drive<C: Coroutine<Yield = u64, Return = u64>>(mut c: C) -> u64 {
    let mut sum = 0u64;
    loop {
        match c.resume(()) {
            CoroutineState::Yielded(v) => sum = sum.wrapping_add(black_box(v)),
            CoroutineState::Complete(r) => return sum ^ r,
        }
    }
}

/// W4: round robin (Beazley's scheduler): take the first task, run it to its next yield,
/// put it at the back unless it finished. Finished tasks go to `finished` (so corosensei
/// can take its stacks back).
#[inline(never)]
pub fn w4_round_robin<T: Iterator<Item = u64>>(
    tasks: &mut VecDeque<T>,
    finished: &mut Vec<T>,
) -> u64 {
    let mut sum = 0u64;
    while let Some(mut task) = tasks.pop_front() {
        match task.next() {
            Some(v) => {
                sum = sum.wrapping_add(black_box(v));
                tasks.push_back(task);
            }
            None => finished.push(task),
        }
    }
    sum
}

/// W4 with the hand-written tasks.
pub fn w4_hand(tasks: u64, yields: u64) -> u64 {
    let mut q: VecDeque<_> = (0..tasks).map(|id| hand::task(id, yields)).collect();
    w4_round_robin(&mut q, &mut Vec::with_capacity(tasks as usize))
}

/// W4 with the coro tasks.
pub fn w4_coro(tasks: u64, yields: u64) -> u64 {
    let mut q: VecDeque<_> = (0..tasks).map(|id| coro_impl::task(id, yields)).collect();
    w4_round_robin(&mut q, &mut Vec::with_capacity(tasks as usize))
}

/// W4 with the static-flavour coro tasks.
pub fn w4_static(tasks: u64, yields: u64) -> u64 {
    let mut q: VecDeque<_> = (0..tasks).map(|id| static_impl::task(id, yields)).collect();
    w4_round_robin(&mut q, &mut Vec::with_capacity(tasks as usize))
}

/// W5: feeds the document one byte at a time; folds the tokens into a checksum.
#[inline(never)]
pub fn w5_feed<C: Coroutine<u8, Yield = Emit>>(c: &mut C, doc: &[u8]) -> u64 {
    let mut sum = 0u64;
    for &b in doc {
        match c.resume(b) {
            CoroutineState::Yielded(Emit(a, b)) => {
                sum = sum
                    .wrapping_mul(31)
                    .wrapping_add(a.code() ^ (b.code() << 1));
            }
            CoroutineState::Complete(_) => unreachable!("the tokenizer never returns"),
        }
    }
    sum
}

// ---------------------------------------------------------------------------------------

pub mod coro_impl;
pub mod hand;
pub mod static_impl;
