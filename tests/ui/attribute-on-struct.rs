#[coro::coroutine]
struct NotAFunction {
    x: u32,
}

fn main() {}
