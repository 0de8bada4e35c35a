//! Native counterparts of tests/fidelity_basics.rs; output recorded in basics.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

thread_local!(static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new()));
fn log(s: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(s.into()));
}
struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
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
