// syn (which the attribute parses the function with) reads `break 'a ::path` as the
// labelled loop `break 'a: ..`; rustc accepts it. The message says what to write.
use coro::{Coroutine, yield_};

#[coro::coroutine]
fn limit() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    yield_!(1);
    'a: loop {
        break 'a ::std::primitive::i32::MAX;
    }
}

fn main() {
    let _ = limit();
}
