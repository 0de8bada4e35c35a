use coro::{yield_, yield_from};

// Defined outside the coroutine, called in its body: the attribute lowers the body before
// `twice!` expands, so these never become suspension points.
macro_rules! twice {
    ($v:expr) => {
        yield_!($v);
        yield_from!([$v]);
    };
}

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    twice!(1);
}

fn main() {
    let _ = numbers();
}
