//! The generator protocol where the macro's output meets the user's code: the `Control`
//! bound the attribute adds (in trait impls too, without a lint), `Debug` through generic
//! parameters with and without a `Debug` bound, `#[coro::coroutine(primed)]`,
//! `try_resume`, `Status::Poisoned`, and `DynCoroutine` trait objects.
//!
//! (`tests/parity.rs` pins each row of docs/PYTHON.md against Python.)
#![deny(warnings)]

use std::fmt::Debug;

use coro::prelude::*;

pub trait Numbers {
    fn numbers(&self) -> impl Iterator<Item = u8>;
}

pub struct UpTo(pub u8);

/// The attribute adds `+ Control` to the impl's return type: a refinement of the trait's
/// signature, which must not warn (this file denies warnings).
impl Numbers for UpTo {
    #[coro::coroutine]
    fn numbers(&self) -> impl Iterator<Item = u8> {
        let mut i = 0;
        while i < self.0 {
            yield_!(i);
            i += 1;
        }
    }
}

#[test]
fn a_trait_impl_method_can_be_a_coroutine() {
    let up = UpTo(3);
    let mut it = up.numbers();
    assert_eq!(it.next(), Some(0));
    assert_eq!(it.collect::<Vec<_>>(), [1, 2]);
}

struct NoDebug;

#[coro::coroutine]
fn generic<T: Debug + Clone, U>(t: T, u: U) -> impl Iterator<Item = T> {
    let keep = NoDebug;
    yield_!(t.clone());
    drop(u);
    yield_!(t);
    drop(keep);
}

/// The line of this file that contains `code`.
fn line_of(code: &str) -> usize {
    let at = include_str!("protocol.rs")
        .lines()
        .position(|l| l.trim() == code);
    at.expect("the code is in this file") + 1
}

#[test]
fn debug_uses_a_generic_parameters_debug_bound_and_a_placeholder_without_one() {
    let mut g = generic(5u8, NoDebug);
    assert_eq!(
        format!("{g:?}"),
        "generic { status: Created, locals: {t: 5, u: <not Debug: protocol::NoDebug>} }"
    );
    g.next();
    let line = line_of("yield_!(t.clone());");
    assert_eq!(
        format!("{g:?}"),
        format!(
            "generic {{ status: Suspended, at: yield_! #0 (line {line}), locals: {{t: 5, \
             u: <not Debug: protocol::NoDebug>, keep: <not Debug: protocol::NoDebug>}} }}"
        )
    );
    g.next();
    // `t` was moved out by the second yield_!, `u` dropped: only `keep` is saved.
    assert_eq!(
        format!("{g:?}"),
        format!(
            "generic {{ status: Suspended, at: yield_! #1 (line {}), locals: {{keep: \
             <not Debug: protocol::NoDebug>}} }}",
            line_of("yield_!(t);")
        )
    );
    assert_eq!(g.next(), None);
    assert_eq!(format!("{g:?}"), "generic { status: Complete }");
}

#[coro::coroutine(primed)]
fn primed_printer(
    log: &mut Vec<String>,
) -> impl Coroutine<&'static str, Yield = usize, Return = ()> + '_ {
    log.push("started".into());
    loop {
        let line = yield_!(log.len());
        log.push(line.into());
    }
}

#[test]
fn primed_coroutines_are_suspended_at_their_first_yield_when_returned() {
    let mut log = Vec::new();
    {
        let mut p = primed_printer(&mut log);
        assert_eq!(p.status(), Status::Suspended);
        assert_eq!(p.send("a"), CoroutineState::Yielded(2));
        // Started already: `start` has nothing to do.
        assert_eq!(p.start(), None);
    }
    assert_eq!(log, ["started", "a"]);
}

#[test]
fn primed_method_is_the_same_on_any_coroutine() {
    let mut log = Vec::new();
    {
        let mut p = primed_printer(&mut log).primed();
        assert_eq!(p.send("b"), CoroutineState::Yielded(2));
    }
    assert_eq!(log, ["started", "b"]);
}

// ----- try_resume, Status::Poisoned, DynCoroutine ----------------------------------------

/// Counts the values it is sent; a negative one panics (after its guard is in scope).
#[coro::coroutine]
fn tally() -> impl Coroutine<i32, Yield = usize, Return = usize> {
    let mut seen = 0;
    loop {
        let n = yield_!(seen);
        assert!(n >= 0, "negative");
        if n == 0 {
            return seen;
        }
        seen += 1;
    }
}

#[test]
fn try_resume_runs_until_finished_then_hands_the_value_back() {
    let mut t = tally();
    // Created: resumed as `resume` would, the first value dropped unread.
    assert_eq!(t.try_resume(99), Ok(CoroutineState::Yielded(0)));
    assert_eq!(t.try_resume(5), Ok(CoroutineState::Yielded(1)));
    assert_eq!(t.try_resume(0), Ok(CoroutineState::Complete(1)));
    assert_eq!(t.status(), Status::Complete);
    assert_eq!(t.try_resume(7), Err(7));
    assert_eq!(t.status(), Status::Complete);
}

#[test]
fn a_panic_poisons_and_a_poisoned_coroutine_runs_no_more() {
    let mut t = tally();
    t.start();
    let unwound = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| t.resume(-1)));
    assert!(unwound.is_err());
    assert_eq!(t.status(), Status::Poisoned);
    assert!(t.status().is_finished());
    assert_eq!(t.try_resume(3), Err(3));
    t.close();
    assert_eq!(
        t.status(),
        Status::Poisoned,
        "close leaves a poisoned coroutine poisoned"
    );
    assert_eq!(format!("{t:?}"), "tally { status: Poisoned }");
    // A coroutine that returned is complete, not poisoned.
    let mut done = tally();
    done.start();
    assert_eq!(done.resume(0), CoroutineState::Complete(0));
    assert_eq!(done.status(), Status::Complete);
}

