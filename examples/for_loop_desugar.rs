//! `for_loop_desugar`: a port of `tests/python/for_loop_desugar.py`; prints exactly `tests/python/for_loop_desugar.out`.
//!
//! ```python
//! # Seed: 002_794ae764a3d6ba8f.txt ("Coroutines in Python", Robin Siwach),
//! #       opening section "Just a quick overview of how a for loop works in Python".
//! # Completed: both code blocks are missing from the seed (images). Reconstructed
//! # as the text describes: a for loop over a list, and the equivalent
//! # iter()/next() loop that stops when StopIteration is raised.
//!
//! numbers = [1, 2, 3]
//!
//! for number in numbers:
//!     print(number)
//!
//! # The code above is equivalent to the code below:
//! iterator = iter(numbers)
//! while True:
//!     try:
//!         number = next(iterator)
//!     except StopIteration:
//!         break
//!     print(number)
//! ```
//!
//! No generator here: the program shows the iterator protocol that generators plug into.
//! Rust's `for` loop desugars the same way, with `Iterator::next` returning `None` where
//! Python raises `StopIteration`.

fn main() {
    let numbers = [1, 2, 3];

    for number in numbers {
        println!("{number}");
    }

    // The code above is equivalent to the code below:
    let mut iterator = numbers.into_iter();
    #[allow(clippy::while_let_loop)] // spelled out on purpose: this is what `for` does
    loop {
        let number = match iterator.next() {
            Some(number) => number,
            None => break, // Python: except StopIteration
        };
        println!("{number}");
    }
}
