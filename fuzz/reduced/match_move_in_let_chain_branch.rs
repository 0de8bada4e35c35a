// A local moved by a `match` with by-value struct patterns on some paths only, inside the
// `then` block of a let chain whose scrutinee yields (the chain is lowered to nested `if`s
// that jump to one exit): the jump out does not give it a drop flag, so it is dropped at
// that jump, before a local declared after it, instead of at its scope's end. The same
// with `drop(s1)` gets a flag and matches. Open (fuzz seed 496, body 177; also at 1b2fdad).
// resumes 9
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   -> Yielded(1)
//   drop s1
//   drop g3
//   -> Complete(0)
//   dropped
// native trace:
//   -> Yielded(1)
//   drop g3
//   drop s1
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn match_move_in_let_chain_branch(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let s1 = Pair { n: 1, g: Guard("s1") };
let g3 = Guard("g3");
if let Some(z4) = opt(yield_!(1)) && z4 > 2 {
if p > 100 {
match s1 {
Pair { n: 0, g: g8 } => {}
Pair { g: g8, n: m9 } => {}
}
}
}
0
}
