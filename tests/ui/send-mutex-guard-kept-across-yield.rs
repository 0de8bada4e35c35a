use coro::yield_;
use std::sync::Mutex;

static COUNTER: Mutex<u32> = Mutex::new(0);

#[coro::coroutine]
fn tick() -> impl Iterator<Item = u32> + Send {
    let mut guard = COUNTER.lock().unwrap();
    *guard += 1;
    yield_!(*guard);
}

fn main() {
    std::thread::spawn(move || tick().count());
}
