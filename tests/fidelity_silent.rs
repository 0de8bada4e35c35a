//! Issue 13's silent differences, each against rustc's native coroutines
//! (tests/fidelity/silent_native.rs, recorded in tests/fidelity/silent.trace):
//! `#[cfg]`/`#[cfg_attr]` in a body that yields, panics poisoning the coroutine (a
//! `yield_from!` included), a tail `return` after a yield, raw identifiers, and bodies
//! written through `macro_rules!`.

mod fidelity_common;

use coro::{Control, Coroutine, CoroutineState, Status, yield_, yield_from};
use fidelity_common::{Guard, check, drive, log};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Panics when dropped (outside an unwind).
struct PanicOnDrop;
impl Drop for PanicOnDrop {
    fn drop(&mut self) {
        log("drop panics");
        panic!("drop");
    }
}

/// The panic's message, with "resumed after panicking" stripped of the wording around it
/// (rustc's and coro's differ: coro names the function).
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

/// `drive`, catching a panic of each resume: logs `-> panicked: MSG` and goes on. After
/// a panic the coroutine must be complete.
fn drive_catch<C: Coroutine<i32> + Control>(mut c: C, sends: impl IntoIterator<Item = i32>)
where
    C::Yield: std::fmt::Debug,
    C::Return: std::fmt::Debug,
{
    for s in sends {
        match catch_unwind(AssertUnwindSafe(|| c.resume(s))) {
            Ok(st) => {
                log(format!("-> {st:?}"));
                if st.is_complete() {
                    break;
                }
            }
            Err(e) => {
                assert_eq!(c.status(), Status::Poisoned, "a panic left it resumable");
                log(format!("-> panicked: {}", message(&*e)));
            }
        }
    }
    drop(c);
    log("dropped");
}

// ----- item 1: #[cfg] and #[cfg_attr] in a body that yields ------------------------------

#[coro::coroutine]
fn cfg_statement() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    yield_!(1);
    #[cfg(any())]
    yield_!(2);
    yield_!(3);
    #[cfg(not(any()))]
    yield_!(4);
}

#[test]
fn a_cfg_on_a_yield_statement_is_honoured() {
    check("silent", "cfg_statement", || {
        drive(cfg_statement(), [0, 0, 0, 0])
    });
}

#[coro::coroutine]
fn cfg_block() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _a = Guard("a");
    #[cfg(not(not(any())))]
    {
        let _off = Guard("off");
        yield_!(10);
    }
    #[cfg(not(any()))]
    {
        let _on = Guard("on");
        yield_!(20);
    }
    yield_!(30);
}

#[test]
fn a_cfg_on_a_block_that_yields_is_honoured() {
    check("silent", "cfg_block", || drive(cfg_block(), [0, 0, 0, 0]));
}

#[coro::coroutine]
fn cfg_let() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[cfg(any())]
    let x = yield_!(1);
    #[cfg(not(any()))]
    let x = yield_!(2);
    #[cfg(any())]
    let _g = Guard("off");
    #[cfg(not(any()))]
    let _g = Guard("on");
    log(format!("x = {x}"));
    yield_!(x);
    x
}

#[test]
fn a_cfg_on_a_let_that_yields_is_honoured() {
    check("silent", "cfg_let", || drive(cfg_let(), [0, 5, 6, 7]));
}

#[coro::coroutine]
fn cfg_match_arm() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    for v in 0..3 {
        match v {
            #[cfg(any())]
            0 => {
                yield_!(100);
            }
            0 => {
                yield_!(10);
            }
            #[cfg(not(any()))]
            1 => {
                let _g = Guard("one");
                yield_!(11);
            }
            _ => {
                yield_!(12);
            }
        }
    }
}

#[test]
fn a_cfg_on_a_match_arm_that_yields_is_honoured() {
    check("silent", "cfg_match_arm", || {
        drive(cfg_match_arm(), [0, 0, 0, 0])
    });
}

#[coro::coroutine]
fn cfg_attr() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    yield_!(1);
    #[cfg_attr(not(any()), cfg(any()))]
    yield_!(2);
    #[cfg_attr(any(), cfg(any()))]
    yield_!(3);
    #[cfg_attr(not(any()), allow(unused_variables))]
    let unused = yield_!(4);
}

