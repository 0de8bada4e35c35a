//! Generated code must not trigger lints on user code that plain rustc would not: this
//! file denies every warning, and holds the common shapes of a coroutine body, so a lint
//! that fires on the expansion (such as `unused_braces` on a block the lowering wrapped an
//! `if` condition in) fails the build here.

#![deny(warnings)]

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_, yield_from};

/// An `if` whose condition yields, as a `let` initializer: once warned `unused_braces`
/// with a suggestion that did not compile.
#[coro::coroutine]
fn is_big(n: u32) -> impl Coroutine<u32, Yield = u32, Return = bool> {
    let big = if yield_!(n) > 3 { true } else { false };
    big
}

/// An `else if` chain after a condition that yields, and a `match` on a yield.
#[coro::coroutine]
fn grade() -> impl Coroutine<u32, Yield = (), Return = &'static str> {
    let g = if yield_!() > 90 {
        "a"
    } else if yield_!() > 50 {
        "b"
    } else {
        "c"
    };
    match yield_!() {
        0 => g,
        _ => "z",
    }
}

#[coro::coroutine]
fn classify() -> impl Coroutine<i32, Yield = &'static str, Return = u32> {
    let mut count = 0;
    loop {
        let kind = match yield_!("next") {
            0 => break,
            n if n < 0 => "negative",
            _ => "positive",
        };
        count += 1;
        if kind == "negative" && yield_!(kind) == 0 {
            return count;
        }
    }
    let total = { count * 2 };
    total
}

#[coro::coroutine]
fn numbers(limit: u32) -> impl Iterator<Item = u32> {
    let mut i = 0;
    while i < limit {
        yield_!(i);
        i += 1;
    }
    for j in 0..2 {
        yield_!(if j == 0 { 100 } else { 200 });
    }
    let v = vec![7, 8];
    for x in v {
        yield_!(x);
    }
}

#[coro::coroutine]
fn delegate() -> impl Iterator<Item = u32> {
    yield_from!(numbers(2));
    let doubled = { yield_!(5) };
    let () = doubled;
    yield_from!([9, 10]);
}

type Parsed = Result<u32, std::num::ParseIntError>;

#[coro::coroutine]
fn parse_all() -> impl Coroutine<&'static str, Yield = (), Return = Parsed> {
    let mut sum = 0;
    loop {
        let text = yield_!();
        if text.is_empty() {
            break;
        }
        sum += text.parse::<u32>()?;
    }
    Ok(sum)
}

#[coro::coroutine]
fn labeled() -> impl Coroutine<bool, Yield = u8, Return = u8> {
    let found = 'search: {
        for i in 0..3u8 {
            if yield_!(i) {
                break 'search Some(i);
            }
        }
        None
    };
    let guard = String::from("kept");
    let len = guard.len() as u8;
    yield_!(len);
    found.unwrap_or(0)
        + if let Some(c) = guard.chars().next()
            && c == 'k'
        {
            1
        } else {
            0
        }
}

/// Loops and bindings around a yield: `while` on a sent value, `if let` on one, a
/// reassigned local, a discarded value, `return` of a yield.
#[coro::coroutine]
fn loops() -> impl Coroutine<Option<u32>, Yield = u32, Return = u32> {
    let mut last = 0;
    while let Some(v) = yield_!(last) {
        last = v;
        if let Some(w) = yield_!(v + 1) {
            last += w;
        }
        let _ = yield_!(0);
    }
    'outer: loop {
        match yield_!(last) {
            Some(v) if v > 10 => break 'outer,
            Some(v) => last = v,
            None => return yield_!(1).unwrap_or(0),
        }
    }
    last
}

#[test]
fn shapes_compile_without_warnings_and_run() {
    let mut c = loops();
    assert_eq!(c.resume(None), Yielded(0));
    assert_eq!(c.resume(Some(2)), Yielded(3));
    assert_eq!(c.resume(Some(5)), Yielded(0));
    assert_eq!(c.resume(None), Yielded(7));
    assert_eq!(c.resume(None), Yielded(7));
    assert_eq!(c.resume(Some(3)), Yielded(3));
    assert_eq!(c.resume(None), Yielded(1));
    assert_eq!(c.resume(Some(9)), Complete(9));

    let mut c = is_big(5);
    assert_eq!(c.resume(0), Yielded(5));
    assert_eq!(c.resume(4), Complete(true));

    let mut g = grade();
    assert_eq!(g.resume(0), Yielded(()));
    assert_eq!(g.resume(10), Yielded(()));
    assert_eq!(g.resume(60), Yielded(()));
    assert_eq!(g.resume(0), Complete("b"));

    let mut c = classify();
    assert_eq!(c.resume(0), Yielded("next"));
    assert_eq!(c.resume(-1), Yielded("negative"));
    assert_eq!(c.resume(1), Yielded("next"));
    assert_eq!(c.resume(0), Complete(2));

    assert_eq!(numbers(2).collect::<Vec<_>>(), [0, 1, 100, 200, 7, 8]);
    assert_eq!(
        delegate().collect::<Vec<_>>(),
        [0, 1, 100, 200, 7, 8, 5, 9, 10]
    );

    let mut p = parse_all();
    assert_eq!(p.resume(""), Yielded(()));
    assert_eq!(p.resume("4"), Yielded(()));
    assert_eq!(p.resume("5"), Yielded(()));
    assert_eq!(p.resume(""), Complete(Ok(9)));

    let mut l = labeled();
    assert_eq!(l.resume(false), Yielded(0));
    assert_eq!(l.resume(false), Yielded(1));
    assert_eq!(l.resume(true), Yielded(4));
    assert_eq!(l.resume(false), Complete(2));
}
