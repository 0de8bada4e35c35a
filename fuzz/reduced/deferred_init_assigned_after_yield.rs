// `let d;` assigned after a yield (or from one): a documented limit, but reported as
// rustc's E0384/E0381 on the attribute, not as coro's own message saying what to write.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error[E0384]: cannot assign twice to immutable variable `d`
//      --> src/main.rs:107:1
//       |
//   107 | #[coro::coroutine]
//       | ^^^^^^^^^^^^^^^^^^ cannot assign twice to immutable variable
//   108 | fn b3(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
//   109 | let d;
//       |     - first assignment to `d`
//       |
//       = note: this error originates in the attribute macro `coro::coroutine` (in Nightly builds, run with -Z macro-backtrace for more info)
//   help: consider making this binding mutable
//       |
//   109 | let mut d;
//       |     +++
//   help: to modify the original value, take a borrow instead
//       |
//   109 | let ref mut d;
//       |     +++++++
// coro's error:
//   error[E0381]: used binding `d` isn't initialized
//      --> src/main.rs:109:5
//       |
//   109 | let d;
//       |     ^
//       |     |
//       |     `d` used here but it isn't initialized
//       |     binding declared here but left uninitialized
// native trace:
//   -> Yielded(1)
//   -> Complete(101)
//   dropped
#[coro::coroutine]
fn deferred_init_assigned_after_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let d;
d = yield_!(1);
d
}