#[test]
fn a_cfg_attr_in_a_body_that_yields_is_honoured() {
    check("silent", "cfg_attr", || drive(cfg_attr(), [0, 0, 0, 0]));
}

#[coro::coroutine]
fn cfg_in_loop_and_nested_block() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut n = 0;
    while n < 2 {
        {
            #[cfg(any())]
            yield_!(-1);
            n += 1;
            #[cfg(not(any()))]
            yield_!(n);
        }
        #[cfg(any())]
        {
            n = 100;
        }
    }
    n
}

#[test]
fn a_cfg_in_a_loop_and_a_nested_block_is_honoured() {
    check("silent", "cfg_in_loop_and_nested_block", || {
        drive(cfg_in_loop_and_nested_block(), [0, 0, 0])
    });
}

/// A struct with a field that a `#[cfg]` removes.
#[derive(Debug)]
#[allow(dead_code, reason = "the fields are read through Debug")]
struct Pair {
    a: i32,
    #[cfg(any())]
    b: i32,
    c: i32,
}

#[coro::coroutine]
fn cfg_struct_expression_field() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let p = Pair {
        a: yield_!(1),
        #[cfg(any())]
        b: yield_!(2),
        c: yield_!(3),
    };
    log(format!("{p:?}"));
}

#[test]
fn a_cfg_on_a_field_of_a_struct_expression_that_yields_is_honoured() {
    check("silent", "cfg_struct_expression_field", || {
        drive(cfg_struct_expression_field(), [0, 10, 30, 0])
    });
}

/// The issue's own case: a block that yields under `not(debug_assertions)` must not run in
/// a debug build (and must in a release one).
#[test]
fn a_cfg_on_debug_assertions_follows_the_build() {
    #[coro::coroutine]
    fn build() -> impl Iterator<Item = &'static str> {
        #[cfg(debug_assertions)]
        yield_!("debug");
        #[cfg(not(debug_assertions))]
        {
            yield_!("release");
        }
    }
    let want = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    assert_eq!(build().collect::<Vec<_>>(), [want]);
}

/// The body is handed back to the attribute through a `macro_rules!` defined in the
/// function (see coro-macros/src/cfg.rs): it must still see `self`, pattern arguments,
/// `mut` arguments, a `#[cfg]` on an argument, and a `macro_rules!` of its own whose `$`s
/// are escaped on the way.
#[test]
fn a_method_with_cfg_sees_self_pattern_arguments_and_its_own_macros() {
    struct S(i32);
    trait Numbers {
        fn numbers(&self, pair: (i32, i32), r: i32) -> impl Iterator<Item = i32> + '_;
    }
    impl Numbers for S {
        #[coro::coroutine]
        fn numbers(&self, (p, q): (i32, i32), mut r: i32) -> impl Iterator<Item = i32> + '_ {
            #[cfg(not(any()))]
            yield_!(self.0 + p);
            r += 1;
            #[cfg(any())]
            yield_!(100);
            macro_rules! doubled {
                ($($e:expr),*) => { ($($e * 2),*) };
            }
            let (u, v) = doubled!(q, r);
            yield_!(u + v);
        }
    }
    impl S {
        #[coro::coroutine]
        fn counted<F: Fn(i32) -> i32 + 'static>(
            &self,
            f: F,
            #[cfg(any())] missing: i32,
            #[cfg(not(any()))] step: i32,
        ) -> impl Iterator<Item = i32> + '_ {
            let mut i = 0;
            while i < 3 {
                #[cfg(any())]
                yield_!(missing);
                yield_!(f(self.0 + i));
                i += step;
            }
        }
    }
    assert_eq!(S(10).numbers((1, 2), 3).collect::<Vec<_>>(), [11, 12]);
    // `Debug` names a pattern argument by its pattern, as without the detour.
    let shown = format!("{:?}", S(10).numbers((1, 2), 3));
    assert!(shown.contains("(p, q): (1, 2)"), "{shown}");
    assert_eq!(S(5).counted(|x| x * 10, 2).collect::<Vec<_>>(), [50, 70]);
}

