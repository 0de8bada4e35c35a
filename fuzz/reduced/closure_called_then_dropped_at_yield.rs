// A `move` closure that owns a guard, whose last use before a yield is a call (`c(1)`):
// coro treats the call as a possible move of `c` (an `FnOnce` call takes it by value) and
// drops the closure, and the guard, at the yield; rustc drops it at its scope's end. The
// closure-call twin of the documented method-receiver difference.
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
fn closure_called_then_dropped_at_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let g = Guard("g");
let c = move |a: i32| { let _k = &g; a };
let v = c(1);
yield_!(v);
0
}
