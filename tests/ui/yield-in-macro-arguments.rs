use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    println!("{}", yield_!(1));
}

fn main() {
    let _ = numbers();
}
