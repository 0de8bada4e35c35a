//! Runs one workload with one implementation a fixed number of times, for instruction
//! counts under callgrind (stable where wall time is not):
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='callgrind::measured' \
//!     target/release/deps/callgrind-HASH w1 coro
//! ```
//!
//! Only `measured` is counted, so start-up and input building are not. `benches/run.sh`
//! runs every pair and divides by the operations performed. Without arguments (as
//! `cargo bench` runs it) it lists the pairs and exits.

#[path = "workloads/peers.rs"]
mod peers;
#[path = "workloads/mod.rs"]
mod workloads;

use peers::run::*;
use std::hint::black_box;
use workloads::*;

/// The implementations, in table order.
const IMPLS: [&str; 6] = [
    "hand",
    "coro",
    "coro_static",
    "genawaiter_stack",
    "genawaiter_rc",
    "corosensei",
];

/// Rounds per workload: enough operations that a resume's count dominates.
fn rounds(workload: &str) -> u64 {
    match workload {
        "w4" => 1,
        _ => 100,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [workload, imp] = &args[..] else {
        println!(
            "usage: callgrind w1|w2|w3|w4|w5|w6|w7|w8|w9 {}",
            IMPLS.join("|")
        );
        return;
    };
    let inputs = Inputs {
        xs: w2_inputs(),
        v: w9_input(),
        doc: w5_document(),
        stacks: if imp == "corosensei" {
            let n = if workload == "w4" { W4_TASKS } else { 1 };
            (0..n).map(|_| peers::stack()).collect()
        } else {
            Vec::new()
        },
    };
    let rounds = rounds(workload);
    let ops = rounds
        * match workload.as_str() {
            "w1" => W1_OPS,
            "w2" => W2_OPS,
            "w3" => W3_OPS,
            "w4" => W4_OPS,
            "w5" => w5_ops(),
            "w6" => W6_OPS,
            "w7" => W7_OPS,
            "w8" => W8_OPS,
            "w9" => W9_OPS,
            _ => panic!("unknown workload {workload}"),
        };
    let result = measured(workload, imp, rounds, inputs);
    println!("{workload} {imp} ops={ops} result={result}");
}

struct Inputs {
    xs: Vec<f64>,
    v: Vec<u64>,
    doc: Vec<u8>,
    stacks: Vec<corosensei::stack::DefaultStack>,
}

/// The counted region.
#[inline(never)]
fn measured(workload: &str, imp: &str, rounds: u64, mut inp: Inputs) -> u64 {
    let n = rounds as usize;
    let mut total = 0u64;
    match (workload, imp) {
        ("w1", _) | ("w3", _) => {
            let mut stack = inp.stacks.pop();
            let n1 = black_box(W1_N);
            let n3 = black_box(W3_N);
            for _ in 0..n {
                total = total.wrapping_add(match (workload, imp) {
                    ("w1", "hand") => w1_sum(hand::countdown(n1)),
                    ("w1", "coro") => w1_sum(coro_impl::countdown(n1)),
                    ("w1", "coro_static") => w1_sum(static_impl::countdown(n1)),
                    ("w1", "genawaiter_stack") => w1_genawaiter_stack(n1),
                    ("w1", "genawaiter_rc") => w1_genawaiter_rc(n1),
                    ("w1", "corosensei") => w1_corosensei(&mut stack, n1),
                    ("w3", "hand") => w3_drive(hand::delegate(n3)),
                    ("w3", "coro") => w3_drive(coro_impl::delegate(n3)),
                    ("w3", "coro_static") => w3_drive(static_impl::delegate(n3)),
                    ("w3", "genawaiter_stack") => w3_genawaiter_stack(n3),
                    ("w3", "genawaiter_rc") => w3_genawaiter_rc(n3),
                    ("w3", "corosensei") => w3_corosensei(&mut stack, n3),
                    _ => panic!("unknown implementation {imp}"),
                });
            }
        }
        ("w2", _) => {
            let xs = &inp.xs[..];
            let mean = match imp {
                "hand" => w2_rounds(n, &mut hand::averager(), xs),
                "coro" => w2_rounds(n, &mut primed(coro_impl::averager(), 0.0), xs),
                "coro_static" => w2_rounds(n, &mut primed(static_impl::averager(), 0.0), xs),
                "genawaiter_stack" => w2_genawaiter_stack(xs, n),
                "genawaiter_rc" => w2_rounds(n, &mut w2_genawaiter_rc_new(), xs),
                "corosensei" => w2_rounds(n, &mut w2_corosensei_new(), xs),
                _ => panic!("unknown implementation {imp}"),
            };
            total = mean as u64;
        }
        ("w4", _) => {
            let yields = black_box(W4_YIELDS);
            for _ in 0..n {
                total = total.wrapping_add(match imp {
                    "hand" => w4_hand(W4_TASKS, yields),
                    "coro" => w4_coro(W4_TASKS, yields),
                    "coro_static" => w4_static(W4_TASKS, yields),
                    "genawaiter_stack" => w4_genawaiter_stack(W4_TASKS, yields),
                    "genawaiter_rc" => w4_genawaiter_rc(W4_TASKS, yields),
                    "corosensei" => w4_corosensei(&mut inp.stacks, W4_TASKS, yields),
                    _ => panic!("unknown implementation {imp}"),
                });
            }
        }
        ("w5", _) => {
            let doc = &inp.doc[..];
            total = match imp {
                "hand" => w5_rounds(n, &mut hand::tokenizer(), doc),
                "coro" => w5_rounds(n, &mut primed(coro_impl::tokenizer(), 0), doc),
                "coro_static" => w5_rounds(n, &mut primed(static_impl::tokenizer(), 0), doc),
                "genawaiter_stack" => w5_genawaiter_stack(doc, n),
                "genawaiter_rc" => w5_rounds(n, &mut w5_genawaiter_rc_new(), doc),
                "corosensei" => w5_rounds(n, &mut w5_corosensei_new(), doc),
                _ => panic!("unknown implementation {imp}"),
            };
        }
        // The shapes users write (the peers for W6 and W7 only).
        ("w6" | "w7" | "w8" | "w9", _) => {
            let mut stack = inp.stacks.pop();
            let m6 = black_box(W6_M);
            let n7 = black_box(W7_N);
            let n8 = black_box(W8_N);
            for _ in 0..n {
                total = total.wrapping_add(match (workload, imp) {
                    ("w6", "hand") => w1_sum(hand::upto(m6)),
                    ("w6", "coro") => w1_sum(coro_impl::upto(m6)),
                    ("w6", "coro_static") => w1_sum(static_impl::upto(m6)),
                    ("w6", "genawaiter_stack") => w6_genawaiter_stack(m6),
                    ("w6", "genawaiter_rc") => w6_genawaiter_rc(m6),
                    ("w6", "corosensei") => w6_corosensei(&mut stack, m6),
                    ("w7", "hand") => w3_drive(hand::delegate_range(n7)),
                    ("w7", "coro") => w3_drive(coro_impl::delegate_range(n7)),
                    ("w7", "coro_static") => w3_drive(static_impl::delegate_range(n7)),
                    ("w7", "genawaiter_stack") => w7_genawaiter_stack(n7),
                    ("w7", "genawaiter_rc") => w7_genawaiter_rc(n7),
                    ("w7", "corosensei") => w7_corosensei(&mut stack, n7),
                    ("w8", "hand") => w1_sum(hand::walker(n8)),
                    ("w8", "coro") => w1_sum(coro_impl::walker(n8)),
                    ("w8", "coro_static") => w1_sum(static_impl::walker(n8)),
                    ("w9", "hand") => w1_sum(hand::owned(inp.v.clone())),
                    ("w9", "coro") => w1_sum(coro_impl::owned(inp.v.clone())),
                    ("w9", "coro_static") => w1_sum(static_impl::owned(inp.v.clone())),
                    _ => panic!("{workload} is not written with {imp}"),
                });
            }
        }
        _ => panic!("unknown workload {workload}"),
    }
    total
}

/// W2: feeds one long-lived averager `rounds` times.
fn w2_rounds(rounds: usize, c: &mut impl coro::Coroutine<f64, Yield = f64>, xs: &[f64]) -> f64 {
    (0..rounds).map(|_| w2_send(c, xs)).sum()
}

/// W5: feeds one long-lived tokenizer `rounds` times.
fn w5_rounds(rounds: usize, c: &mut impl coro::Coroutine<u8, Yield = Emit>, doc: &[u8]) -> u64 {
    (0..rounds).fold(0u64, |acc, _| acc.wrapping_add(w5_feed(c, doc)))
}
