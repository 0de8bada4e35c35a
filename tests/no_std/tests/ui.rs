//! Without the `alloc` feature, `#[coro::coroutine(static)]` is a compile error at the
//! attribute that says to enable it, and `coro::scheduler` (std only) is not there,
//! which shows that `default-features = false` reaches coro-runtime. (With `alloc` the
//! first case would compile: the test is built only without it.)
#[cfg(not(feature = "alloc"))]
#[test]
fn static_flavour_without_alloc() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
