//! `chain`: a port of `tests/python/chain.py`; prints exactly `tests/python/chain.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       section "Composing generators: yield from".
//! # Completed: nothing needed; the snippet is complete as published.
//!
//!
//! def chain(*iterables):
//!     for it in iterables:
//!         yield from it           # yield every item of `it`, one by one
//!
//!
//! print(list(chain([1, 2], (3, 4), "ab")))   # [1, 2, 3, 4, 'a', 'b']
//! ```
//!
//! Python's `chain(*iterables)` takes a list, a tuple and a string at once, and the
//! result mixes ints and one-character strings. Rust needs one item type, so the items
//! are a small `Value` enum whose `Display` is Python's `repr`, and the iterables are
//! boxed iterators over it. `yield_from!` accepts any `IntoIterator` when nothing is
//! sent, exactly like `yield from it`.

use std::fmt;

use coro::yield_from;

/// A Python object as the program uses it: an int or a one-character string.
enum Value {
    Int(i64),
    Char(char),
}

impl fmt::Display for Value {
    /// Python's `repr`, as `print(list)` shows the items.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(i) => write!(f, "{i}"),
            Value::Char(c) => write!(f, "'{c}'"),
        }
    }
}

#[coro::coroutine]
fn chain(iterables: Vec<Box<dyn Iterator<Item = Value>>>) -> impl Iterator<Item = Value> {
    for it in iterables {
        yield_from!(it); // yield every item of `it`, one by one
    }
}

/// Python's `print(list)`: `[a, b, c]` with each item's `repr`.
fn print_list(items: &[Value]) {
    let items: Vec<String> = items.iter().map(Value::to_string).collect();
    println!("[{}]", items.join(", "));
}

fn main() {
    let list = [1, 2].into_iter().map(Value::Int);
    let tuple = (3, 4);
    let tuple = [tuple.0, tuple.1].into_iter().map(Value::Int);
    let string = "ab".chars().map(Value::Char);
    let all: Vec<Value> = chain(vec![Box::new(list), Box::new(tuple), Box::new(string)]).collect();
    print_list(&all); // [1, 2, 3, 4, 'a', 'b']
}
