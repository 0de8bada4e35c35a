use coro::{yield_, yield_from, Coroutine};

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    yield_!(2);
}

#[coro::coroutine]
fn running_total() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut total = 0;
    // A generator is an iterator: it would drop what is sent meanwhile.
    yield_from!(numbers());
    loop {
        total += yield_!(total);
    }
}

#[coro::coroutine]
fn with_a_range() -> impl Coroutine<Result<u32, String>, Yield = u32, Return = ()> {
    yield_from!(0..3);
}

fn main() {
    let _ = running_total();
    let _ = with_a_range();
}
