use coro::{yield_, Coroutine};

fn step() -> i32 {
    1
}

#[coro::coroutine]
fn counter() -> impl Coroutine<Yield = (), Return = i32> {
    let mut x = 0;
    *{
        yield_!(());
        &mut x
    } += step();
    x
}

fn main() {
    let _ = counter();
}
