use coro::yield_;

#[coro::coroutine]
fn windows(n: u8) -> impl Iterator<Item = &'static [u8]> {
    let buf: Vec<u8> = (0..n).collect();
    yield_!(&buf[1..]);
}

fn main() {
    let _ = windows(3);
}
