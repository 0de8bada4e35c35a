// A local used as the receiver of a method coro does not know takes `self` is kept to the
// end of its scope (as Rust keeps a borrowed one): when the method does take it, rustc
// reports the move instead of coro dropping the local early in silence. Write
// `{reader}.consume()` to move it explicitly.
use coro::yield_;

struct Reader(Vec<u32>);

impl Reader {
    fn consume(self) -> Vec<u32> {
        self.0
    }
}

#[coro::coroutine]
fn numbers(reader: Reader) -> impl Iterator<Item = u32> {
    for x in reader.consume() {
        yield_!(x);
    }
}

#[coro::coroutine]
fn numbers_moved_explicitly(reader: Reader) -> impl Iterator<Item = u32> {
    for x in { reader }.consume() {
        yield_!(x);
    }
}

fn main() {
    let _ = numbers(Reader(vec![1]));
    let _ = numbers_moved_explicitly(Reader(vec![1]));
}
