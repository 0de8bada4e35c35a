// A `yield_!` in the scrutinee of an `if let` that is part of a `&&` chain: coro rejects it
// with its own message (rustc accepts it).
// resumes 3
#[coro::coroutine]
fn let_chain_with_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
if let Some(z) = opt(yield_!(5)) && z > 1 { return z; }
0
}