/// `#[coro::coroutine(primed)]` keeps its argument through the trampoline.
#[test]
fn a_primed_coroutine_with_cfg_runs_to_its_first_yield() {
    #[coro::coroutine(primed)]
    fn primed() -> impl Coroutine<i32, Yield = i32, Return = ()> {
        log("started");
        #[cfg(any())]
        log("off");
        let x = yield_!(0);
        yield_!(x);
    }
    fidelity_common::take();
    let mut c = primed();
    assert_eq!(fidelity_common::take(), ["started"]);
    assert_eq!(c.resume(5), CoroutineState::Yielded(5));
}

// ----- item 5: `return` as the tail expression after a yield -----------------------------

#[coro::coroutine]
fn return_tail_value() -> impl Coroutine<i32, Yield = i32, Return = String> {
    let _g = Guard("g");
    yield_!(1);
    return String::from("foo");
}

#[test]
fn a_tail_return_after_a_yield_returns_its_value() {
    check("silent", "return_tail_value", || {
        drive(return_tail_value(), [0, 0, 0])
    });
}

#[coro::coroutine]
fn return_tail_unit() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _g = Guard("g");
    yield_!(1);
    return;
}

#[test]
fn a_bare_tail_return_after_a_yield_returns() {
    check("silent", "return_tail_unit", || {
        drive(return_tail_unit(), [0, 0, 0])
    });
}

#[coro::coroutine]
fn return_tail_in_branch(x: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let y = yield_!(1);
    if y > x {
        yield_!(2);
    }
    return y * 10;
}

#[test]
fn a_tail_return_after_a_branch_that_yields() {
    check("silent", "return_tail_in_branch", || {
        drive(return_tail_in_branch(1), [1, 5, 0, 0])
    });
}

#[rustfmt::skip] // rustfmt would end the tail `return`s with `;`: the case is without
#[coro::coroutine]
fn return_tail_in_both_branches(x: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let _g = Guard("g");
    let y = yield_!(1);
    if y > x {
        yield_!(2);
        return 1
    } else {
        let z = yield_!(3);
        return z
    }
}

#[test]
fn a_tail_return_in_each_branch_of_the_tail_if() {
    check("silent", "return_tail_in_both_branches", || {
        drive(return_tail_in_both_branches(1), [1, 0, 9, 0])
    });
}

#[rustfmt::skip] // rustfmt would end the tail `return`s with `;`: the case is without
#[coro::coroutine]
fn return_in_match_arms_in_a_loop() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    loop {
        let _g = Guard("iteration");
        let v = yield_!(1);
        match v {
            0 => return 10,
            1 => {
                yield_!(5);
                return 11
            }
            _ => {}
        }
    }
}

#[test]
fn a_tail_return_in_a_match_arm_after_a_yield() {
    check("silent", "return_in_match_arms_in_a_loop", || {
        drive(return_in_match_arms_in_a_loop(), [0, 2, 1, 0, 0])
    });
}

// ----- item 13: raw identifiers --------------------------------------------------------

#[coro::coroutine]
fn raw_identifiers(r#type: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let r#loop = Guard("loop");
    let r#match = r#type + 1;
    let r#fn = yield_!(r#type);
    yield_!(r#match + r#fn);
    drop(r#loop);
    r#type
}

#[test]
fn raw_identifiers_as_parameters_and_locals_across_yields() {
    check("silent", "raw_identifiers", || {
        drive(raw_identifiers(5), [0, 10, 0, 0])
    });
}

#[test]
fn debug_shows_a_raw_identifier_by_its_name() {
    let mut c = raw_identifiers(5);
    c.resume(0);
    let shown = format!("{c:?}");
    assert!(
        shown.contains("type: 5") && shown.contains("match: 6"),
        "{shown}"
    );
}

// ----- item 4: any panic in the body poisons the coroutine -------------------------------

/// The sub-coroutine of the `yield_from!` cases: yields 1, then panics if `fail`.
#[coro::coroutine]
fn sub(fail: bool) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let _s = Guard("sub");
    yield_!(1);
    if fail {
        panic!("sub failed");
    }
    7
}

#[coro::coroutine]
fn panic_in_sub_resume() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _o = Guard("outer");
    let _n = Guard("newer");
    let r = yield_from!(sub(true));
    yield_!(r);
    log("unreachable");
}