#[coro::coroutine]
fn doubler() -> impl Coroutine<i32, Yield = usize, Return = usize> {
    let mut last = 0;
    loop {
        let n = yield_!(last);
        if n == 0 {
            return last;
        }
        last = 2 * n as usize;
    }
}

/// A static-flavour coroutine of the same types: both flavours fit one trait object.
#[coro::coroutine(static)]
fn lengths() -> impl Coroutine<i32, Yield = usize, Return = usize> {
    let text = String::from("one three");
    let mut words = text.split(' ');
    loop {
        let n = yield_!(words.next().map_or(0, str::len));
        if n == 0 {
            return text.len();
        }
    }
}

#[test]
fn a_vec_of_boxed_dyn_coroutines_keeps_the_whole_protocol() {
    let mut jobs: Vec<Box<dyn DynCoroutine<i32, Yield = usize, Return = usize>>> =
        vec![Box::new(tally()), Box::new(doubler()), Box::new(lengths())];
    assert!(jobs.iter().all(|j| j.status() == Status::Created));
    let firsts: Vec<_> = jobs.iter_mut().map(|j| j.start()).collect();
    let yielded = |n| Some(CoroutineState::Yielded(n));
    assert_eq!(firsts, [yielded(0), yielded(0), yielded("one".len())]);
    let seconds: Vec<_> = jobs.iter_mut().map(|j| j.send(4)).collect();
    assert_eq!(
        seconds,
        [
            CoroutineState::Yielded(1),
            CoroutineState::Yielded(8),
            CoroutineState::Yielded(5)
        ]
    );
    assert_eq!(jobs[1].resume(0), CoroutineState::Complete(8));
    jobs[2].close();
    assert_eq!(
        jobs.iter().map(|j| j.status()).collect::<Vec<_>>(),
        [Status::Suspended, Status::Complete, Status::Complete]
    );
    assert_eq!(jobs[1].try_resume(1), Err(1));
    assert!(format!("{:?}", jobs[0]).starts_with("tally { status: Suspended"));
    assert_eq!(
        format!("{:?}", jobs[2]),
        "lengths { status: complete, static }"
    );
}

#[coro::coroutine]
fn checked() -> impl Coroutine<Result<u8, String>, Yield = u8, Return = Result<(), String>> {
    loop {
        yield_!(yield_!(0)?);
    }
}

/// No allocation: a `&mut dyn DynCoroutine` also sends, throws and closes.
#[test]
fn a_borrowed_dyn_coroutine_is_thrown_into_and_closed() {
    fn drive(
        c: &mut dyn DynCoroutine<Result<u8, String>, Yield = u8, Return = Result<(), String>>,
    ) -> Vec<String> {
        let mut log = vec![format!("{:?}", c.start())];
        log.push(format!("{:?}", c.send(7)));
        log.push(format!("{:?}", c.throw("bad".to_string())));
        c.close();
        log.push(format!(
            "{:?} {:?}",
            c.status(),
            c.throw("late".to_string())
        ));
        log
    }
    let mut c = checked();
    assert_eq!(
        drive(&mut c),
        [
            "Some(Yielded(0))",
            "Yielded(7)",
            "Ok(Yielded(0))",
            "Complete Err(\"late\")"
        ]
    );
}

/// A recursive generator, its recursive call boxed by `boxed_iter`.
#[coro::coroutine]
fn binary(n: u32) -> impl Iterator<Item = u32> {
    if n > 1 {
        yield_from!(coro::boxed_iter(binary(n / 2)));
    }
    yield_!(n % 2);
}

#[test]
fn boxed_iter_makes_a_recursive_generator() {
    assert_eq!(binary(6).collect::<Vec<_>>(), [1, 1, 0]);
    assert_eq!(binary(1).collect::<Vec<_>>(), [1]);
}

/// Python's `gi_yieldfrom`: the sub-coroutine a suspended `yield_from!` delegates to, for
/// display; `None` elsewhere.
#[test]
fn yield_from_shows_the_sub_coroutine_while_delegating() {
    use coro::{Control, Coroutine, CoroutineState, yield_, yield_from};

    /// Hand-written, without `Debug`: shown by its type's name.
    struct Plain(u32);
    impl Coroutine for Plain {
        type Yield = u32;
        type Return = ();
        fn resume(&mut self, (): ()) -> CoroutineState<u32, ()> {
            if self.0 == 0 {
                return CoroutineState::Complete(());
            }
            self.0 -= 1;
            CoroutineState::Yielded(self.0)
        }
    }

    #[coro::coroutine]
    fn outer() -> impl Coroutine<Yield = u32, Return = ()> {
        yield_from!([7, 8]);
        yield_from!(Plain(1));
        yield_!(100);
    }

    let mut c = outer();
    assert!(c.yield_from().is_none(), "created");
    c.resume(());
    let shown = format!("{:?}", c.yield_from().expect("delegating to the array"));
    assert!(shown.contains("IntoIter"), "{shown}");
    c.resume(());
    c.resume(());
    let shown = format!("{:?}", c.yield_from().expect("delegating to Plain"));
    assert!(shown.contains("Plain"), "{shown}");
    c.resume(());
    assert!(c.yield_from().is_none(), "at yield_!(100)");
    // The static flavour's locals are rustc's: nothing to show.
    #[coro::coroutine(static)]
    fn static_outer() -> impl Coroutine<Yield = u32, Return = ()> {
        yield_from!([1]);
    }
    let mut s = static_outer();
    s.resume(());
    assert!(s.yield_from().is_none());
}
