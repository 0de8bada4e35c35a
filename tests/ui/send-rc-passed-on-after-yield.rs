use coro::yield_;
use std::rc::Rc;

fn count(shared: Rc<Vec<u32>>) -> u32 {
    shared.len() as u32
}

#[coro::coroutine]
fn counts() -> impl Iterator<Item = u32> + Send {
    let shared = Rc::new(vec![1, 2]);
    yield_!(0);
    yield_!(count(shared));
}

fn main() {
    std::thread::spawn(move || counts().count());
}
