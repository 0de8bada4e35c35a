// The generated state enum is an item, and `Span::mixed_site()` does not hide items:
// the body can name it today. Expected: error[E0433] "cannot find `__CoroState`".
use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
    let _ = __CoroState::Returned;
}

fn main() {
    let _ = numbers();
}
