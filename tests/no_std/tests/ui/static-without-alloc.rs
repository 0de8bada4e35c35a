use coro::yield_;

#[coro::coroutine(static)]
fn words(text: &'static str) -> impl Iterator<Item = &'static str> {
    for w in text.split(' ') {
        yield_!(w);
    }
}

fn main() {
    let _ = words("a b").count();
}
