use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let next: u32 = yield_!(1);
    yield_!(next);
}

fn main() {
    let _ = numbers().count();
}
