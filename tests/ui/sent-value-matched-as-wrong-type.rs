use coro::{yield_, Coroutine};

#[coro::coroutine]
fn commands() -> impl Coroutine<i32, Yield = (), Return = ()> {
    loop {
        match yield_!(()) {
            "quit" => return,
            _ => {}
        }
    }
}

fn main() {
    let _ = commands();
}
