use coro::yield_;
use std::cell::RefCell;

#[coro::coroutine]
fn drain(queue: &'static RefCell<Vec<u32>>) -> impl Iterator<Item = u32> + Send {
    while let Some(x) = queue.borrow_mut().pop() {
        yield_!(x);
    }
}

fn main() {
    let _ = drain;
}
