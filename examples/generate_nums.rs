//! `generate_nums`: a port of `tests/python/generate_nums.py`; prints exactly `tests/python/generate_nums.out`.
//!
//! ```python
//! # Seed: 004_a92c39d6340c7ee3.txt ("Python: Generators, Coroutines, Native
//! #       Coroutines and async/await"), the "generate up to 10 million numbers"
//! #       example ("We didn't dare run after the number hit 9").
//! # Completed: the code is missing from the seed (image); the loop shape comes
//! # from the seed's comment section ("for x in nums: if x > 9: ..."). An
//! # infinite generator is consumed until the number passes 9 (prints 0..10,
//! # breaking after 10 is printed). Near-duplicate of naturals.py (seed 003),
//! # kept because it is a separate program in a separate seed.
//!
//!
//! def generate_nums():
//!     num = 0
//!     while True:
//!         yield num
//!         num = num + 1
//!
//!
//! nums = generate_nums()
//!
//! for x in nums:
//!     print(x)
//!
//!     if x > 9:
//!         break
//! ```

use coro::yield_;

#[coro::coroutine]
fn generate_nums() -> impl Iterator<Item = u64> {
    let mut num = 0;
    loop {
        yield_!(num);
        num += 1;
    }
}

fn main() {
    let nums = generate_nums();

    for x in nums {
        println!("{x}");

        if x > 9 {
            break;
        }
    }
}
