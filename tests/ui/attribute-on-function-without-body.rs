#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32>;

fn main() {}
