// A guard whose last use before a yield is as a method receiver (`g.v(1)`, which takes
// `&self`) is treated as possibly moved and dropped at the yield, not at its scope's end
// (a documented difference).
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   use g
//   drop g
//   -> Yielded(1)
//   after 1
//   -> Complete(1)
//   dropped
// native trace:
//   use g
//   -> Yielded(1)
//   after 1
//   drop g
//   -> Complete(1)
//   dropped
#[coro::coroutine]
fn guard_method_receiver_dropped_at_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let g = Guard("g");
let a = g.v(1);
yield_!(a);
log_i("after", a);
a
}
