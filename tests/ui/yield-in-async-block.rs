use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    let fut = async {
        yield_!(1);
    };
    drop(fut);
    yield_!(2);
}

fn main() {
    let _ = numbers();
}
