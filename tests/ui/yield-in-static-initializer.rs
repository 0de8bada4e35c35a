use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    static N: u32 = yield_!(1);
    yield_!(N);
}

fn main() {
    let _ = numbers();
}
