use coro::{yield_, Coroutine};

#[coro::coroutine]
fn ticks() -> impl Coroutine {
    yield_!(());
}

fn main() {
    let _ = ticks();
}
