//! Traces recorded from rustc's own coroutines, the oracle of the `fidelity_*` tests.
//!
//! Each area has three files:
//! - `tests/fidelity/AREA_native.rs`: a standalone nightly program
//!   (`#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]`) that runs each case
//!   as a native `#[coroutine] static move |arg| { .. }` and prints `case NAME`, then one
//!   line per event (yields, sends, returns, drops, the body's own prints); the helpers
//!   for that (`log`, `Guard`, `drive`, `case`) are `include!`d from
//!   `tests/fidelity/native_common.rs`;
//! - `tests/fidelity/AREA.trace`: that program's output, recorded with `cargo +nightly`;
//! - `tests/fidelity_AREA.rs`: the same bodies under `#[coro::coroutine]` on stable, each
//!   test comparing its events with [`native_trace`]`("AREA", "NAME")`.
//!
//! `tests/fidelity_oracle.rs` re-runs every `*_native.rs` with nightly, when there is one,
//! and fails if a recorded trace is stale, so a trace can never drift from what rustc does.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The folder holding the native programs and their recorded traces.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fidelity")
}

/// The events rustc's native coroutine produced for `case` of `area`, as recorded in
/// `tests/fidelity/AREA.trace`.
pub fn native_trace(area: &str, case: &str) -> Vec<String> {
    let path = dir().join(format!("{area}.trace"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let header = format!("case {case}");
    let mut lines = text.lines();
    assert!(
        lines.by_ref().any(|l| l == header),
        "{} has no `{header}`",
        path.display()
    );
    lines
        .take_while(|l| !l.starts_with("case "))
        .map(String::from)
        .collect()
}

use std::cell::RefCell;
use std::fmt::Debug;

thread_local!(static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) });

/// Appends an event to this thread's trace (the native programs have the same function).
pub fn log(event: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(event.into()));
}

/// Takes this thread's trace so far.
pub fn take() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

/// Logs `drop NAME` when dropped.
#[derive(Debug)]
pub struct Guard(pub &'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}

/// Resumes `c` with each of `sends` until it completes, logging `-> STATE` after each
/// resume, then drops it and logs `dropped`: the native programs' `drive`.
pub fn drive<S, C: coro::Coroutine<S>>(mut c: C, sends: impl IntoIterator<Item = S>)
where
    C::Yield: Debug,
    C::Return: Debug,
{
    for s in sends {
        let state = c.resume(s);
        log(format!("-> {state:?}"));
        if state.is_complete() {
            break;
        }
    }
    drop(c);
    log("dropped");
}

/// Runs `f` and checks the trace it leaves against the one recorded for `area`/`case`.
pub fn check(area: &str, case: &str, f: impl FnOnce()) {
    take();
    f();
    assert_eq!(
        take(),
        native_trace(area, case),
        "{area}/{case}: coro's trace (left) differs from rustc's (right)"
    );
}
