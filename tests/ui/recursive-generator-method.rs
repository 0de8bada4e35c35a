use coro::{yield_, yield_from};

struct Range {
    lo: u32,
    hi: u32,
}

impl Range {
    #[coro::coroutine]
    fn halves(&self) -> impl Iterator<Item = u32> + '_ {
        if self.lo < self.hi {
            yield_!(self.lo);
            yield_from!(self.halves());
        }
    }
}

fn main() {
    let r = Range { lo: 0, hi: 2 };
    let _ = r.halves();
}
