//! The first fidelity cases: a guard across yields with sends and a return, and a
//! coroutine dropped while suspended. Native traces: tests/fidelity/basics.trace.

mod fidelity_common;

use coro::{Coroutine, yield_};
use fidelity_common::{Guard, check, drive, log};

#[coro::coroutine]
fn guard_sends_and_return() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let _g = Guard("g");
    let a = yield_!(1);
    log(format!("got {a}"));
    let b = yield_!(a + 1);
    log(format!("got {b}"));
    a + b
}

#[test]
fn a_guard_across_yields_with_sends_and_a_return() {
    check("basics", "guard_sends_and_return", || {
        drive(guard_sends_and_return(), [0, 10, 20])
    });
}

#[coro::coroutine]
fn dropped_while_suspended() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _a = Guard("a");
    let _b = Guard("b");
    yield_!(1);
    log("unreachable");
}

#[test]
fn a_suspended_coroutine_drops_its_locals_newest_first() {
    check("basics", "dropped_while_suspended", || {
        drive(dropped_while_suspended(), [0])
    });
}
