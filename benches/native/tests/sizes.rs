//! The size target: a `#[coro::coroutine]` is no larger than rustc's native coroutine for
//! the same body (`cargo +nightly test --manifest-path benches/native/Cargo.toml`).

use coro_bench_native::{self as native, workloads::coro_impl};
use std::mem::size_of_val;

fn assert_no_larger(name: &str, coro: usize, native: usize) {
    assert!(
        coro <= native,
        "{name}: coro is {coro} bytes, rustc's native coroutine {native}"
    );
}

#[test]
fn no_larger_than_native() {
    assert_no_larger(
        "W1 countdown",
        size_of_val(&coro_impl::countdown(1)),
        size_of_val(&native::countdown(1)),
    );
    assert_no_larger(
        "W3 delegate",
        size_of_val(&coro_impl::delegate(1)),
        size_of_val(&native::delegate(1)),
    );
    assert_no_larger(
        "W4 task",
        size_of_val(&coro_impl::task(0, 1)),
        size_of_val(&native::task(0, 1)),
    );
    assert_no_larger(
        "u64 + [u8; 64] + String",
        size_of_val(&coro_impl::three_locals(1)),
        size_of_val(&native::three_locals(1)),
    );
    // `mean` is overwritten before it is read after the resume: neither saves it.
    assert_no_larger(
        "W2 averager",
        size_of_val(&coro_impl::averager()),
        size_of_val(&native::averager()),
    );
}

#[test]
fn no_larger_than_native_when_a_local_is_overwritten() {
    // `out` is handed out by the yield and set again before it is read: neither saves it
    // (coro 40 bytes, native 48).
    assert_no_larger(
        "W5 tokenizer",
        size_of_val(&coro_impl::tokenizer()),
        size_of_val(&native::tokenizer()),
    );
}
