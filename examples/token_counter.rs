//! `token_counter`: a port of `tests/python/token_counter.py`; prints exactly `tests/python/token_counter.out`.
//!
//! ```python
//! # Seed: 001_37f29d5ea6b569f9.txt ("Coroutine Basics"), the two
//! #       "token counter" examples (histogram coroutine).
//! # Completed: nothing needed; both examples share counter() and differ only in
//! # the input, so they are run one after the other. Note that the coroutine
//! # yields the same dict object every time (state is a live reference).
//!
//!
//! def counter():  # histogram coroutine
//!     seen = {}  # token -> count
//!     while True:  # process stream
//!         token = yield seen  # expose dict, receive token
//!         seen[token] = seen.get(token, 0) + 1  # increment
//!
//!
//! # Example: Token counter
//! c = counter(); next(c)
//! for t in "a b a c a b".split():
//!     state = c.send(t)
//! print(state)
//!
//! # Stateful coroutine tallies tokens pushed in
//! c = counter(); next(c)  # start
//! for t in "a b a c".split():  # tokens
//!     state = c.send(t)  # push
//! print(state)  # final counts
//! ```
//!
//! The coroutine yields *the same live dict* every time. A coroutine cannot lend out a
//! reference to its own local (`yield_!(&seen)` would be a borrow held across the
//! yield), so the dict is shared: `Rc<RefCell<..>>`, and each yield hands out another
//! `Rc` to the one object, which is what Python's reference semantics do. Python's dict
//! keeps insertion order and prints as `{'a': 3}`; `Dict` is a small list of pairs that
//! does the same.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use coro::{Coroutine, yield_};

/// An insertion-ordered str -> int dict that prints like Python's.
#[derive(Default)]
struct Dict(Vec<(String, u32)>);

impl Dict {
    fn get(&self, key: &str) -> Option<u32> {
        self.0.iter().find(|(k, _)| k == key).map(|&(_, v)| v)
    }

    fn set(&mut self, key: &str, value: u32) {
        match self.0.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key.to_string(), value)),
        }
    }
}

impl fmt::Display for Dict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        for (i, (key, value)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "'{key}': {value}")?;
        }
        f.write_str("}")
    }
}

#[coro::coroutine]
fn counter() -> impl Coroutine<&'static str, Yield = Rc<RefCell<Dict>>, Return = ()> {
    // histogram coroutine
    let seen = Rc::new(RefCell::new(Dict::default())); // token -> count
    loop {
        // process stream
        let token = yield_!(Rc::clone(&seen)); // expose dict, receive token
        let count = seen.borrow().get(token).unwrap_or(0);
        seen.borrow_mut().set(token, count + 1); // increment
    }
}

fn main() {
    // Example: Token counter
    let mut c = counter();
    c.start();
    let mut state = None;
    for t in "a b a c a b".split_whitespace() {
        state = c.resume(t).yielded();
    }
    println!("{}", state.unwrap().borrow());

    // Stateful coroutine tallies tokens pushed in
    let mut c = counter();
    c.start(); // start
    let mut state = None;
    for t in "a b a c".split_whitespace() {
        // tokens
        state = c.resume(t).yielded(); // push
    }
    println!("{}", state.unwrap().borrow()); // final counts
}
