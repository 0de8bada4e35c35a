#[coro::coroutine]
fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    while n > 0 {
        yield n;
        n -= 1;
    }
}

fn main() {
    let _ = countdown(3).count();
}
