use coro::{yield_, Coroutine};

#[coro::coroutine]
fn adder() -> impl Coroutine<i32, Return = ()> {
    let mut total = 0;
    loop {
        total += yield_!(total);
    }
}

fn main() {
    let _ = adder();
}
