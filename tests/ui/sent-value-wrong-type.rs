use coro::{yield_, Coroutine};

#[coro::coroutine]
fn lines() -> impl Coroutine<i32, Yield = usize, Return = ()> {
    let mut len = 0;
    loop {
        let line: String = yield_!(len);
        len = line.len();
    }
}

fn main() {
    let _ = lines();
}
