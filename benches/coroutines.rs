//! coro against hand-written state machines and the stable peers, every workload in one
//! process so each ratio comes from one run. `benches/run.sh` turns the output into the
//! table of docs/BENCHMARKS.md.
//!
//! Harness: divan. It runs every benchmark of the binary in one process, groups them by
//! workload in its output (so the implementations of a workload sit side by side), takes
//! per-group sample counts and time limits as attributes, and builds in a fraction of
//! criterion's time (no plotting, serde or rayon), which counts on a 2-core machine.
//!
//! Timed: building the coroutine and running it (W1, W3, W4); W2 and W5 feed one
//! long-lived, primed coroutine, so they time only the sends. corosensei's stacks are
//! allocated once and reused (see `workloads/peers.rs`).

#[path = "workloads/peers.rs"]
mod peers;
#[path = "workloads/mod.rs"]
mod workloads;

use divan::{Bencher, black_box};
use peers::run::*;
use workloads::*;

fn main() {
    check_same_results();
    // Read by benches/table.py to turn time per iteration into time per resume.
    println!(
        "ops per iteration: w1_countdown={W1_OPS} w2_averager={W2_OPS} w3_delegation={W3_OPS} \
         w4_round_robin={W4_OPS} w5_tokenizer={} w6_upto={W6_OPS} \
         w7_delegation_range={W7_OPS} w8_walker={W8_OPS} w9_owned={W9_OPS}",
        w5_ops()
    );
    divan::main();
}

/// Every implementation computes the same thing: checked once per run, on the benches'
/// own inputs, before anything is timed.
fn check_same_results() {
    let w1 = [
        w1_sum(hand::countdown(W1_N)),
        w1_sum(coro_impl::countdown(W1_N)),
        w1_sum(static_impl::countdown(W1_N)),
        w1_genawaiter_stack(W1_N),
        w1_genawaiter_rc(W1_N),
        w1_corosensei(&mut Some(peers::stack()), W1_N),
    ];
    assert!(w1.iter().all(|&x| x == w1[0]), "W1 differs: {w1:?}");

    let xs = w2_inputs();
    let w2 = [
        w2_send(&mut hand::averager(), &xs),
        w2_send(&mut primed(coro_impl::averager(), 0.0), &xs),
        w2_send(&mut primed(static_impl::averager(), 0.0), &xs),
        w2_genawaiter_stack(&xs, 1),
        w2_send(&mut w2_genawaiter_rc_new(), &xs),
        w2_send(&mut w2_corosensei_new(), &xs),
    ];
    assert!(w2.iter().all(|&x| x == w2[0]), "W2 differs: {w2:?}");

    let w3 = [
        w3_drive(hand::delegate(W3_N)),
        w3_drive(coro_impl::delegate(W3_N)),
        w3_drive(static_impl::delegate(W3_N)),
        w3_genawaiter_stack(W3_N),
        w3_genawaiter_rc(W3_N),
        w3_corosensei(&mut Some(peers::stack()), W3_N),
    ];
    assert!(w3.iter().all(|&x| x == w3[0]), "W3 differs: {w3:?}");

    let (tasks, yields) = (50, 200);
    let mut pool = (0..tasks).map(|_| peers::stack()).collect();
    let w4 = [
        w4_hand(tasks, yields),
        w4_coro(tasks, yields),
        w4_static(tasks, yields),
        w4_genawaiter_stack(tasks, yields),
        w4_genawaiter_rc(tasks, yields),
        w4_corosensei(&mut pool, tasks, yields),
    ];
    assert!(w4.iter().all(|&x| x == w4[0]), "W4 differs: {w4:?}");

    let doc = w5_document();
    let w5 = [
        w5_feed(&mut hand::tokenizer(), &doc),
        w5_feed(&mut primed(coro_impl::tokenizer(), 0), &doc),
        w5_feed(&mut primed(static_impl::tokenizer(), 0), &doc),
        w5_genawaiter_stack(&doc, 1),
        w5_feed(&mut w5_genawaiter_rc_new(), &doc),
        w5_feed(&mut w5_corosensei_new(), &doc),
    ];
    assert!(w5.iter().all(|&x| x == w5[0]), "W5 differs: {w5:?}");

    let w6 = [
        w1_sum(hand::upto(W6_M)),
        w1_sum(coro_impl::upto(W6_M)),
        w1_sum(static_impl::upto(W6_M)),
        w6_genawaiter_stack(W6_M),
        w6_genawaiter_rc(W6_M),
        w6_corosensei(&mut Some(peers::stack()), W6_M),
    ];
    assert!(w6.iter().all(|&x| x == w6[0]), "W6 differs: {w6:?}");

    let w7 = [
        w3_drive(hand::delegate_range(W7_N)),
        w3_drive(coro_impl::delegate_range(W7_N)),
        w3_drive(static_impl::delegate_range(W7_N)),
        w7_genawaiter_stack(W7_N),
        w7_genawaiter_rc(W7_N),
        w7_corosensei(&mut Some(peers::stack()), W7_N),
    ];
    assert!(w7.iter().all(|&x| x == w7[0]), "W7 differs: {w7:?}");

    let w8 = [
        w1_sum(hand::walker(W8_N)),
        w1_sum(coro_impl::walker(W8_N)),
        w1_sum(static_impl::walker(W8_N)),
    ];
    assert!(w8.iter().all(|&x| x == w8[0]), "W8 differs: {w8:?}");

    let v = w9_input();
    let w9 = [
        w1_sum(hand::owned(v.clone())),
        w1_sum(coro_impl::owned(v.clone())),
        w1_sum(static_impl::owned(v)),
    ];
    assert!(w9.iter().all(|&x| x == w9[0]), "W9 differs: {w9:?}");
}

