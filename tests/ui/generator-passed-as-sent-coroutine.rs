use coro::{Coroutine, yield_};

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    yield_!(2);
}

fn drive(mut c: impl Coroutine<i32, Yield = u32, Return = ()>) {
    let _ = c.resume(5);
}

fn main() {
    drive(numbers());
}
