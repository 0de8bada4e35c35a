//! rustc's native coroutines next to coro and the hand-written state machines, every
//! workload in one process (nightly only; see `../Cargo.toml`). Same workloads, inputs
//! and drivers as the stable `benches/coroutines.rs`.

use coro_bench_native as native;
use coro_bench_native::workloads::*;
use divan::{Bencher, black_box};
use std::collections::VecDeque;
use std::mem::size_of_val;

fn main() {
    check_same_results();
    print_sizes();
    println!(
        "ops per iteration: w1_countdown={W1_OPS} w2_averager={W2_OPS} w3_delegation={W3_OPS} \
         w4_round_robin={W4_OPS} w5_tokenizer={}",
        w5_ops()
    );
    divan::main();
}

fn check_same_results() {
    assert_eq!(
        w1_sum(native::countdown(W1_N)),
        w1_sum(hand::countdown(W1_N))
    );
    let xs = w2_inputs();
    assert_eq!(
        w2_send(&mut primed(native::averager(), 0.0), &xs),
        w2_send(&mut hand::averager(), &xs)
    );
    assert_eq!(
        w3_drive(native::delegate(W3_N)),
        w3_drive(hand::delegate(W3_N))
    );
    assert_eq!(w4_native(50, 200), w4_hand(50, 200));
    let doc = w5_document();
    assert_eq!(
        w5_feed(&mut primed(native::tokenizer(), 0), &doc),
        w5_feed(&mut hand::tokenizer(), &doc)
    );
}

fn print_sizes() {
    println!(
        "| implementation | W1 countdown | W2 averager | W3 delegation | W4 task | W5 tokenizer | u64 + [u8; 64] + String |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| rustc native | {} | {} | {} | {} | {} | {} |",
        size_of_val(&native::countdown(1)),
        size_of_val(&native::averager()),
        size_of_val(&native::delegate(1)),
        size_of_val(&native::task(0, 1)),
        size_of_val(&native::tokenizer()),
        size_of_val(&native::three_locals(1)),
    );
    println!(
        "| coro (nightly build) | {} | {} | {} | {} | {} | {} |",
        size_of_val(&coro_impl::countdown(1)),
        size_of_val(&coro_impl::averager()),
        size_of_val(&coro_impl::delegate(1)),
        size_of_val(&coro_impl::task(0, 1)),
        size_of_val(&coro_impl::tokenizer()),
        size_of_val(&coro_impl::three_locals(1)),
    );
}

fn w4_native(tasks: u64, yields: u64) -> u64 {
    let mut q: VecDeque<_> = (0..tasks).map(|id| native::task(id, yields)).collect();
    w4_round_robin(&mut q, &mut Vec::with_capacity(tasks as usize))
}

#[divan::bench_group(name = "w1_countdown", max_time = 1)]
mod bench_w1 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w1_sum(hand::countdown(black_box(W1_N))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w1_sum(coro_impl::countdown(black_box(W1_N))));
    }

    #[divan::bench]
    fn native(b: Bencher) {
        b.bench_local(|| w1_sum(native::countdown(black_box(W1_N))));
    }
}

#[divan::bench_group(name = "w2_averager", max_time = 1)]
mod bench_w2 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        let xs = w2_inputs();
        let mut c = hand::averager();
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        let xs = w2_inputs();
        let mut c = primed(coro_impl::averager(), 0.0);
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }

    #[divan::bench]
    fn native(b: Bencher) {
        let xs = w2_inputs();
        let mut c = primed(native::averager(), 0.0);
        b.bench_local(|| w2_send(&mut c, black_box(&xs)));
    }
}

#[divan::bench_group(name = "w3_delegation", max_time = 1)]
mod bench_w3 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        b.bench_local(|| w3_drive(hand::delegate(black_box(W3_N))));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        b.bench_local(|| w3_drive(coro_impl::delegate(black_box(W3_N))));
    }

    #[divan::bench]
    fn native(b: Bencher) {
        b.bench_local(|| w3_drive(native::delegate(black_box(W3_N))));
    }
}

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
    fn native(b: Bencher) {
        b.bench_local(|| w4_native(W4_TASKS, black_box(W4_YIELDS)));
    }
}

#[divan::bench_group(name = "w5_tokenizer", max_time = 1)]
mod bench_w5 {
    use super::*;

    #[divan::bench]
    fn hand(b: Bencher) {
        let doc = w5_document();
        let mut c = hand::tokenizer();
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn coro(b: Bencher) {
        let doc = w5_document();
        let mut c = primed(coro_impl::tokenizer(), 0);
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }

    #[divan::bench]
    fn native(b: Bencher) {
        let doc = w5_document();
        let mut c = primed(native::tokenizer(), 0);
        b.bench_local(|| w5_feed(&mut c, black_box(&doc)));
    }
}
