// A guard moved in one branch only, not moved on the path taken, is dropped at the next
// yield instead of at its scope's end (rustc keeps a drop flag; a documented difference).
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   drop g
//   -> Yielded(1)
//   -> Complete(0)
//   dropped
// native trace:
//   -> Yielded(1)
//   drop g
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn moved_on_some_paths_dropped_at_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let g = Guard("g");
if p > 5 { let h = g; }
yield_!(1);
0
}
