// A closure created after a `yield_from!` and alive at a later yield: the code after the
// `yield_from!` is emitted twice (copied blocks), so the closure expression has two types
// and the saved state cannot hold both (E0308 "expected closure, found a different
// closure", through `pr::same_slot`, on the attribute and on the `let`).
// resumes 4
#[coro::coroutine]
fn closure_after_yield_from_held_across_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
yield_from!(sub_count(1));
let c = move |a: i32| a;
yield_!(1);
c(1)
}
