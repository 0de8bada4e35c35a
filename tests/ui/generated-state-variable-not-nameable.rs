use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    let _ = __coro_state;
}

fn main() {
    let _ = numbers();
}
