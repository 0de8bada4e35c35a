use coro::yield_from;

fn not_a_coroutine() {
    yield_from!(0..3);
}

fn main() {
    not_a_coroutine();
}