#[divan::bench_group(name = "w1_countdown", max_time = 1)]
mod bench_w1 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w1_sum(workloads::hand::countdown(black_box(W1_N))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w1_sum(coro_impl::countdown(black_box(W1_N))));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        b.bench_local(|| w1_sum(static_impl::countdown(black_box(W1_N))));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        b.bench_local(|| w1_genawaiter_stack(black_box(W1_N)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        b.bench_local(|| w1_genawaiter_rc(black_box(W1_N)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let mut stack = Some(peers::stack());
        b.bench_local(|| w1_corosensei(&mut stack, black_box(W1_N)));
    }
}

#[divan::bench_group(name = "w2_averager", max_time = 1)]
mod bench_w2 {
    use super::*;
    use genawaiter::stack::{Gen, Shelf};

    #[divan::bench]
    fn hand(b: Bencher) {
        let xs = w2_inputs();
        let mut c = workloads::hand::averager();
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        let xs = w2_inputs();
        let mut c = primed(coro_impl::averager(), 0.0);
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        let xs = w2_inputs();
        let mut c = primed(static_impl::averager(), 0.0);
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        let xs = w2_inputs();
        let mut shelf = Shelf::new();
        // SAFETY: the generator's `Co` stays inside its future, which the generator owns.
        let g = unsafe { Gen::new(&mut shelf, peers::ga_stack::averager) };
        let mut c = primed(peers::Peer(g), 0.0);
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        let xs = w2_inputs();
        let mut c = w2_genawaiter_rc_new();
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let xs = w2_inputs();
        let mut c = w2_corosensei_new();
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }
}

#[divan::bench_group(name = "w3_delegation", max_time = 1)]
mod bench_w3 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w3_drive(workloads::hand::delegate(black_box(W3_N))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w3_drive(coro_impl::delegate(black_box(W3_N))));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        b.bench_local(|| w3_drive(static_impl::delegate(black_box(W3_N))));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        b.bench_local(|| w3_genawaiter_stack(black_box(W3_N)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        b.bench_local(|| w3_genawaiter_rc(black_box(W3_N)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let mut stack = Some(peers::stack());
        b.bench_local(|| w3_corosensei(&mut stack, black_box(W3_N)));
    }
}

/// One iteration is 10 million resumes, so few samples of one iteration each.
#[divan::bench_group(name = "w4_round_robin", sample_count = 10, sample_size = 1)]
mod bench_w4 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w4_hand(W4_TASKS, black_box(W4_YIELDS)));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w4_coro(W4_TASKS, black_box(W4_YIELDS)));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        b.bench_local(|| w4_static(W4_TASKS, black_box(W4_YIELDS)));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        b.bench_local(|| w4_genawaiter_stack(W4_TASKS, black_box(W4_YIELDS)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        b.bench_local(|| w4_genawaiter_rc(W4_TASKS, black_box(W4_YIELDS)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let mut pool: Vec<_> = (0..W4_TASKS).map(|_| peers::stack()).collect();
        b.bench_local(|| w4_corosensei(&mut pool, W4_TASKS, black_box(W4_YIELDS)));
    }
}

#[divan::bench_group(name = "w5_tokenizer", max_time = 1)]
mod bench_w5 {
    use super::*;
    use genawaiter::stack::{Gen, Shelf};

    #[divan::bench]
    fn hand(b: Bencher) {
        let doc = w5_document();
        let mut c = workloads::hand::tokenizer();
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        let doc = w5_document();
        let mut c = primed(coro_impl::tokenizer(), 0);
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        let doc = w5_document();
        let mut c = primed(static_impl::tokenizer(), 0);
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        let doc = w5_document();
        let mut shelf = Shelf::new();
        // SAFETY: the generator's `Co` stays inside its future, which the generator owns.
        let g = unsafe { Gen::new(&mut shelf, peers::ga_stack::tokenizer) };
        let mut c = primed(peers::Peer(g), 0);
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        let doc = w5_document();
        let mut c = w5_genawaiter_rc_new();
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let doc = w5_document();
        let mut c = w5_corosensei_new();
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }
}

// The shapes users write (issue 15): the peers for W6 and W7 only.

#[divan::bench_group(name = "w6_upto", max_time = 1)]
mod bench_w6 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w1_sum(workloads::hand::upto(black_box(W6_M))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w1_sum(coro_impl::upto(black_box(W6_M))));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        b.bench_local(|| w1_sum(static_impl::upto(black_box(W6_M))));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        b.bench_local(|| w6_genawaiter_stack(black_box(W6_M)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        b.bench_local(|| w6_genawaiter_rc(black_box(W6_M)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let mut stack = Some(peers::stack());
        b.bench_local(|| w6_corosensei(&mut stack, black_box(W6_M)));
    }
}

#[divan::bench_group(name = "w7_delegation_range", max_time = 1)]
mod bench_w7 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w3_drive(workloads::hand::delegate_range(black_box(W7_N))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w3_drive(coro_impl::delegate_range(black_box(W7_N))));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        b.bench_local(|| w3_drive(static_impl::delegate_range(black_box(W7_N))));
    }

    #[divan::bench]
    fn genawaiter_stack(b: Bencher) {
        b.bench_local(|| w7_genawaiter_stack(black_box(W7_N)));
    }

    #[divan::bench]
    fn genawaiter_rc(b: Bencher) {
        b.bench_local(|| w7_genawaiter_rc(black_box(W7_N)));
    }

    #[divan::bench]
    fn corosensei(b: Bencher) {
        let mut stack = Some(peers::stack());
        b.bench_local(|| w7_corosensei(&mut stack, black_box(W7_N)));
    }
}

#[divan::bench_group(name = "w8_walker", max_time = 1)]
mod bench_w8 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w1_sum(workloads::hand::walker(black_box(W8_N))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w1_sum(coro_impl::walker(black_box(W8_N))));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        b.bench_local(|| w1_sum(static_impl::walker(black_box(W8_N))));
    }
}

#[divan::bench_group(name = "w9_owned", max_time = 1)]
mod bench_w9 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        let v = w9_input();
        b.bench_local(|| w1_sum(workloads::hand::owned(black_box(v.clone()))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        let v = w9_input();
        b.bench_local(|| w1_sum(coro_impl::owned(black_box(v.clone()))));
    }

    #[divan::bench]
    fn coro_static(b: Bencher) {
        let v = w9_input();
        b.bench_local(|| w1_sum(static_impl::owned(black_box(v.clone()))));
    }
}
