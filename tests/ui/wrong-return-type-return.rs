use coro::{yield_, Coroutine};

#[coro::coroutine]
fn numbers(early: bool) -> impl Coroutine<Yield = u32, Return = String> {
    if early {
        return 42;
    }
    yield_!(1);
    String::from("done")
}

fn main() {
    let _ = numbers(true);
}
