use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let mut total = 0;
    loop {
        yield_!(total);
        total += undefined_step;
    }
}

fn main() {
    let _ = numbers();
}
