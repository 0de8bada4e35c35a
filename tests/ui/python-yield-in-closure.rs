use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let emit = |n: u32| yield n;
    yield_!(1);
    emit(2);
}

fn main() {
    let _ = numbers();
}
