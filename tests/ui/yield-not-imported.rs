// The first error is on the user's `yield_`, as for any missing macro. Stable rustc (1.95)
// offers no "consider importing this macro" for a macro of another crate, with or without
// the attribute; nightly (1.97) offers `use coro::yield_;` here too, because the expansion
// calls the user's own path (checked by hand: default, static and cfg'd bodies).
#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

fn main() {
    let _ = numbers();
}
