use coro::yield_;

#[coro::coroutine]
fn greeting(name: String) -> impl Iterator<Item = &'static str> {
    let s = format!("hello {name}");
    yield_!(s.as_str());
    yield_!("bye");
}

fn main() {
    let _ = greeting(String::new());
}
