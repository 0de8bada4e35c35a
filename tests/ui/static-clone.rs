use coro::yield_;

#[coro::coroutine(static)]
fn words(text: String) -> impl Iterator<Item = String> + Clone {
    for w in text.split_whitespace() {
        yield_!(w.to_string());
    }
}

fn main() {
    let _ = words(String::new());
}
