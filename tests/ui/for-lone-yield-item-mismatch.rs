// A `for` whose body only yields is resumed in place, typed before the iterator's type is
// known: an item type that does not fit `Yield` is reported at the operand, as for any
// yield, and at the iterable, which says which iterator yields what.
use coro::yield_;

#[coro::coroutine]
fn names(v: Vec<String>) -> impl Iterator<Item = u64> {
    for x in v {
        yield_!(x)
    }
}

fn main() {
    let _ = names(Vec::new());
}
