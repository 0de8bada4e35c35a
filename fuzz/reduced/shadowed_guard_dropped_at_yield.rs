// A guard shadowed by a later `let` of the same name, with nothing reading it, is dropped
// at the next yield rather than at its scope's end (a documented difference).
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   drop g
//   -> Yielded(1)
//   drop gb
//   -> Complete(0)
//   dropped
// native trace:
//   -> Yielded(1)
//   drop gb
//   drop g
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn shadowed_guard_dropped_at_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let g = Guard("g");
let g = Guard("gb");
yield_!(1);
0
}
