// `?` at the start of a binary operation that is the tail of a block, in a body with a
// yield: the in-place rewrite of `?` is a `match` without parentheses, which then parses as
// a statement followed by `+ 1` ("leading `+` is not supported"; in a match arm:
// "expected pattern, found `+`"). Found as `m => opt(3)? + m` in a match arm.
// resumes 3
#[coro::coroutine]
fn try_at_block_tail_then_binop(p: i32) -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
yield_!(0);
let d = { opt(3)? + 1 };
Some(d)
}
