// `?` at the start of a binary operation that is the tail of a block, in a body with a
// yield: the in-place rewrite of `?` is a `match` without parentheses, which then parses as
// a statement followed by `+ 1` ("leading `+` is not supported"; in a match arm:
// "expected pattern, found `+`"). Found as `m => opt(3)? + m` in a match arm.
// resumes 3
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error: leading `+` is not supported
//      --> src/main.rs:160:19
//       |
//   160 | let d = { opt(3)? + 1 };
//       |                   ^ unexpected `+`
//       |
//   help: parentheses are required to parse this as an expression
//       |
//   160 | let d = { opt(3)(?) + 1 };
//       |                 + +
// coro's error:
//   error[E0308]: mismatched types
//      --> src/main.rs:160:17
//       |
//   160 | let d = { opt(3)? + 1 };
//       |                 ^- help: consider using a semicolon here
//       |                 |
//       |                 expected `()`, found `i32`
// native trace:
//   -> Yielded(0)
//   -> Complete(None)
//   dropped
#[coro::coroutine]
fn try_at_block_tail_then_binop(p: i32) -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
yield_!(0);
let d = { opt(3)? + 1 };
Some(d)
}
