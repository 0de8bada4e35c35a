//! Native counterparts of tests/fidelity_silent.rs; output recorded in silent.trace.
//! Issue 13 items 1 (`#[cfg]`), 4 (panics poison), 5 (tail `return`), 13 (raw
//! identifiers), 14 (bodies written through `macro_rules!`).
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;

include!("native_common.rs");
/// Panics when dropped (outside an unwind).
struct PanicOnDrop;
impl Drop for PanicOnDrop {
    fn drop(&mut self) {
        log("drop panics");
        panic!("drop");
    }
}
/// The panic's message; rustc's own "resumed after panicking" without the wording around
/// it, which coro words differently (it names the function).
fn message(e: &(dyn std::any::Any + Send)) -> String {
    let m = match (e.downcast_ref::<&str>(), e.downcast_ref::<String>()) {
        (Some(s), _) => s.to_string(),
        (_, Some(s)) => s.clone(),
        _ => "?".into(),
    };
    if m.contains("resumed after panicking") {
        "resumed after panicking".into()
    } else {
        m
    }
}
/// `drive`, catching a panic of each resume: logs `-> panicked: MSG` and goes on.
fn drive_catch<C: Coroutine<i32>>(c: C, sends: &[i32])
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
            Err(e) => log(format!("-> panicked: {}", message(&*e))),
        }
    }
    drop(c);
    log("dropped");
}

/// An iterator that logs each `next`, panics at the `next` that finds `i == panic_at`,
/// and holds a guard named `iter`.
struct Steps {
    i: i32,
    n: i32,
    panic_at: i32,
    _g: Guard,
}
impl Iterator for Steps {
    type Item = i32;
    fn next(&mut self) -> Option<i32> {
        log(format!("next {}", self.i));
        if self.i == self.panic_at {
            panic!("next failed");
        }
        if self.i < self.n {
            self.i += 1;
            Some(self.i)
        } else {
            None
        }
    }
}
fn steps(n: i32, panic_at: i32) -> Steps {
    Steps { i: 0, n, panic_at, _g: Guard("iter") }
}

/// The sub-coroutine of the `yield_from!` cases: yields 1, then panics if `fail`.
fn sub(fail: bool) -> Pin<Box<impl Coroutine<i32, Yield = i32, Return = i32>>> {
    Box::pin(
        #[coroutine]
        static move |_: i32| {
            let _s = Guard("sub");
            yield 1;
            if fail {
                panic!("sub failed");
            }
            7
        },
    )
}

/// A struct with a field that a `#[cfg]` removes.
#[derive(Debug)]
struct Pair {
    a: i32,
    #[cfg(any())]
    b: i32,
    c: i32,
}

/// A hand-written sub-coroutine that yields 1, then panics; logs its own drop.
struct Failing(bool);
impl Coroutine<i32> for Failing {
    type Yield = i32;
    type Return = i32;
    fn resume(mut self: Pin<&mut Self>, _: i32) -> CoroutineState<i32, i32> {
        if self.0 {
            panic!("hand-written sub failed");
        }
        self.0 = true;
        CoroutineState::Yielded(1)
    }
}
impl Drop for Failing {
    fn drop(&mut self) {
        log("drop the sub-coroutine");
    }
}

