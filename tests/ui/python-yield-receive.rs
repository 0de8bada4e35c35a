use coro::Coroutine;

#[coro::coroutine]
fn echo() -> impl Coroutine<i32, Yield = (), Return = ()> {
    let x = yield;
    println!("{x}");
}

fn main() {
    let _ = echo();
}
