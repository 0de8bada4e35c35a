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
// Deferred initialisation (`let x;` assigned after a suspension): the macro saves the
// uninitialised `x` in the suspend state: error[E0381] "used binding `x` isn't
// initialized" and error[E0384] "cannot assign twice to immutable variable `x`".

#[coro::coroutine]
fn deferred_init_from_a_yield() -> impl Coroutine<i32, Yield = (), Return = i32> {
    let x;
    x = yield_!();
    x * 2
}

#[coro::coroutine]
fn deferred_init_after_a_yield(flag: bool) -> impl Coroutine<Yield = (), Return = &'static str> {
    let label;
    yield_!();
    if flag {
        label = "yes";
    } else {
        label = "no";
    }
    label
}

#[test]
fn deferred_initialisation_across_a_yield() {
    let mut c = deferred_init_from_a_yield();
    assert_eq!(drive(&mut c, [0, 21]), [Yielded(()), Complete(42)]);
    assert_eq!(
        run(deferred_init_after_a_yield(true)),
        [Yielded(()), Complete("yes")]
    );
    assert_eq!(
        run(deferred_init_after_a_yield(false)),
        [Yielded(()), Complete("no")]
    );
}
