use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = (u32, u32)> {
    yield_!(1, 2);
}

fn main() {
    let _ = numbers();
}
