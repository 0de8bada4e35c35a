use coro::yield_;

#[coro::coroutine]
fn numbers(s: &'static str) -> impl Iterator<Item = u32> {
    let n: u32 = s.parse()?;
    yield_!(n);
}

fn main() {
    let _ = numbers("1");
}
