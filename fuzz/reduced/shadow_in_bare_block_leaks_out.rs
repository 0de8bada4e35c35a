// A `let` in a bare block `{ .. }` (or a match arm's block) that shadows an outer local and
// takes its value from a yield: after the block, the outer name reads the inner value. A
// wrong value, silently; in an `if` branch the same body gets coro's "give one of them
// another name" error. Found as `match s { _ => { let r1 = r1 + yield_from!(..); } }`.
// resumes 4
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   -> Yielded(2)
//   -> Complete(101)
//   dropped
// native trace:
//   -> Yielded(2)
//   -> Complete(3)
//   dropped
#[coro::coroutine]
fn shadow_in_bare_block_leaks_out(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let r = 3;
{ let r = yield_!(2); }
r
}
