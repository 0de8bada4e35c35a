use coro::yield_;

#[coro::coroutine]
fn words() -> impl Iterator<Item = &'static str> {
    let s = String::from("hello world");
    yield_!(&s);
}

fn main() {
    let _ = words();
}
