use coro::yield_;
use std::rc::Rc;

fn both(a: &Rc<u32>, b: u32) -> u32 {
    **a + b
}

#[coro::coroutine]
fn sums() -> impl coro::Coroutine<u32, Yield = u32, Return = u32> + Send {
    both(&Rc::new(1), yield_!(2))
}

fn main() {
    std::thread::spawn(move || {
        let _ = sums();
    });
}
