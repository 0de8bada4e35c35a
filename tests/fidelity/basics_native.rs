//! Native counterparts of tests/fidelity_basics.rs; output recorded in basics.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

include!("native_common.rs");

fn main() {
    case("guard_sends_and_return", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("g");
                let a = yield 1;
                log(format!("got {a}"));
                let b = yield a + 1;
                log(format!("got {b}"));
                a + b
            },
            &[0, 10, 20],
        )
    });
    case("dropped_while_suspended", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _a = Guard("a");
                let _b = Guard("b");
                yield 1;
                log("unreachable");
            },
            &[0],
        )
    });
}
