use coro::{yield_, Coroutine};

// A guard that suspends runs once per alternative of an or-pattern that matches: coro
// asks for one arm per alternative.
#[coro::coroutine]
fn numbers(x: Option<u32>) -> impl Coroutine<bool, Yield = u32, Return = ()> {
    match x {
        Some(1 | 2) if yield_!(0) => {}
        _ => {}
    }
}

fn main() {
    let _ = numbers(Some(1));
}
