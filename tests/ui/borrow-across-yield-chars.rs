use coro::yield_;

#[coro::coroutine]
fn letters(word: &str) -> impl Iterator<Item = char> + '_ {
    let text = word.to_uppercase();
    for c in text.chars() {
        yield_!(c);
    }
}

fn main() {
    let _ = letters("abc");
}
