use coro::yield_;
use std::rc::Rc;

#[coro::coroutine]
fn shared(n: u32) -> impl Iterator<Item = u32> + Send {
    let data = Rc::new(n);
    yield_!(*data);
    yield_!(*data + 1);
}

fn main() {
    std::thread::spawn(move || shared(1).count());
}
