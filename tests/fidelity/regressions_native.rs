//! Native counterparts of tests/fidelity_regressions.rs: shapes the differential tester
//! (fuzz/) found coro getting wrong; output recorded in regressions.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

thread_local!(static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new()));
fn log(s: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(s.into()));
}
fn drive<C: Coroutine<i32>>(c: C, sends: &[i32])
where
    C::Yield: std::fmt::Debug,
    C::Return: std::fmt::Debug,
{
    let mut c = Box::pin(c);
    for &s in sends {
        let st = c.as_mut().resume(s);
        log(format!("-> {st:?}"));
        if let CoroutineState::Complete(_) = st {
            break;
        }
    }
    drop(c);
    log("dropped");
}
fn case(name: &str, f: impl FnOnce()) {
    println!("case {name}");
    f();
    for l in LOG.with(|l| std::mem::take(&mut *l.borrow_mut())) {
        println!("{l}");
    }
}
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
