use coro::yield_;

fn not_a_coroutine() -> u32 {
    yield_!(1);
    0
}

fn main() {
    not_a_coroutine();
}
