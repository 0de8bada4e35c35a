// A struct cannot name a coroutine's type as `impl Iterator<..>` (E0562). What to write
// instead: a type parameter (`struct Reader<I: Iterator<Item = u32>> { source: I }`) or a
// trait object (`Box<dyn Iterator<Item = u32>>`, `Box<dyn coro::DynCoroutine<S, Yield =
// Y, Return = R>>`); the README's "Storing a coroutine in a struct" shows both.
use coro::yield_;

#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    yield_!(1);
}

struct Reader {
    source: impl Iterator<Item = u32>,
}

fn main() {
    let _ = Reader { source: numbers() };
}
