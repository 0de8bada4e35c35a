// Open: a local (`s1`) moved, in one arm of an outer `match`, by a `match` whose pattern
// leaves a part (`Pair { n: _, g }`, or a literal `n: 0`), while the outer match's other,
// guarded arm suspends: on that path the local is kept, but it drops before a local
// declared after it (`o2`), not after. Wrong at 0e7dfdf too (the literal form then dropped
// it at the yield). Found by fuzz seed 498, body 63 (feature pair_match); not looked into.
// resumes 7
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   -> Yielded(3)
//   drop u6
//   drop q4
//   drop s1
//   drop o2
//   -> Complete(Ok(0))
//   dropped
// native trace:
//   -> Yielded(3)
//   drop u6
//   drop q4
//   drop o2
//   drop s1
//   -> Complete(Ok(0))
//   dropped
#[coro::coroutine]
fn remains_of_a_local_beside_a_guarded_arm(p: i32) -> impl Coroutine<i32, Yield = i32, Return = Result<i32, i32>> {
let mut s1 = Pair { g: Guard("s1"), n: (if 2 % 2 == 0 { twice!(0 + 0) } else { res(4)? }) };
let o2 = if 8 > 2 { Some(Guard("o2")) } else { None };
match (Guard("q4"), 3) {
(_, m5) if m5 % 2 == 1 => {
let u6 = (Guard("u6"), (if s1.n % 2 == 0 { yield_!(m5) } else { yield_!(0) }));
}
_ => {
match s1 {
Pair { n: _, g: g17 } => {
}
Pair { g: g17, n: m18 } => {
}
}
}
}
Ok(0)
}
