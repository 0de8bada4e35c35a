use coro::{yield_, Coroutine};

#[coro::coroutine]
fn maybe() -> impl Coroutine<u8, Yield = Option<u8>, Return = ()> {
    let first = yield_!(None);
    let _ = first;
    yield_!();
}

fn main() {
    let _ = maybe();
}
