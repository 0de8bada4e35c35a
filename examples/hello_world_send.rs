//! `hello_world_send`: a port of `tests/python/hello_world_send.py`; prints exactly `tests/python/hello_world_send.out`.
//!
//! ```python
//! # Seed: 004_a92c39d6340c7ee3.txt ("Python: Generators, Coroutines, Native
//! #       Coroutines and async/await"), section on generator based coroutines
//! #       (the "Hello" / "World" send example).
//! # Completed: the code is missing from the seed (image). Reconstructed from the
//! # text: next() runs up to `yield "Hello"` and returns "Hello"; send("World")
//! # resumes, assigns "World" to hello, and the next yield hands it back as
//! # send()'s return value.
//!
//!
//! def coro():
//!     hello = yield "Hello"
//!     yield hello
//!
//!
//! c = coro()
//! print(next(c))
//! print(c.send("World"))
//! ```

use coro::{Coroutine, yield_};

#[coro::coroutine]
fn coro() -> impl Coroutine<&'static str, Yield = &'static str, Return = ()> {
    let hello = yield_!("Hello");
    yield_!(hello);
}

fn main() {
    let mut c = coro();
    // next(c): run a fresh coroutine to its first yield.
    println!("{}", c.start().and_then(|state| state.yielded()).unwrap());
    // c.send("World"): resumes, assigns "World" to `hello`, and the next yield hands it back.
    println!("{}", c.resume("World").yielded().unwrap());
}
