//! Generators and coroutines in a `#![no_std]` crate, with `coro`'s default features off:
//! no std and no allocator. `.ci/run` builds and tests it on its own (see Cargo.toml),
//! without and with the `alloc` feature.
//!
//! Nothing here allocates: each coroutine is a plain value on the caller's stack, and a
//! coroutine whose type is not known is driven through `&mut dyn DynCoroutine`.
#![no_std]

#[cfg(feature = "alloc")]
extern crate alloc;

use coro::prelude::*;

/// The Fibonacci numbers below `limit`.
#[coro::coroutine]
pub fn fibonacci(limit: u64) -> impl Iterator<Item = u64> {
    let (mut a, mut b) = (0u64, 1u64);
    while a < limit {
        yield_!(a);
        (a, b) = (b, a + b);
    }
}

/// Delegates to a generator and to a range: `yield_from!` needs no allocation either.
#[coro::coroutine]
pub fn fibonacci_then_countdown(limit: u64) -> impl Iterator<Item = u64> {
    yield_from!(fibonacci(limit));
    yield_from!((1..=3).rev());
}

/// A sensor filter: sent readings, yields the running maximum; a thrown error ends it
/// with the maximum so far, or the error if nothing was read.
#[coro::coroutine]
pub fn running_max()
-> impl Coroutine<Result<i32, Fault>, Yield = Option<i32>, Return = Result<i32, Fault>> {
    let mut max: Option<i32> = None;
    loop {
        match yield_!(max) {
            Ok(reading) => max = Some(max.map_or(reading, |m| m.max(reading))),
            Err(fault) => return max.ok_or(fault),
        }
    }
}

/// An error a sensor driver throws into [`running_max`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fault(pub u8);

/// The sum of the Fibonacci numbers below `limit`, by iterating the generator.
pub fn sum_of_fibonacci(limit: u64) -> u64 {
    fibonacci(limit).sum()
}

/// Feeds `readings` to a coroutine through a trait object, as a driver that knows only the
/// protocol would, then throws `fault` into it; returns its last yield and its end.
pub fn feed(
    filter: &mut dyn DynCoroutine<Result<i32, Fault>, Yield = Option<i32>, Return = Result<i32, Fault>>,
    readings: &[i32],
    fault: Fault,
) -> (Option<i32>, Result<i32, Fault>) {
    let mut last = match filter.start() {
        Some(CoroutineState::Yielded(y)) => y,
        _ => None,
    };
    for &r in readings {
        if let Ok(CoroutineState::Yielded(y)) = filter.try_resume(Ok(r)) {
            last = y;
        }
    }
    let end = match filter.throw(fault) {
        Ok(CoroutineState::Complete(end)) => end,
        Ok(CoroutineState::Yielded(_)) => unreachable!("a fault ends the filter"),
        Err(fault) => Err(fault),
    };
    (last, end)
}

/// With an allocator: coroutines of different types in one `Vec`, and a static coroutine
/// that borrows its own local across a yield.
#[cfg(feature = "alloc")]
pub mod with_alloc {
    use alloc::boxed::Box;
    use alloc::vec::Vec;

    use coro::prelude::*;

    /// The words of a text, each yielded as a borrow of the text the coroutine owns.
    #[coro::coroutine(static)]
    pub fn word_lengths(text: &'static str) -> impl Iterator<Item = usize> {
        let owned: Vec<u8> = text.bytes().collect();
        for word in owned.split(|&b| b == b' ') {
            yield_!(word.len());
        }
    }

    /// `n, n-1, .., 1`.
    #[coro::coroutine]
    pub fn countdown(mut n: u64) -> impl Coroutine<Yield = u64, Return = ()> {
        while n > 0 {
            yield_!(n);
            n -= 1;
        }
    }

    /// The squares below `limit`, after delegating to the Fibonacci generator.
    #[coro::coroutine]
    pub fn fibonacci_then_squares(limit: u64) -> impl Coroutine<Yield = u64, Return = ()> {
        yield_from!(super::fibonacci(limit));
        yield_from!((1..).map(|i| i * i).take_while(move |&s| s < limit));
    }

    /// Two coroutines of different types behind one boxed type, interleaved round-robin.
    pub fn round_robin(limit: u64) -> Vec<u64> {
        let mut tasks: Vec<Box<dyn DynCoroutine<Yield = u64, Return = ()>>> = Vec::new();
        tasks.push(Box::new(countdown(3)));
        tasks.push(Box::new(fibonacci_then_squares(limit)));
        let mut out = Vec::new();
        while !tasks.is_empty() {
            tasks.retain_mut(|t| match t.resume(()) {
                CoroutineState::Yielded(v) => {
                    out.push(v);
                    true
                }
                CoroutineState::Complete(()) => false,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_iterate_without_std() {
        let mut buf = [0u64; 16];
        let mut n = 0;
        for v in fibonacci(20) {
            buf[n] = v;
            n += 1;
        }
        assert_eq!(&buf[..n], &[0, 1, 1, 2, 3, 5, 8, 13]);
        assert_eq!(sum_of_fibonacci(20), 33);
    }

    #[test]
    fn yield_from_delegates_without_std() {
        let mut it = fibonacci_then_countdown(3);
        let mut buf = [0u64; 8];
        let mut n = 0;
        for v in it.by_ref() {
            buf[n] = v;
            n += 1;
        }
        assert_eq!(&buf[..n], &[0, 1, 1, 2, 3, 2, 1]);
        assert_eq!(it.status(), Status::Complete);
    }

    #[test]
    fn coroutines_send_throw_and_close_through_a_trait_object() {
        let mut filter = running_max();
        assert_eq!(
            feed(&mut filter, &[3, -1, 7, 2], Fault(1)),
            (Some(7), Ok(7))
        );
        // Finished: try_resume hands the reading back.
        assert_eq!(filter.try_resume(Ok(9)), Err(Ok(9)));
        let mut empty = running_max();
        assert_eq!(feed(&mut empty, &[], Fault(2)), (None, Err(Fault(2))));
        let mut closed = running_max();
        closed.start();
        closed.close();
        assert_eq!(closed.status(), Status::Complete);
        assert_eq!(closed.throw(Fault(3)), Err(Fault(3)));
    }

    #[cfg(feature = "alloc")]
    #[test]
    fn boxed_coroutines_and_the_static_flavour_with_alloc_only() {
        use alloc::vec::Vec;
        assert_eq!(
            with_alloc::word_lengths("no std here").collect::<Vec<_>>(),
            [2, 3, 4]
        );
        assert_eq!(with_alloc::round_robin(5), [3, 0, 2, 1, 1, 1, 2, 3, 1, 4]);
    }
}
