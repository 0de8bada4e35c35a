//! `yield_from_delegation`: a port of `tests/python/yield_from_delegation.py`; prints exactly `tests/python/yield_from_delegation.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       sections "Delegating to subgenerators: yield from" and "Async / Await"
//! #       (generator_async awaiting generator2()/generator3()).
//! # Completed: the seed gives the generators without driving code; each
//! # version of generator() is collected into a list and printed. The seed's
//! # generator_async() cannot await plain generators (TypeError); as the seed's
//! # text says, they must be generator-based coroutines, so part 3 decorates
//! # copies of generator2/generator3 with @types.coroutine and drives the native
//! # coroutine by hand with send(None), collecting what it yields: await
//! # delegates exactly like yield from.
//! import types
//!
//!
//! def generator2():
//!     for i in range(10):
//!         yield i
//!
//!
//! def generator3():
//!     for j in range(10, 20):
//!         yield j
//!
//!
//! # explicit loops
//! def generator():
//!     for i in generator2():
//!         yield i
//!     for j in generator3():
//!         yield j
//!
//!
//! print(list(generator()))
//!
//!
//! # the same with yield from
//! def generator():
//!     yield from generator2()
//!     yield from generator3()
//!
//!
//! print(list(generator()))
//!
//!
//! # await on generator-based coroutines behaves like yield from
//! coro_generator2 = types.coroutine(generator2)
//! coro_generator3 = types.coroutine(generator3)
//!
//!
//! async def generator_async():
//!     await coro_generator2()
//!     await coro_generator3()
//!
//!
//! coro = generator_async()
//! values = []
//! try:
//!     while True:
//!         values.append(coro.send(None))
//! except StopIteration:
//!     pass
//! print(values)
//! ```
//!
//! Part 3: Rust has no second kind of coroutine to `await`; `await` on a generator-based
//! coroutine *is* `yield from`, so `generator_async` is a [`Coroutine`] delegating with
//! `yield_from!`, driven by hand with `resume(())` until it completes, as Python drives it
//! with `send(None)` until `StopIteration`. `types.coroutine(generator2)` becomes a
//! wrapper that presents the generator as a [`Coroutine`]: a generated generator's
//! declared type is `impl Iterator`, which hides that it is also a `Coroutine`.

use coro::{Coroutine, CoroutineState, yield_, yield_from};

#[coro::coroutine]
fn generator2() -> impl Iterator<Item = i32> {
    for i in 0..10 {
        yield_!(i);
    }
}

#[coro::coroutine]
fn generator3() -> impl Iterator<Item = i32> {
    for j in 10..20 {
        yield_!(j);
    }
}

mod explicit_loops {
    use super::{generator2, generator3};
    use coro::yield_;

    #[coro::coroutine]
    pub fn generator() -> impl Iterator<Item = i32> {
        for i in generator2() {
            yield_!(i);
        }
        for j in generator3() {
            yield_!(j);
        }
    }
}

mod with_yield_from {
    use super::{generator2, generator3};
    use coro::yield_from;

    // the same with yield_from!
    #[coro::coroutine]
    pub fn generator() -> impl Iterator<Item = i32> {
        yield_from!(generator2());
        yield_from!(generator3());
    }
}

// `types.coroutine(generator2)`: the same generator, seen as a coroutine.
#[coro::coroutine]
fn coro_generator2() -> impl Coroutine<Yield = i32, Return = ()> {
    yield_from!(generator2())
}

#[coro::coroutine]
fn coro_generator3() -> impl Coroutine<Yield = i32, Return = ()> {
    yield_from!(generator3())
}

// `async def generator_async(): await coro_generator2(); await coro_generator3()`
#[coro::coroutine]
fn generator_async() -> impl Coroutine<Yield = i32, Return = ()> {
    yield_from!(coro_generator2());
    yield_from!(coro_generator3());
}

fn main() {
    println!("{:?}", explicit_loops::generator().collect::<Vec<_>>());

    println!("{:?}", with_yield_from::generator().collect::<Vec<_>>());

    let mut coro = generator_async();
    let mut values = Vec::new();
    while let CoroutineState::Yielded(value) = coro.resume(()) {
        values.push(value);
    }
    println!("{values:?}");
}
