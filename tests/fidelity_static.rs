//! `#[coro::coroutine(static)]`: bodies that borrow their own locals across a yield, each
//! checked against the trace of the same body as a native `static` coroutine
//! (tests/fidelity/static_native.rs, recorded in static.trace): yields, sends, returns and
//! drops, on completion, on drop while suspended, and after a panic.

mod fidelity_common;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::panic::{AssertUnwindSafe, catch_unwind};

use coro::{Coroutine, yield_};
use fidelity_common::{Guard, check, log};

/// `fidelity_common::drive`, but a panic in the body is caught and logged as the native
/// program does.
fn drive<C: Coroutine<i32>>(mut c: C, sends: &[i32])
where
    C::Yield: Debug,
    C::Return: Debug,
{
    for &s in sends {
        match catch_unwind(AssertUnwindSafe(|| c.resume(s))) {
            Ok(state) => {
                log(format!("-> {state:?}"));
                if state.is_complete() {
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

#[coro::coroutine(static)]
fn words() -> impl Coroutine<i32, Yield = String, Return = usize> {
    let _g = Guard("text");
    let text = String::from("the quick  brown fox");
    for word in text.split_whitespace() {
        let got = yield_!(word.to_string());
        log(format!("sent {got}"));
    }
    text.len()
}

#[test]
fn a_for_over_split_whitespace_of_a_local_string() {
    check("static", "words_to_completion", || {
        drive(words(), &[0, 1, 2, 3, 4])
    });
}

#[test]
fn dropped_while_its_local_is_borrowed() {
    check("static", "words_dropped_while_suspended", || {
        drive(words(), &[0, 1])
    });
}

#[coro::coroutine(static)]
fn borrowed_vec() -> impl Coroutine<i32, Yield = &'static str, Return = usize> {
    let v = vec![Guard("a"), Guard("b"), Guard("c")];
    for g in &v {
        yield_!(g.0);
    }
    let total: usize = v.iter().map(|g| g.0.len()).sum();
    total
}

#[test]
fn a_for_over_a_reference_to_a_local_vec() {
    check("static", "for_over_a_borrowed_vec", || {
        drive(borrowed_vec(), &[0, 0, 0, 0, 0])
    });
}

#[coro::coroutine(static)]
fn map_iter_mut() -> impl Coroutine<i32, Yield = (&'static str, i32), Return = String> {
    let mut m = BTreeMap::new();
    m.insert("x", 1);
    m.insert("y", 2);
    for (k, v) in m.iter_mut() {
        let add = yield_!((*k, *v));
        *v += add;
    }
    format!("{m:?}")
}

#[test]
fn iter_mut_over_a_local_map_across_yields() {
    check("static", "map_iter_mut_across_yields", || {
        drive(map_iter_mut(), &[0, 10, 20, 30])
    });
}

#[coro::coroutine(static)]
fn closure_capturing_a_local() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let count = Cell::new(0);
    let _g = Guard("g");
    let bump = || count.set(count.get() + 1);
    bump();
    let n = yield_!(count.get());
    for _ in 0..n {
        bump();
    }
    count.get()
}

#[test]
fn a_non_move_closure_used_after_a_yield() {
    check(
        "static",
        "closure_capturing_a_local_used_after_a_yield",
        || drive(closure_capturing_a_local(), &[0, 3]),
    );
}

#[coro::coroutine(static)]
#[allow(clippy::useless_vec)] // the same body as the native program's
fn panics_with_a_borrow() -> impl Coroutine<i32, Yield = &'static str, Return = usize> {
    let v = vec![Guard("p"), Guard("q")];
    let mut it = v.iter();
    let _outer = Guard("outer");
    yield_!(it.next().unwrap().0);
    let n = yield_!("mid");
    if n == 7 {
        panic!("boom");
    }
    it.count()
}

#[test]
fn a_panic_drops_the_locals_once() {
    check("static", "panic_while_a_borrow_is_held", || {
        drive(panics_with_a_borrow(), &[0, 1, 7])
    });
}

#[coro::coroutine(static)]
fn temporaries_and_shadowing() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let x = Guard("x1");
    let got = yield_!((Guard("temp"), 5).1);
    log(format!("got {got}"));
    {
        let x = Guard("x2");
        yield_!(6);
        log(format!("inner {}", x.0));
    }
    log(format!("outer {}", x.0));
    let y;
    if got > 0 {
        y = Guard("y");
        yield_!(7);
    } else {
        return 0;
    }
    drop(y);
    1
}

#[test]
fn temporaries_shadowing_and_deferred_init_are_rustcs() {
    check("static", "temporaries_and_shadowing", || {
        drive(temporaries_and_shadowing(), &[0, 1, 0, 0, 0])
    });
}
