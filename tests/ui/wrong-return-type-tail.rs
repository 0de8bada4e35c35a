use coro::{yield_, Coroutine};

#[coro::coroutine]
fn numbers() -> impl Coroutine<Yield = u32, Return = String> {
    yield_!(1);
    42
}

fn main() {
    let _ = numbers();
}
