//! Compile-fail suite: each `tests/ui/NAME.rs` is a misuse of `#[coro::coroutine]`,
//! `yield_!` or `yield_from!`, and `NAME.stderr` the diagnostics it produces today.
//! Regenerate the expectations with `TRYBUILD=overwrite cargo test --test ui` and review
//! every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

/// Misuses the macro does not reject yet: each case here compiles today. Once the macro
/// rejects one, move it to `tests/ui/` and generate its `.stderr` as above.
#[test]
#[ignore = "the macro does not reject these yet: user code can name the generated `__Coro*` items"]
fn ui_pending() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui-pending/*.rs");
}
