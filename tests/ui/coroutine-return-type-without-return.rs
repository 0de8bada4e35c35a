use coro::{yield_, Coroutine};

#[coro::coroutine]
fn adder() -> impl Coroutine<i32, Yield = i32> {
    let mut total = 0;
    while total < 10 {
        total += yield_!(total);
    }
    total
}

fn main() {
    let _ = adder();
}
