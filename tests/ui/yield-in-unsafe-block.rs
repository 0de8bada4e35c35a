use coro::yield_;

#[coro::coroutine]
fn numbers(p: *const u32) -> impl Iterator<Item = u32> {
    unsafe {
        yield_!(*p);
    }
}

fn main() {
    let _ = numbers(&1);
}
