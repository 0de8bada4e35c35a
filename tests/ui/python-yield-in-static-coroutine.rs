#[coro::coroutine(static)]
fn words(text: String) -> impl Iterator<Item = String> {
    for w in text.split_whitespace() {
        yield w.to_uppercase();
    }
}

fn main() {
    let _ = words("to be".into()).count();
}
