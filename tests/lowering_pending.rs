//! Tests that do not compile (or compile with warnings) because of bugs in the
//! `#[coro::coroutine]` lowering. The whole file is switched off with `cfg(any())` so the
//! rest of the suite builds; remove that line once the macro is fixed, and every test here
//! should compile and pass as written. Each test says what the macro does today.
#![cfg(any())]

mod lowering_common;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};
use lowering_common::{Log, drive, run};

// ---------------------------------------------------------------------------------------
// Shadowing in an inner block or loop body while the outer binding is used after it: the
// macro rejects the function with "`x` is still used after a suspension point, but a
// later `let x` in the same stretch of code hides it there; give one of them another
// name" (plus a second error, "the trait bound `!: Coroutine` is not satisfied", from the
// `unreachable!()` fallback body).

#[coro::coroutine]
fn shadow_in_inner_block(log: Log) -> impl Coroutine<Yield = i32, Return = i32> {
    let x = 5;
    {
        let x = "inner";
        yield_!(x.len() as i32);
        log.push(format!("inner x={x}"));
        let x = 100;
        yield_!(x);
    }
    // The outer `x` is visible again.
    yield_!(x);
    let x = x + 1;
    x
}

#[test]
fn shadowing_in_an_inner_block_restores_the_outer_binding() {
    let log = Log::new();
    assert_eq!(
        run(shadow_in_inner_block(log.clone())),
        [Yielded(5), Yielded(100), Yielded(5), Complete(6)]
    );
    assert_eq!(log.take(), events!["inner x=inner"]);
}

#[coro::coroutine]
fn shadow_in_loop() -> impl Iterator<Item = String> {
    let s = String::from("a");
    for i in 0..3 {
        let s = format!("{s}{i}");
        yield_!(s.clone());
        let s = s.to_uppercase();
        yield_!(s);
    }
    yield_!(s);
}

#[test]
fn shadowing_inside_a_loop_body_does_not_leak_out() {
    assert_eq!(
        shadow_in_loop().collect::<Vec<_>>(),
        ["a0", "A0", "a1", "A1", "a2", "A2", "a"]
    );
}
