use coro::{yield_, Coroutine};

#[coro::coroutine]
fn names(flag: bool) -> impl Coroutine<Yield = (), Return = usize> {
    let mut name;
    if flag {
        name = String::from("first");
    }
    yield_!(());
    name = String::from("second");
    name.len()
}

fn main() {
    let _ = names(true);
}
