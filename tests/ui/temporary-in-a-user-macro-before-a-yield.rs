// A user macro's expansion is unknown to coro: what its arguments make may be kept by
// Rust to the end of the statement, past the yield after it.
use coro::yield_;

struct Guard;
impl Guard {
    fn v(&self) -> u32 {
        1
    }
}
impl Drop for Guard {
    fn drop(&mut self) {}
}

macro_rules! twice {
    ($e:expr) => {
        $e + $e
    };
}

fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[coro::coroutine]
fn sums() -> impl Iterator<Item = u32> {
    let n = 2;
    // A place or arithmetic in the arguments makes no value: accepted.
    yield_!(add(twice!(n + 1), yield_!(0)));
    yield_!(add(twice!(Guard.v()), yield_!(0)));
}

fn main() {
    let _ = sums();
}