fn main() {
    std::panic::set_hook(Box::new(|_| {}));

    // ----- item 1: #[cfg] and #[cfg_attr] in a body that yields -------------------------
    case("cfg_statement", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                yield 1;
                #[cfg(any())]
                yield 2;
                yield 3;
                #[cfg(not(any()))]
                yield 4;
            },
            &[0, 0, 0, 0],
        )
    });
    case("cfg_block", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _a = Guard("a");
                #[cfg(not(not(any())))]
                {
                    let _off = Guard("off");
                    yield 10;
                }
                #[cfg(not(any()))]
                {
                    let _on = Guard("on");
                    yield 20;
                }
                yield 30;
            },
            &[0, 0, 0, 0],
        )
    });
    case("cfg_let", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                #[cfg(any())]
                let x = yield 1;
                #[cfg(not(any()))]
                let x = yield 2;
                #[cfg(any())]
                let _g = Guard("off");
                #[cfg(not(any()))]
                let _g = Guard("on");
                log(format!("x = {x}"));
                yield x;
                x
            },
            &[0, 5, 6, 7],
        )
    });
    case("cfg_match_arm", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                for v in 0..3 {
                    match v {
                        #[cfg(any())]
                        0 => {
                            yield 100;
                        }
                        0 => {
                            yield 10;
                        }
                        #[cfg(not(any()))]
                        1 => {
                            let _g = Guard("one");
                            yield 11;
                        }
                        _ => {
                            yield 12;
                        }
                    }
                }
            },
            &[0, 0, 0, 0],
        )
    });
    case("cfg_attr", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                yield 1;
                #[cfg_attr(not(any()), cfg(any()))]
                yield 2;
                #[cfg_attr(any(), cfg(any()))]
                yield 3;
                #[cfg_attr(not(any()), allow(unused_variables))]
                let unused = yield 4;
            },
            &[0, 0, 0, 0],
        )
    });
    case("cfg_in_loop_and_nested_block", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let mut n = 0;
                while n < 2 {
                    {
                        #[cfg(any())]
                        yield -1;
                        n += 1;
                        #[cfg(not(any()))]
                        yield n;
                    }
                    #[cfg(any())]
                    {
                        n = 100;
                    }
                }
                n
            },
            &[0, 0, 0],
        )
    });

    case("cfg_struct_expression_field", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let p = Pair {
                    a: yield 1,
                    #[cfg(any())]
                    b: yield 2,
                    c: yield 3,
                };
                log(format!("{p:?}"));
            },
            &[0, 10, 30, 0],
        )
    });

    // ----- item 4: any panic in the body poisons the coroutine ---------------------------
    case("panic_in_sub_resume", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let _o = Guard("outer");
                let _n = Guard("newer");
                let mut s = sub(true);
                let mut st = s.as_mut().resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                yield r;
                log("unreachable");
            },
            &[0, 0, 0, 0],
        )
    });
    case("panic_in_hand_written_sub", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let _o = Guard("outer");
                let mut s = Failing(false);
                let mut st = Pin::new(&mut s).resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = Pin::new(&mut s).resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                yield r;
            },
            &[0, 0, 0],
        )
    });
    case("panic_in_yield_from_operand", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let _o = Guard("outer");
                yield 0;
                let mut s = {
                    let _t = Guard("temp");
                    if true {
                        panic!("operand failed");
                    }
                    sub(false)
                };
                let mut st = s.as_mut().resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                yield r;
            },
            &[0, 0, 0],
        )
    });
    case("panic_in_yield_operand", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let _o = Guard("outer");
                yield 1;
                let _i = Guard("inner");
                yield {
                    if true {
                        panic!("operand failed");
                    }
                    2
                };
                log("unreachable");
            },
            &[0, 0, 0],
        )
    });
    case("panic_in_drop_after_resume", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let _o = Guard("outer");
                {
                    let _p = PanicOnDrop;
                    yield 1;
                }
                yield 2;
            },
            &[0, 0, 0],
        )
    });
    case("sub_completes_after_yield_from", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let _o = Guard("outer");
                let mut s = sub(false);
                let mut st = s.as_mut().resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                yield r;
            },
            &[0, 0, 0, 0],
        )
    });

    // ----- item 5: `return` as the tail expression after a yield -------------------------
    case("return_tail_value", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("g");
                yield 1;
                return String::from("foo")
            },
            &[0, 0, 0],
        )
    });
    case("return_tail_unit", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("g");
                yield 1;
                return
            },
            &[0, 0, 0],
        )
    });
    case("return_tail_in_branch", || {
        drive(
            #[coroutine]
            static move |x: i32| {
                let y = yield 1;
                if y > x {
                    yield 2;
                }
                return y * 10
            },
            &[1, 5, 0, 0],
        )
    });

    case("return_tail_in_both_branches", || {
        drive(
            #[coroutine]
            static move |x: i32| {
                let _g = Guard("g");
                let y = yield 1;
                if y > x {
                    yield 2;
                    return 1
                } else {
                    let z = yield 3;
                    return z
                }
            },
            &[1, 0, 9, 0],
        )
    });
    case("return_in_match_arms_in_a_loop", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                loop {
                    let _g = Guard("iteration");
                    let v = yield 1;
                    match v {
                        0 => return 10,
                        1 => {
                            yield 5;
                            return 11
                        }
                        _ => {}
                    }
                }
            },
            &[0, 2, 1, 0, 0],
        )
    });

    // ----- item 13: raw identifiers ------------------------------------------------------
    case("raw_identifiers", || {
        let r#type = 5;
        drive(
            #[coroutine]
            static move |_: i32| {
                let r#loop = Guard("loop");
                let r#match = r#type + 1;
                let r#fn = yield r#type;
                yield r#match + r#fn;
                drop(r#loop);
                r#type
            },
            &[0, 10, 0, 0],
        )
    });

    // ----- item 14: bodies and attributes from different macro expansions ----------------
    case("body_through_macro", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("g");
                yield 1;
                let mut s = sub(false);
                let mut st = s.as_mut().resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                let x = r + 1;
                yield x;
                x
            },
            &[0, 0, 0, 0, 0],
        )
    });
    case("yield_in_macro_that_writes_the_function", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("made");
                let a = yield 3;
                let mut s = sub(false);
                let mut st = s.as_mut().resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                a + r
            },
            &[0, 4, 0, 0, 0],
        )
    });
    case("fragment_block", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("block");
                yield 1;
                for v in [2, 3] {
                    yield v;
                }
                yield 4;
            },
            &[0, 0, 0, 0, 0],
        )
    });
    case("fragment_expr_and_stmt", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let mut s = sub(false);
                let mut st = s.as_mut().resume(0);
                let x = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                let a = (yield 7) + 1;
                let b = (yield 7) + 1;
                'outer: loop {
                    if a > 100 {
                        break 'outer;
                    }
                    break;
                }
                a + b + x
            },
            &[0, 5, 10, 20],
        )
    });
    case("fragment_label", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                'l: for i in 0..3 {
                    let _g = Guard("iteration");
                    loop {
                        yield i;
                        if i == 1 {
                            break 'l;
                        }
                        continue 'l;
                    }
                }
            },
            &[0, 0, 0, 0],
        )
    });
    case("macro_declared_local", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("declared by a macro");
                yield 1;
                yield 2;
            },
            &[0, 0, 0],
        )
    });
    case("nested_macros", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                let _g = Guard("nested");
                let total = yield 1;
                let mut s = sub(false);
                let mut st = s.as_mut().resume(0);
                let r = loop {
                    match st {
                        CoroutineState::Yielded(y) => {
                            let sent = yield y;
                            st = s.as_mut().resume(sent);
                        }
                        CoroutineState::Complete(r) => break r,
                    }
                };
                drop(s);
                yield total + r;
                total
            },
            &[0, 2, 0, 0, 0],
        )
    });

    // `for p in e { yield_!(v) }`, which coro resumes in place (the iterator in the state).
    let for_in_place = |n: i32, panic_at: i32| {
        #[coroutine]
        static move |_: i32| {
            let _a = Guard("a");
            for x in steps(n, panic_at) {
                yield x;
            }
            log("after");
            let _b = Guard("b");
            yield -1;
            5
        }
    };
    case("for_in_place_runs_out", || drive_catch(for_in_place(2, 99), &[0, 0, 0, 0, 0, 0]));
    case("for_in_place_dropped_inside", || drive_catch(for_in_place(3, 99), &[0, 0]));
    case("for_in_place_panicking_next", || drive_catch(for_in_place(3, 1), &[0, 0, 0, 0]));
    case("for_in_place_tuple_pattern", || {
        drive_catch(
            #[coroutine]
            static move |_: i32| {
                let v = vec![(1, Guard("p")), (2, Guard("q"))];
                for (i, _g) in v {
                    yield i;
                }
                0
            },
            &[0, 0, 0, 0],
        )
    });
}
