use coro::yield_;

async fn later() -> u32 {
    1
}

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let n = later().await;
    yield_!(n);
}

fn main() {
    let _ = numbers();
}
