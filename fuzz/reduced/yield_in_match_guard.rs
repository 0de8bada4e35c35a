// A yield in a match arm's guard: coro rejects it with its own message, rustc accepts it.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error: a match guard cannot suspend; yield before the `match` and match on the result
//     --> src/main.rs:96:6
//      |
//   96 | m if m + yield_!(1) > 103 => m,
//      |      ^
// native trace:
//   -> Yielded(1)
//   -> Complete(3)
//   dropped
#[coro::coroutine]
fn yield_in_match_guard(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
match p {
m if m + yield_!(1) > 103 => m,
_ => 0,
}
}
