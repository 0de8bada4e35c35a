// A local (`s1`) read in a yield's operand on one path (`s1.n`) and moved, on another, by
// a `match` whose pattern leaves a part (`Pair { n: _, g }`): the statement named the
// local twice, so remains.rs did not keep what the pattern leaves; the local got no drop
// flag and, on the path that kept it, dropped at the join before a local declared after
// it (`o2`). Fixed: the last statement to name a local may name it more than once when no
// pattern in it binds the name (tests/fidelity_regressions.rs,
// a_local_read_on_one_branch_destructured_on_another). Found by fuzz seed 498, body 63.
// resumes 7
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: identical
// coro trace:
//   -> Yielded(3)
//   drop u6
//   drop q4
//   drop o2
//   drop s1
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
