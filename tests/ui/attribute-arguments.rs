use coro::yield_;

#[coro::coroutine(foo)]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
