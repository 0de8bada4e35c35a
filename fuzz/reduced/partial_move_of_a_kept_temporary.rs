// A field moved out of a match scrutinee's kept temporary, then a yield in the arm: coro
// keeps the temporary whole across the yield (E0382). Tuple locals are split (split.rs),
// temporaries and nested tuples are not.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error[E0382]: use of partially moved value
//     --> src/main.rs:86:1
//      |
//   86 | #[coro::coroutine]
//      | ^^^^^^^^^^^^^^^^^^ value used here after partial move
//   ...
//   89 | s => { yield_!(1); drop(s); }
//      | - value partially moved here
//      |
//      = note: partial move occurs because value has type `Guard`, which does not implement the `Copy` trait
//      = note: this error originates in the attribute macro `coro::coroutine` (in Nightly builds, run with -Z macro-backtrace for more info)
//   help: borrow this binding in the pattern to avoid moving the value
//      |
//   89 | ref s => { yield_!(1); drop(s); }
//      | +++
// native trace:
//   -> Yielded(1)
//   drop s
//   drop t
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn partial_move_of_a_kept_temporary(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
match (Guard("t"), Guard("s")).1 {
s => { yield_!(1); drop(s); }
}
0
}
