use coro::yield_;

#[coro::coroutine]
fn inner() -> impl Iterator<Item = u32> {
    yield_!(1);
}

#[coro::coroutine]
fn outer() -> impl Iterator<Item = u32> {
    yield_from!(inner());
}

fn main() {
    let _ = outer();
}
