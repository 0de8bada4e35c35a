use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(0);
    yield 1;
}

fn main() {
    let _ = numbers();
}
