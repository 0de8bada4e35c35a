use coro::{Coroutine, yield_, yield_from};

#[coro::coroutine]
fn inner() -> impl Coroutine<(), Yield = u32, Return = u32> {
    yield_!(1);
    7
}

#[coro::coroutine]
fn outer() -> impl Iterator<Item = u32> {
    let total: String = yield_from!(inner());
    yield_!(total.len() as u32);
}

fn main() {
    let _ = outer();
}
