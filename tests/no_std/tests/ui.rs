//! Without the `alloc` feature, `#[coro::coroutine(static)]` is a compile error at the
//! attribute that says to enable it. (With `alloc` the case would compile: the test is
//! built only without it.)
#[cfg(not(feature = "alloc"))]
#[test]
fn static_flavour_without_alloc() {
    trybuild::TestCases::new().compile_fail("tests/ui/*.rs");
}
