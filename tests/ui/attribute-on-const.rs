#[coro::coroutine]
const NOT_A_FUNCTION: u32 = 1;

fn main() {}
