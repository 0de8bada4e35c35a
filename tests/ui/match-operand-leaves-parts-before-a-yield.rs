// A `match` used as an operand before a yield, on a new value, whose pattern moves one
// part and leaves another: Rust keeps the part left to the end of the statement.
use coro::yield_;

struct Guard;
impl Drop for Guard {
    fn drop(&mut self) {}
}

fn add(a: u32, b: u32) -> u32 {
    a + b
}

#[coro::coroutine]
fn sums() -> impl Iterator<Item = u32> {
    // Every part bound in every arm, nothing moved, or a literal's type: accepted.
    yield_!(add(match (Guard, 1) { (g, n) => { drop(g); n } }, yield_!(0)));
    yield_!(add(match (Guard, 1) { (_, 0) => 0, _ => 1 }, yield_!(0)));
    yield_!(add(match Some(Guard) { Some(g) => { drop(g); 1 } None => 0 }, yield_!(0)));
    yield_!(add(match add(1, 2) { 0 => 0, n => n }, yield_!(0)));
    // A part left, by the arm that moves or by another.
    yield_!(add(match (Guard, 1) { (_, n) => n }, yield_!(0)));
    yield_!(add(match Some(Guard) { Some(g) => { drop(g); 1 } _ => 0 }, yield_!(0)));
}

fn main() {
    let _ = sums();
}
