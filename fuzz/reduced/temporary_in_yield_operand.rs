// A temporary in the operand of a `yield_!` is dropped before the suspension, rustc drops
// it at the end of the statement, after the resume (a documented difference).
// resumes 2
#[coro::coroutine]
fn temporary_in_yield_operand(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let s = yield_!(Guard("t").v(5));
s
}
