use coro::yield_;

#[coro::coroutine]
fn counter() -> impl Iterator<Item = u32> {
    let count = vec![std::cell::Cell::new(0)];
    let bump = || count[0].set(count[0].get() + 1);
    yield_!(0);
    bump();
    yield_!(count[0].get());
}

fn main() {
    let _ = counter();
}
