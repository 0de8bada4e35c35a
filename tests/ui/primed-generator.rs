use coro::yield_;

#[coro::coroutine(primed)]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    yield_!(2);
}

fn main() {
    let _ = numbers().count();
}
