use coro::{yield_, Coroutine};

#[coro::coroutine]
fn numbers() -> impl Coroutine<Yield = u32, Return = ()> {
    yield_!(1);
}

fn main() {
    let mut g = numbers();
    let _ = g.resume(5);
}
