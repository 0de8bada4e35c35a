use coro::{yield_, yield_from};

#[coro::coroutine(static)]
fn countdown(n: u32) -> impl Iterator<Item = u32> {
    if n > 0 {
        yield_!(n);
        yield_from!(countdown(n - 1));
    }
}

fn main() {
    let _ = countdown(3);
}
