use coro::{Coroutine, yield_};

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let mut total = 0.0;
    let mut count = 0.0;
    loop {
        let x = yield_!(total / count);
        total += x;
        count += 1.0;
    }
}

fn main() {
    let mut a = averager();
    let _ = a.next();
}
