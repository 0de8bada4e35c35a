use coro::yield_;

#[coro::coroutine]
fn drain(v: &mut Vec<u32>) -> impl Iterator<Item = u32> + Clone {
    while let Some(x) = v.pop() {
        yield_!(x);
    }
}

fn main() {
    let mut v = vec![1, 2];
    let _ = drain(&mut v).clone();
}
