use coro::{yield_, Coroutine};

#[coro::coroutine]
fn lines() -> impl Coroutine<i32, Yield = usize, Return = ()> {
    let mut len = 0;
    loop {
        len = yield_!(len).chars().count();
    }
}

fn main() {
    let _ = lines();
}
