//! Layout checks: a `#[coro::coroutine]` must be no bigger than the state machine a person
//! writes by hand for the same body (benches/workloads/hand.rs), give or take the one tag
//! a plain struct does without. docs/BENCHMARKS.md has the full table, with the peers and
//! rustc's native coroutines (checked in benches/native/tests/sizes.rs).

#[path = "../benches/workloads/mod.rs"]
mod workloads;

use std::mem::{align_of_val, size_of_val};
use workloads::{coro_impl, hand};

/// `coro` may exceed a tagless hand-written struct by one tag, padded to alignment: the
/// enum must also say "not started" and "finished", which the struct encodes in its
/// counters. Anything beyond that is state the generated enum keeps and a person would not.
fn assert_within_one_tag(name: &str, coro: usize, hand: usize, align: usize) {
    assert!(
        coro <= hand + align,
        "{name}: coro is {coro} bytes, hand-written {hand} (+{align} for a tag allowed)"
    );
}

#[test]
fn same_enum_as_hand_written() {
    // The hand-written version is the same enum coro generates: one variant per
    // suspension point holding what is alive there. Nothing may be added.
    let coro = size_of_val(&coro_impl::three_locals(1));
    let hand = size_of_val(&hand::three_locals(1));
    assert!(
        coro <= hand,
        "u64 + [u8; 64] + String across two yields: coro {coro} bytes, hand-written {hand}"
    );
}

#[test]
fn countdown_task_delegate_within_one_tag() {
    let c = coro_impl::countdown(1);
    assert_within_one_tag(
        "W1 countdown",
        size_of_val(&c),
        size_of_val(&hand::countdown(1)),
        align_of_val(&c),
    );
    let t = coro_impl::task(0, 1);
    assert_within_one_tag(
        "W4 task",
        size_of_val(&t),
        size_of_val(&hand::task(0, 1)),
        align_of_val(&t),
    );
    let d = coro_impl::delegate(1);
    assert_within_one_tag(
        "W3 delegate",
        size_of_val(&d),
        size_of_val(&hand::delegate(1)),
        align_of_val(&d),
    );
}

#[test]
fn averager_within_one_tag() {
    // `mean` is overwritten after the resume before anything reads it, so the suspension
    // does not save it: `total`, `count` and the tag, 24 bytes (hand-written 16, which
    // keeps the phase in a counter; rustc's native coroutine 24).
    let a = coro_impl::averager();
    assert_within_one_tag(
        "W2 averager",
        size_of_val(&a),
        size_of_val(&hand::averager()),
        align_of_val(&a),
    );
}

#[test]
fn tokenizer_within_one_tag() {
    // `out` is handed out by `yield_!(out)` and set again after the `match` before anything
    // reads it, so no suspension saves it (72 bytes before that kill): 40 bytes, the same
    // as hand-written's.
    let t = coro_impl::tokenizer();
    assert_within_one_tag(
        "W5 tokenizer",
        size_of_val(&t),
        size_of_val(&hand::tokenizer()),
        align_of_val(&t),
    );
}
