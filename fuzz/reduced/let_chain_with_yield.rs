// A `yield_!` in the scrutinee of an `if let` that is part of a `&&` chain: coro rejects it
// with its own message (rustc accepts it).
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error: a `let` chain cannot contain a `yield_!`; bind the yielded value before the `if`
//      --> src/main.rs:123:4
//       |
//   123 | if let Some(z) = opt(yield_!(5)) && z > 1 { return z; }
//       |    ^^^
// coro's error:
//   error: `let` with a `yield_!` is only supported as the condition of `if`/`while`
//      --> src/main.rs:123:4
//       |
//   123 | if let Some(z) = opt(yield_!(5)) && z > 1 { return z; }
//       |    ^^^
// native trace:
//   -> Yielded(5)
//   -> Complete(101)
//   dropped
#[coro::coroutine]
fn let_chain_with_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
if let Some(z) = opt(yield_!(5)) && z > 1 { return z; }
0
}
