// `let d;` assigned after a yield (or from one): a documented limit, but reported as
// rustc's E0384/E0381 on the attribute, not as coro's own message saying what to write.
// resumes 3
#[coro::coroutine]
fn deferred_init_assigned_after_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
let d;
d = yield_!(1);
d
}
