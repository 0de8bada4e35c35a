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

/// Found by the CI batch of fuzz/: in a body with a `#[cfg]`, a rewritten `?` as the value
/// of a labeled `break` read as a label's `:`.
#[coro::coroutine]
fn try_after_label() -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    #[cfg(not(any()))]
    yield_!(1);
    let mut i = 0;
    let v = 'l: loop {
        i += 1;
        if i > 1 {
            break 'l opt(8)?;
        }
    };
    let w = opt(3)?;
    yield_!(v + w);
    Some(v)
}

#[test]
fn a_question_mark_as_a_labeled_break_value_in_a_cfg_body() {
    check(
        "regressions",
        "try_as_a_labeled_break_value_in_a_cfg_body",
        || drive(try_after_label(), [0, 0, 0]),
    );
}
