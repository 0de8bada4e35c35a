use coro::{yield_, Coroutine};

fn shout(line: String) -> String {
    line.to_uppercase()
}

#[coro::coroutine]
fn lines() -> impl Coroutine<i32, Yield = String, Return = ()> {
    let mut out = String::new();
    loop {
        out = shout(yield_!(out));
    }
}

fn main() {
    let _ = lines();
}
