// A `move` closure that captures one field of a local (edition 2021's disjoint captures)
// while another path moves the whole local: coro keeps the local with a drop flag and
// copies the field out where the closure is built, which a `String` field does not allow.
use coro::{Coroutine, yield_};

struct Guard(&'static str);

impl Drop for Guard {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

#[coro::coroutine]
fn named(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let u = (Guard("u"), String::from("name"));
    if p > 2 {
        let c = move || u.1.len();
        println!("{}", c());
    } else {
        let (g, name) = u;
        drop((g, name));
    }
    yield_!(7);
    0
}

fn main() {
    let _ = named(1);
}
