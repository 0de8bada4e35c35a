use coro::Coroutine;

trait Stage {
    #[coro::coroutine]
    fn run(self) -> impl Coroutine<u32, Yield = u32, Return = ()>;
}

struct Double;

impl Stage for Double {
    #[coro::coroutine]
    fn run(self) -> impl Coroutine<u32, Yield = u32, Return = ()> {
        let mut x = 0;
        loop {
            x = coro::yield_!(x * 2);
        }
    }
}

fn main() {
    let mut c = Double.run();
    let _ = c.resume(1);
}
