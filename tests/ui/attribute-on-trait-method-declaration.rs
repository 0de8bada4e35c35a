trait Source {
    #[coro::coroutine]
    fn items(&self) -> impl Iterator<Item = u32>;
}

struct Three;

impl Source for Three {
    #[coro::coroutine]
    fn items(&self) -> impl Iterator<Item = u32> {
        coro::yield_!(3);
    }
}

fn main() {
    let _ = Three.items().count();
}
