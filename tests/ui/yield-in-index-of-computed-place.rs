use coro::{yield_, Coroutine};

fn slots(v: &mut Vec<u32>) -> &mut Vec<u32> {
    v
}

#[coro::coroutine]
fn fill(mut v: Vec<u32>) -> impl Coroutine<usize, Yield = (), Return = Vec<u32>> {
    slots(&mut v)[yield_!(())] = 1;
    v
}

fn main() {
    let _ = fill(vec![0; 4]);
}
