// A `let` removed by `#[cfg(any())]`, of a value that may own a destructor, before a
// yield: coro saves the name across the yield although the `let` is gone (E0425 "cannot
// find value `g`"; with a closure alive at the yield too, also E0277 "doesn't implement
// `Debug`" from the state's Debug probe). Same cause as cfg_any_on_yield_statement.rs.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error[E0425]: cannot find value `g` in this scope
//     --> src/main.rs:89:5
//      |
//   89 | let g = Guard("g");
//      |     ^
//      |
//   help: a local variable with a similar name exists
//      |
//   89 - let g = Guard("g");
//   89 + let p = Guard("g");
//      |
// native trace:
//   -> Yielded(1)
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn cfg_any_on_let_of_guard(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
#[cfg(any())]
let g = Guard("g");
yield_!(1);
0
}
