#[coro::coroutine]
fn ticks() -> impl Iterator<Item = ()> {
    yield;
}

fn main() {
    let _ = ticks();
}