/// The sub-coroutine is resumed in place, inside the outer state (the `yield_from!` fast
/// path): its panic must still leave the outer coroutine poisoned, its locals dropped.
#[test]
fn a_panic_in_a_yield_from_sub_coroutine_poisons_the_outer_one() {
    check("silent", "panic_in_sub_resume", || {
        drive_catch(panic_in_sub_resume(), [0, 0, 0, 0])
    });
}

/// A hand-written sub-coroutine that yields 1, then panics; logs its own drop.
struct Failing(bool);
impl Coroutine<i32> for Failing {
    type Yield = i32;
    type Return = i32;
    fn resume(&mut self, _: i32) -> CoroutineState<i32, i32> {
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

#[coro::coroutine]
fn panic_in_hand_written_sub() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _o = Guard("outer");
    let r = yield_from!(Failing(false));
    yield_!(r);
}

/// The sub-coroutine itself is dropped by the unwind, before the outer locals (it is the
/// newest), as in rustc's frame.
#[test]
fn a_panicking_sub_coroutine_is_dropped_before_the_outer_locals() {
    check("silent", "panic_in_hand_written_sub", || {
        drive_catch(panic_in_hand_written_sub(), [0, 0, 0])
    });
}

#[coro::coroutine]
fn panic_in_yield_from_operand() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _o = Guard("outer");
    yield_!(0);
    let r = yield_from!({
        let _t = Guard("temp");
        if true {
            panic!("operand failed");
        }
        sub(false)
    });
    yield_!(r);
}

#[test]
fn a_panic_in_a_yield_from_operand_poisons() {
    check("silent", "panic_in_yield_from_operand", || {
        drive_catch(panic_in_yield_from_operand(), [0, 0, 0])
    });
}

#[coro::coroutine]
fn panic_in_yield_operand() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _o = Guard("outer");
    yield_!(1);
    let _i = Guard("inner");
    yield_!({
        if true {
            panic!("operand failed");
        }
        2
    });
    log("unreachable");
}

#[test]
fn a_panic_in_a_yield_operand_poisons() {
    check("silent", "panic_in_yield_operand", || {
        drive_catch(panic_in_yield_operand(), [0, 0, 0])
    });
}

#[coro::coroutine]
fn panic_in_drop_after_resume() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _o = Guard("outer");
    {
        let _p = PanicOnDrop;
        yield_!(1);
    }
    yield_!(2);
}

#[test]
fn a_panic_in_the_drop_of_a_saved_local_poisons() {
    check("silent", "panic_in_drop_after_resume", || {
        drive_catch(panic_in_drop_after_resume(), [0, 0, 0])
    });
}

#[coro::coroutine]
fn sub_completes_after_yield_from() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _o = Guard("outer");
    let r = yield_from!(sub(false));
    yield_!(r);
}

/// The guard that poisons on a panic does nothing when nothing panics.
#[test]
fn a_yield_from_that_completes_is_not_poisoned() {
    check("silent", "sub_completes_after_yield_from", || {
        drive_catch(sub_completes_after_yield_from(), [0, 0, 0, 0])
    });
}

/// After a panic in a sub-coroutine, `resume` panics, saying why, and an iterator's
/// `next` returns `None` (it is fused).
#[test]
fn after_a_panic_in_a_sub_coroutine_resume_panics_and_next_is_none() {
    #[coro::coroutine]
    fn inner() -> impl Iterator<Item = u32> {
        yield_!(1);
        panic!("boom");
    }
    #[coro::coroutine]
    fn outer() -> impl Coroutine<Yield = u32, Return = ()> {
        yield_from!(inner());
        yield_!(99);
    }
    #[coro::coroutine]
    fn outer_iter() -> impl Iterator<Item = u32> {
        yield_from!(inner());
        yield_!(99);
    }
    let mut o = outer();
    assert_eq!(o.resume(()), CoroutineState::Yielded(1));
    assert!(catch_unwind(AssertUnwindSafe(|| o.resume(()))).is_err());
    assert_eq!(o.status(), Status::Poisoned);
    let e = catch_unwind(AssertUnwindSafe(|| o.resume(()))).unwrap_err();
    assert_eq!(
        e.downcast_ref::<String>().map(String::as_str),
        Some("coroutine `outer` resumed after panicking")
    );
    let mut it = outer_iter();
    assert_eq!(it.next(), Some(1));
    assert!(catch_unwind(AssertUnwindSafe(|| it.next())).is_err());
    assert_eq!((it.status(), it.next()), (Status::Poisoned, None));
}

