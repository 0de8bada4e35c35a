use coro::{Coroutine, yield_};

#[coro::coroutine]
fn watcher() -> impl Coroutine<Option<u32>, Yield = (), Return = u32> {
    let mut seen = 0;
    while matches!(yield_!(()), Some(_)) {
        seen += 1;
    }
    seen
}

fn main() {
    let _ = watcher();
}
