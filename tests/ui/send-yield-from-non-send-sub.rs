use coro::{yield_, yield_from};
use std::rc::Rc;

#[coro::coroutine]
fn inner(shared: Rc<u32>) -> impl Iterator<Item = u32> {
    yield_!(*shared);
}

#[coro::coroutine]
fn outer() -> impl Iterator<Item = u32> + Send {
    yield_from!(inner(Rc::new(1)));
    yield_!(2);
}

fn main() {
    std::thread::spawn(move || outer().count());
}