/// Resuming a coroutine that returned panics, and leaves it returned, not poisoned (as
/// rustc's do).
#[test]
fn resuming_a_returned_coroutine_does_not_poison_it() {
    #[coro::coroutine]
    fn once() -> impl Coroutine<Yield = u8, Return = ()> {
        yield_!(1);
    }
    let mut c = once();
    assert_eq!(c.resume(()), CoroutineState::Yielded(1));
    assert_eq!(c.resume(()), CoroutineState::Complete(()));
    for _ in 0..2 {
        let e = catch_unwind(AssertUnwindSafe(|| c.resume(()))).unwrap_err();
        assert_eq!(
            e.downcast_ref::<String>().map(String::as_str),
            Some("coroutine `once` resumed after completion")
        );
        assert_eq!(c.status(), Status::Complete);
    }
}

// ----- item 14: bodies and attributes from different macro expansions -------------------

/// The attribute comes from this macro's expansion, the body from the caller's tokens.
macro_rules! coroutine_with_body {
    ($name:ident -> $ret:ty { $($body:tt)* }) => {
        #[coro::coroutine]
        fn $name() -> $ret { $($body)* }
    };
}

coroutine_with_body!(body_through_macro -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let _g = Guard("g");
    #[cfg(any())]
    let _g = Guard("off");
    yield_!(1);
    let r = yield_from!(sub(false));
    let x = r + 1;
    yield_!(x);
    x
});

#[test]
fn a_body_passed_through_a_macro_can_use_yield_from() {
    check("silent", "body_through_macro", || {
        drive(body_through_macro(), [0, 0, 0, 0, 0])
    });
}

/// `yield_!`, `yield_from!` and the locals are the macro's own tokens; only the name
/// comes from the caller. (With a `#[cfg]`, so the body also takes the detour through the
/// derive, here and in `body_through_macro`.)
macro_rules! make_coroutine {
    ($name:ident, $guard:literal) => {
        #[coro::coroutine]
        fn $name() -> impl Coroutine<i32, Yield = i32, Return = i32> {
            let _g = Guard($guard);
            #[cfg(any())]
            yield_!(1000);
            let a = yield_!(3);
            let r = yield_from!(sub(false));
            a + r
        }
    };
}

make_coroutine!(made_by_macro, "made");

#[test]
fn yields_written_in_the_macro_that_writes_the_function() {
    check("silent", "yield_in_macro_that_writes_the_function", || {
        drive(made_by_macro(), [0, 4, 0, 0, 0])
    });
}

/// Three expansions: the outer macro's attribute and `yield_!`s, the inner macro's
/// expression, and the caller's `yield_from!` operand, each with its own hygiene. (A
/// `yield_!` cannot come from a macro that expands in the body: the attribute lowers the
/// body before it expands, tests/ui/yield-in-macro-expanding-in-body.rs.)
macro_rules! outer_macro {
    ($name:ident, $sub:expr) => {
        #[coro::coroutine]
        fn $name() -> impl Coroutine<i32, Yield = i32, Return = i32> {
            let _g = inner_macro!("nested");
            let total = yield_!(1);
            let r = yield_from!($sub);
            yield_!(total + r);
            total
        }
    };
}
macro_rules! inner_macro {
    ($name:literal) => {
        Guard($name)
    };
}

outer_macro!(nested_macros, sub(false));

#[test]
fn nested_macros_with_yields_in_each() {
    check("silent", "nested_macros", || {
        drive(nested_macros(), [0, 2, 0, 0, 0])
    });
}

/// Fragments arrive in invisible groups: a `$body:block` as the function's body, a
/// `$s:stmt` that is a `let`, an `$e:expr` with a yield, a `$l:lifetime` as a label.
macro_rules! with_block {
    ($name:ident, $body:block) => {
        #[coro::coroutine]
        fn $name() -> impl Coroutine<Yield = i32, Return = ()> $body
    };
}

