//! Shapes the differential tester (fuzz/, fuzz/reduced/) found coro getting wrong, each
//! checked against the trace of the same body as a native coroutine
//! (tests/fidelity/regressions_native.rs, recorded in regressions.trace).

mod fidelity_common;

use coro::{Coroutine, yield_};
use fidelity_common::{check, drive, log};

fn opt(x: i32) -> Option<i32> {
    if x < 50 { Some(x) } else { None }
}

/// fuzz/reduced/try_at_block_tail_then_binop.rs: `x? + 1` as a block's tail and as a match
/// arm did not parse once `?` was rewritten.
#[coro::coroutine]
fn try_then_binop() -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    let s = yield_!(0);
    let d = { opt(3)? + 1 };
    log(format!("d {d}"));
    let e = match s {
        0 => 7,
        m => opt(m)? + m,
    };
    log(format!("e {e}"));
    Some(d + e)
}

#[test]
fn a_question_mark_leading_a_binary_operation() {
    check("regressions", "try_at_block_tail_then_binop", || {
        drive(try_then_binop(), [0, 5])
    });
    check("regressions", "try_at_block_tail_then_binop_none", || {
        drive(try_then_binop(), [0, 60])
    });
}
