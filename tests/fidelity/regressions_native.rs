//! Native counterparts of tests/fidelity_regressions.rs: shapes the differential tester
//! (fuzz/) found coro getting wrong; output recorded in regressions.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

include!("native_common.rs");
fn opt(x: i32) -> Option<i32> {
    if x < 50 { Some(x) } else { None }
}

fn main() {
    let try_then_binop = || {
        #[coroutine]
        static move |_: i32| {
            let s = yield 0;
            let d = { opt(3)? + 1 };
            log(format!("d {d}"));
            let e = match s {
                0 => 7,
                m => opt(m)? + m,
            };
            log(format!("e {e}"));
            Some(d + e)
        }
    };
    case("try_at_block_tail_then_binop", || drive(try_then_binop(), &[0, 5]));
    case("try_at_block_tail_then_binop_none", || drive(try_then_binop(), &[0, 60]));
    case("try_as_a_labeled_break_value_in_a_cfg_body", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                #[cfg(all())]
                yield 1;
                let mut i = 0;
                let v = 'l: loop {
                    i += 1;
                    if i > 1 {
                        break 'l opt(8)?;
                    }
                };
                let w = opt(3)?;
                yield v + w;
                Some(v)
            },
            &[0, 0, 0],
        )
    });
}
