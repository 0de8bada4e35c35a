// A statement removed by `#[cfg(any())]` still suspends: coro lowers the `yield_!` inside
// it instead of dropping the statement first. Found in 1_19, 1_31.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   -> Yielded(1)
//   -> Yielded(2)
//   -> Complete(0)
//   dropped
// native trace:
//   -> Yielded(2)
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn cfg_any_on_yield_statement(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
#[cfg(any())]
yield_!(1);
yield_!(2);
0
}
