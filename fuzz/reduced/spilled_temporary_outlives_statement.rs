// A temporary evaluated before a yield in the same expression (the receiver of
// `Guard("t").v(yield_!(1))`) is kept across the suspension, as it must be, but then lives
// on past the end of its statement: rustc drops it at the `;`, before `after` is logged.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   -> Yielded(1)
//   use t
//   after 101
//   drop t
//   -> Complete(101)
//   dropped
// native trace:
//   -> Yielded(1)
//   use t
//   drop t
//   after 101
//   -> Complete(101)
//   dropped
#[coro::coroutine]
fn spilled_temporary_outlives_statement(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let a = Guard("t").v(yield_!(1));
log_i("after", a);
a
}
