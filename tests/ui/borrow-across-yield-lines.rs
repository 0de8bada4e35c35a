use coro::yield_;

#[coro::coroutine]
fn lines_of(path: &str) -> impl Iterator<Item = String> + '_ {
    let text = std::fs::read_to_string(path).unwrap();
    for line in text.lines() {
        yield_!(line.trim().to_string());
    }
}

fn main() {
    let _ = lines_of("notes.txt");
}
