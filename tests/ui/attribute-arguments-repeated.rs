#[coro::coroutine(static, static)]
fn twice() -> impl Iterator<Item = u32> {
    coro::yield_!(1);
}

fn main() {}
