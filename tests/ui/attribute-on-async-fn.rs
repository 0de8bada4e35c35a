use coro::yield_;

#[coro::coroutine]
async fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {}
