// A `move` closure that reads a field (`u.1`) captures only that field (edition 2021
// disjoint captures, a copy here), so `u` and its guard stay alive to the end of the body.
// coro counts the mention as a capture of `u` by value, treats `u` as moved, and drops it
// (and the guard) at the next yield.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   drop u
//   -> Yielded(1)
//   -> Complete(2)
//   dropped
// native trace:
//   -> Yielded(1)
//   drop u
//   -> Complete(2)
//   dropped
#[coro::coroutine]
fn move_closure_field_capture_drops_owner(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let u = (Guard("u"), 1);
let c = move |a: i32| a + u.1;
yield_!(1);
c(1)
}
