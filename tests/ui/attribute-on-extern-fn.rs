use coro::yield_;

#[coro::coroutine]
extern "C" fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {}
