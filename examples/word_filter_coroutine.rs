//! `word_filter_coroutine`: a port of `tests/python/word_filter_coroutine.py`; prints exactly `tests/python/word_filter_coroutine.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       the pipe example "rewritten with coroutines", with Beazley's
//! #       @coroutine priming decorator.
//! # Completed: the decorator in the seed forgets to prime the generator; it now
//! # calls next(gen) (Beazley's original) before returning it. filter_step and
//! # print_step are decorated with @coroutine (the seed's driving code creates
//! # them without priming). Elided bodies: get_words sends each stripped line to
//! # `step`, filter_step forwards matches to `step`, print_step prints. The final
//! # get_words(f) call is added. Reads examples/data/words.txt instead of
//! # /usr/share/dict/words.
//! import os
//!
//! WORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
//!                      '../../examples/data/words.txt')
//!
//!
//! def coroutine(fn):
//!     def start(*args, **kwargs):
//!         gen = fn(*args, **kwargs)
//!         next(gen)           # prime: advance to the first yield
//!         return gen
//!     return start
//!
//!
//! def get_words(step):
//!     with open(WORDS, 'r') as f:
//!         for line in f:
//!             step.send(line.strip())
//!
//!
//! @coroutine
//! def filter_step(step):
//!     while True:
//!         line = (yield)
//!         if (line[-3:] == 'ion'):
//!             step.send(line)
//!
//!
//! @coroutine
//! def print_step():
//!     while True:
//!         line = (yield)
//!         print(line)
//!
//!
//! p = print_step()
//! f = filter_step(p)
//! get_words(f)
//! ```
//!
//! Beazley's `@coroutine` decorator (create, then prime with `next()`) is
//! `#[coro::coroutine(primed)]`: each call runs the new coroutine to its first `yield_!`
//! before returning it. `line = (yield)` is `let line = yield_!();`, and
//! `step.send(v)` is the same call. Each stage owns the next one.

use std::fs::File;
use std::io::{BufRead, BufReader};

use coro::{Coroutine, CoroutineExt, yield_};

const WORDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/words.txt");

/// A pipeline stage: is sent lines, yields nothing back.
trait Sink: Coroutine<String, Yield = (), Return = ()> {}
impl<C: Coroutine<String, Yield = (), Return = ()>> Sink for C {}

fn get_words(mut step: impl Sink) {
    let f = BufReader::new(File::open(WORDS).expect("examples/data/words.txt"));
    for line in f.lines() {
        step.send(line.expect("read words.txt").trim().to_string());
    }
}

#[coro::coroutine(primed)]
fn filter_step(mut step: impl Sink) -> impl Coroutine<String, Yield = (), Return = ()> {
    loop {
        let line: String = yield_!();
        if line.ends_with("ion") {
            step.send(line);
        }
    }
}

#[coro::coroutine(primed)]
fn print_step() -> impl Coroutine<String, Yield = (), Return = ()> {
    loop {
        let line: String = yield_!();
        println!("{line}");
    }
}

fn main() {
    let p = print_step();
    let f = filter_step(p);
    get_words(f);
}
