use coro::{Coroutine, yield_};
use std::cell::RefCell;
use std::rc::Rc;

#[coro::coroutine]
fn log(out: Vec<String>) -> impl Coroutine<String, Yield = (), Return = Vec<String>> + Send {
    let lines = Rc::new(RefCell::new(out));
    loop {
        let line = yield_!(());
        if line.is_empty() {
            break;
        }
        lines.borrow_mut().push(line);
    }
    lines.take()
}

fn main() {
    let _ = log(Vec::new());
}
