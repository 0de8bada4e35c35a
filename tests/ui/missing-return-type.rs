use coro::yield_;

#[coro::coroutine]
fn numbers() {
    yield_!(1);
}

fn main() {
    numbers();
}
