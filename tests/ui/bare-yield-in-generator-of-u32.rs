use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    yield_!();
}

fn main() {
    let _ = numbers();
}
