use coro::{yield_, Coroutine};

#[coro::coroutine]
fn points() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut sum = 0;
    loop {
        let (x, y): (u32, u32) = yield_!(sum);
        sum = x + y;
    }
}

fn main() {
    let _ = points();
}
