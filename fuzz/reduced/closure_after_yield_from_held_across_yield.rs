// A closure created after a `yield_from!` and alive at a later yield: the code after the
// `yield_from!` is emitted twice (copied blocks), so the closure expression has two types
// and the saved state cannot hold both (E0308 "expected closure, found a different
// closure", through `pr::same_slot`, on the attribute and on the `let`).
// resumes 4
// -- what each compiler makes of it (fuzz.py --check --annotate):
// outcome: coro_rejected
// coro's error:
//   error[E0308]: mismatched types
//      --> src/main.rs:103:5
//       |
//   103 | let c = move |a: i32| a;
//       |     ^   -------------
//       |     |   |
//       |     |   the expected closure
//       |     |   the found closure
//       |     expected closure, found a different closure
//       |
//       = note: expected closure `{closure@src/main.rs:103:9: 103:22}`
//                  found closure `{closure@src/main.rs:103:9: 103:22}`
//       = note: no two closures, even if identical, have the same type
//       = help: consider boxing your closure and/or using it as a trait object
// native trace:
//   -> Yielded(0)
//   sub_count got 101
//   -> Yielded(1)
//   -> Complete(1)
//   dropped
#[coro::coroutine]
fn closure_after_yield_from_held_across_yield(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
yield_from!(sub_count(1));
let c = move |a: i32| a;
yield_!(1);
c(1)
}
