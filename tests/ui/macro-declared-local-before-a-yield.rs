// A local declared by a `macro_rules!` of the body lives to the end of its block, which
// the default flavour cannot see before the macro expands.
use coro::yield_;

struct Guard;
impl Drop for Guard {
    fn drop(&mut self) {}
}

#[coro::coroutine]
fn guarded() -> impl Iterator<Item = u32> {
    macro_rules! scope_guard {
        () => {
            let _g = Guard;
        };
    }
    macro_rules! make_guard {
        () => {
            Guard
        };
    }
    // A macro that only gives a value: accepted.
    let _kept = make_guard!();
    scope_guard!();
    yield_!(1);
}

fn main() {
    let _ = guarded();
}
