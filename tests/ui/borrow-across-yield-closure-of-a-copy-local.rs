// A non-`move` closure captures a `Copy` local by reference however it uses it: saved
// across a yield, it would borrow the coroutine's own local.
use coro::yield_;

#[coro::coroutine]
fn steps() -> impl Iterator<Item = u32> {
    let step = 2;
    let next = |x: u32| x + step;
    yield_!(0);
    yield_!(next(1));
}

fn main() {
    let _ = steps();
}
