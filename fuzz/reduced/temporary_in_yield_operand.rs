// A temporary in the operand of a `yield_!` is dropped before the suspension, rustc drops
// it at the end of the statement, after the resume (a documented difference).
// resumes 2
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   use t
//   drop t
//   -> Yielded(5)
//   -> Complete(101)
//   dropped
// native trace:
//   use t
//   -> Yielded(5)
//   drop t
//   -> Complete(101)
//   dropped
#[coro::coroutine]
fn temporary_in_yield_operand(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let s = yield_!(Guard("t").v(5));
s
}
