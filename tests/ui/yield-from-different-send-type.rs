use coro::{yield_, yield_from, Coroutine};

#[coro::coroutine]
fn takes_strings() -> impl Coroutine<String, Yield = u32, Return = ()> {
    let s: String = yield_!(1);
    drop(s);
}

#[coro::coroutine]
fn takes_numbers() -> impl Coroutine<u64, Yield = u32, Return = ()> {
    yield_from!(takes_strings());
}

fn main() {
    let _ = takes_numbers();
}
