use coro::yield_from;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_from!(5);
}

fn main() {
    let _ = numbers();
}
