use coro::yield_;
use std::rc::Rc;

#[coro::coroutine]
fn repeat(text: Rc<str>) -> impl Iterator<Item = String> + Send {
    yield_!(text.to_string());
    yield_!(text.to_uppercase());
}

fn main() {
    std::thread::spawn(move || repeat("a".into()).count());
}
