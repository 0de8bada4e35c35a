//! The generator protocol where the macro's output meets the user's code: the `Control`
//! bound the attribute adds (in trait impls too, without a lint), `Debug` through generic
//! parameters with and without a `Debug` bound, and `#[coro::coroutine(primed)]`.
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
