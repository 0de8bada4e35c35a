use coro::yield_;

#[coro::coroutine]
fn fill(n: u32) -> impl Iterator<Item = usize> + Clone {
    let mut storage = vec![0; 4];
    let buf = &mut storage;
    buf.push(n);
    yield_!(buf.len());
    buf.push(n);
    yield_!(buf.len());
}

fn main() {
    let _ = fill(1).clone();
}
