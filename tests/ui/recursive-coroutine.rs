use coro::{Coroutine, yield_, yield_from};

#[coro::coroutine]
fn depth(n: u32) -> impl Coroutine<i32, Yield = u32, Return = i32> {
    let got = yield_!(n);
    if n == 0 {
        return got;
    }
    got + yield_from!(depth(n - 1))
}

fn main() {
    let _ = depth(2);
}
