use coro::yield_;

// A body with a `#[cfg]` is lowered after rustc has evaluated it (through a derive); the
// errors still point at the user's tokens.
#[coro::coroutine]
fn numbers() -> impl Iterator<Item = u32> {
    #[cfg(all())]
    let v = 1;
    #[cfg(any())]
    let v = 2;
    let f = || yield_!(v);
    f();
}

fn main() {
    let _ = numbers();
}
