// A `match` on a local whose arm leaves a part by a literal subpattern (`Pair { n: 0, g }`:
// `n` is compared, not moved) counted as a partial move of the local; in a branch, that
// got no drop flag, so on the paths that did not run the `match` the local was dropped at
// the next yield instead of at its scope's end. Fixed: remains.rs binds such a part
// (`__coro_rest0 @ 0`) as it binds a `_` (tests/fidelity_regressions.rs,
// a_literal_subpattern_leaves_a_part). Found by fuzz seed 496, body 177 (feature pair_match).
// resumes 9
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: identical
// coro trace:
//   -> Yielded(1)
//   drop g3
//   drop s1
//   -> Complete(0)
//   dropped
// native trace:
//   -> Yielded(1)
//   drop g3
//   drop s1
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn literal_subpattern_leaves_a_part(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let s1 = Pair { n: 1, g: Guard("s1") };
let g3 = Guard("g3");
if p > 100 {
match s1 {
Pair { n: 0, g: g8 } => {}
Pair { g: g8, n: m9 } => {}
}
}
yield_!(1);
0
}
