use coro::yield_;

#[coro::coroutine]
fn numbers() -> Vec<u32> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
