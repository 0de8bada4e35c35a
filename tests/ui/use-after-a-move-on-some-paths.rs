// A local moved on some paths gets a drop flag only where every later read is on a path
// that did not move it: a read after a possible move stays rustc's error, as natively.
use coro::yield_;

struct Guard;

fn consume(_: Guard) {}
fn look(_: &Guard) {}

#[coro::coroutine]
fn reads_after_a_move(c: bool) -> impl Iterator<Item = u32> {
    let g = Guard;
    if c {
        consume(g);
    }
    look(&g);
    yield_!(1);
}

#[coro::coroutine]
fn reads_after_a_loop_left_by_a_move(c: bool) -> impl Iterator<Item = u32> {
    let g = Guard;
    loop {
        if c {
            consume(g);
            break;
        }
    }
    look(&g);
    yield_!(1);
}

fn main() {
    let _ = reads_after_a_move(true);
    let _ = reads_after_a_loop_left_by_a_move(true);
}
