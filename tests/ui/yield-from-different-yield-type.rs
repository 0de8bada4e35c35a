use coro::{yield_, yield_from, Coroutine};

#[coro::coroutine]
fn words() -> impl Coroutine<Yield = &'static str, Return = ()> {
    yield_!("one");
}

#[coro::coroutine]
fn numbers() -> impl Coroutine<Yield = u32, Return = ()> {
    yield_from!(words());
}

fn main() {
    let _ = numbers();
}
