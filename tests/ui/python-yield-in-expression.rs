use coro::Coroutine;

#[coro::coroutine]
fn running_total() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut total = 0;
    loop {
        total += (yield total) * 2;
    }
}

fn main() {
    let _ = running_total();
}
