//! Native counterparts of tests/fidelity_static.rs (`#[coro::coroutine(static)]`); output
//! recorded in static.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::ops::{Coroutine, CoroutineState};
use std::panic::{AssertUnwindSafe, catch_unwind};
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
        match catch_unwind(AssertUnwindSafe(|| c.as_mut().resume(s))) {
            Ok(st) => {
                log(format!("-> {st:?}"));
                if let CoroutineState::Complete(_) = st {
                    break;
                }
            }
            Err(_) => {
                log("-> panicked");
                break;
            }
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
    std::panic::set_hook(Box::new(|_| {}));
    let words = || {
        #[coroutine]
        static move |_: i32| {
            let _g = Guard("text");
            let text = String::from("the quick  brown fox");
            for word in text.split_whitespace() {
                let got = yield word.to_string();
                log(format!("sent {got}"));
            }
            text.len()
        }
    };
    case("words_to_completion", || drive(words(), &[0, 1, 2, 3, 4]));
    case("words_dropped_while_suspended", || drive(words(), &[0, 1]));
    case("for_over_a_borrowed_vec", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let v = vec![Guard("a"), Guard("b"), Guard("c")];
                for g in &v {
                    yield g.0;
                }
                let total: usize = v.iter().map(|g| g.0.len()).sum();
                total
            },
            &[0, 0, 0, 0, 0],
        )
    });
    case("map_iter_mut_across_yields", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let mut m = BTreeMap::new();
                m.insert("x", 1);
                m.insert("y", 2);
                for (k, v) in m.iter_mut() {
                    let add = yield (*k, *v);
                    *v += add;
                }
                format!("{m:?}")
            },
            &[0, 10, 20, 30],
        )
    });
    case("closure_capturing_a_local_used_after_a_yield", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let count = Cell::new(0);
                let _g = Guard("g");
                let bump = || count.set(count.get() + 1);
                bump();
                let n = yield count.get();
                for _ in 0..n {
                    bump();
                }
                count.get()
            },
            &[0, 3],
        )
    });
    case("panic_while_a_borrow_is_held", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let v = vec![Guard("p"), Guard("q")];
                let mut it = v.iter();
                let _outer = Guard("outer");
                yield it.next().unwrap().0;
                let n = yield "mid";
                if n == 7 {
                    panic!("boom");
                }
                it.count()
            },
            &[0, 1, 7],
        )
    });
    case("temporaries_and_shadowing", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let x = Guard("x1");
                let got = yield (Guard("temp"), 5).1;
                log(format!("got {got}"));
                {
                    let x = Guard("x2");
                    yield 6;
                    log(format!("inner {}", x.0));
                }
                log(format!("outer {}", x.0));
                let y;
                if got > 0 {
                    y = Guard("y");
                    yield 7;
                } else {
                    return 0;
                }
                drop(y);
                1
            },
            &[0, 1, 0, 0, 0],
        )
    });
}
