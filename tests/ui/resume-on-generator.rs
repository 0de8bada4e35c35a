use coro::{Coroutine, yield_};

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    yield_!(2);
}

fn main() {
    let mut g = numbers();
    g.resume(5);
}
