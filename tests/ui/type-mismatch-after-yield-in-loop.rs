use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let mut total: u32 = 0;
    for i in 0..3u32 {
        yield_!(i);
        let label: String = total;
        total += i;
        drop(label);
    }
}

fn main() {
    let _ = numbers();
}
