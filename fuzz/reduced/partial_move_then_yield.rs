// A field moved out of a tuple (`let g = u.0;`) before a yield: coro does not count a
// field access as a move, saves `u` whole across the yield, and rustc rejects the
// expansion (E0382 "use of partially moved value: `u`" on the `let u`).
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error[E0382]: use of partially moved value: `u`
//     --> src/main.rs:88:5
//      |
//   88 | let u = (Guard("u"), 1);
//      |     ^ value used here after partial move
//   89 | let g = u.0;
//      |         --- value partially moved here
//      |
//      = note: partial move occurs because `u.0` has type `Guard`, which does not implement the `Copy` trait
// native trace:
//   -> Yielded(1)
//   drop u
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn partial_move_then_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let u = (Guard("u"), 1);
let g = u.0;
yield_!(1);
0
}
