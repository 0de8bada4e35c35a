// A push parser sent slices of a reused read buffer: no coroutine of coro can be generic
// over the lifetime of what it is sent: the error says why, and what to send instead.
use coro::{Coroutine, yield_};

#[coro::coroutine]
fn parser() -> impl for<'a> Coroutine<&'a [u8], Yield = usize, Return = ()> {
    let mut total = 0;
    loop {
        let chunk = yield_!(total);
        total += chunk.len();
    }
}

fn main() {
    let _ = parser();
}
