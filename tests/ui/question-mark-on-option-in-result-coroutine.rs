use coro::{Coroutine, yield_};

#[coro::coroutine]
fn first_word(text: String) -> impl Coroutine<(), Yield = String, Return = Result<(), String>> {
    let word = text.split_whitespace().next()?;
    yield_!(word.to_string());
    Ok(())
}

fn main() {
    let _ = first_word(String::new());
}
