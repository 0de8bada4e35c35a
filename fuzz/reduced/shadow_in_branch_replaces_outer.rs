// A `let` in one branch of an `if` whose other branch yields, shadowing an outer guard:
// coro treats it as a new value of the outer local, so the outer guard is dropped when the
// inner one is bound and the inner one lives to the outer's scope end. rustc drops `hb` at
// the end of the branch and `h` at the end of the body. Same cause as
// shadow_in_bare_block_leaks_out.rs (there a wrong value; here a wrong drop order).
// resumes 4
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: different
// coro trace:
//   drop h
//   drop hb
//   -> Complete(0)
//   dropped
// native trace:
//   drop hb
//   drop h
//   -> Complete(0)
//   dropped
#[coro::coroutine]
fn shadow_in_branch_replaces_outer(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let h = Guard("h");
if p > 5 { yield_!(1); } else { let h = Guard("hb"); }
0
}
