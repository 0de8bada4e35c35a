use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    macro_rules! twice {
        ($v:expr) => {
            yield_!($v);
            yield_!($v);
        };
    }
    twice!(1);
}

fn main() {
    let _ = numbers();
}