with_block!(fragment_block, {
    let _g = Guard("block");
    yield_!(1);
    yield_from!([2, 3]);
    yield_!(4);
});

#[test]
fn a_block_fragment_as_the_body() {
    check("silent", "fragment_block", || {
        drive(fragment_block(), [(); 5])
    });
}

macro_rules! with_fragments {
    ($name:ident, $x:ident, $e:expr, $s:stmt, $l:lifetime) => {
        #[coro::coroutine]
        fn $name() -> impl Coroutine<i32, Yield = i32, Return = i32> {
            $s;
            let a = $e;
            let b = $e;
            $l: loop {
                if a > 100 {
                    break $l;
                }
                break;
            }
            a + b + $x
        }
    };
}

with_fragments!(fragment_expr_and_stmt, x, yield_!(7) + 1, let x = yield_from!(sub(false)), 'outer);

#[test]
fn expression_statement_and_label_fragments() {
    check("silent", "fragment_expr_and_stmt", || {
        drive(fragment_expr_and_stmt(), [0, 5, 10, 20])
    });
}

macro_rules! with_label {
    ($name:ident, $l:lifetime) => {
        #[coro::coroutine]
        fn $name() -> impl Coroutine<i32, Yield = i32, Return = ()> {
            $l: for i in 0..3 {
                let _g = Guard("iteration");
                loop {
                    yield_!(i);
                    if i == 1 {
                        break $l;
                    }
                    continue $l;
                }
            }
        }
    };
}

with_label!(fragment_label, 'l);

#[test]
fn a_label_fragment_on_a_loop_that_yields() {
    check("silent", "fragment_label", || {
        drive(fragment_label(), [0, 0, 0, 0])
    });
}

/// A `let` that a macro called in the body expands to is invisible to the default
/// flavour, which lowers the body before the macro expands: when a yield follows it in its
/// block, that is an error pointing to the static flavour
/// (`tests/ui/macro-declared-local-before-a-yield.rs`), where the local lives to the end
/// of its scope as in Rust.
#[coro::coroutine(static)]
fn macro_declared_local() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    macro_rules! declare_guard {
        ($name:ident) => {
            let $name = Guard("declared by a macro");
        };
    }
    declare_guard!(_g);
    yield_!(1);
    yield_!(2);
}

#[test]
fn a_local_declared_by_a_macro_lives_to_the_end_of_its_scope() {
    check("silent", "macro_declared_local", || {
        drive(macro_declared_local(), [0, 0, 0])
    });
}

// ----- `for p in e { yield_!(v) }`, resumed in place -----------------------------------------

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
    Steps {
        i: 0,
        n,
        panic_at,
        _g: Guard("iter"),
    }
}

/// The loop's only statement yields, so coro advances the iterator where it lies in the
/// state: the runs out, drop and panic orders must still be rustc's.
#[coro::coroutine]
fn for_in_place(n: i32, panic_at: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let _a = Guard("a");
    for x in steps(n, panic_at) {
        yield_!(x);
    }
    log("after");
    let _b = Guard("b");
    yield_!(-1);
    5
}

#[test]
fn a_for_resumed_in_place_runs_out_then_goes_on() {
    check("silent", "for_in_place_runs_out", || {
        drive_catch(for_in_place(2, 99), [0; 6])
    });
}

#[test]
fn a_for_resumed_in_place_dropped_inside_drops_the_iterator_first() {
    check("silent", "for_in_place_dropped_inside", || {
        drive_catch(for_in_place(3, 99), [0, 0])
    });
}

#[test]
fn a_panic_in_next_of_a_for_resumed_in_place_poisons() {
    check("silent", "for_in_place_panicking_next", || {
        drive_catch(for_in_place(3, 1), [0; 4])
    });
}

#[coro::coroutine]
fn for_in_place_tuple_pattern() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let v = vec![(1, Guard("p")), (2, Guard("q"))];
    for (i, _g) in v {
        yield_!(i);
    }
    0
}

#[test]
fn a_for_resumed_in_place_with_a_pattern_drops_its_bindings_in_order() {
    check("silent", "for_in_place_tuple_pattern", || {
        drive_catch(for_in_place_tuple_pattern(), [0; 4])
    });
}
