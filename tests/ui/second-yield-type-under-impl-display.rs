use coro::yield_;
use std::fmt::Display;

#[coro::coroutine]
fn mixed() -> impl Iterator<Item = impl Display> {
    yield_!(1);
    yield_!("two");
}

fn main() {
    let _ = mixed();
}
