//! `word_filter`: a port of `tests/python/word_filter.py`; prints exactly `tests/python/word_filter.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       generator "pipe" example: read lines from a dictionary file and find
//! #       those ending in "ion".
//! # Completed: reads the small word list shipped at examples/data/words.txt
//! # instead of /usr/share/dict/words (path resolved relative to this file).
//! # print_step's body was elided and its loop iterated over the global
//! # `filtered_words` instead of its `lines` parameter; fixed to `lines` and the
//! # body prints each word. The final print_step(filtered_words) call is added.
//! # The seed's contrasting non-generator get_words_and_filter_and_print() is
//! # not reproduced (it prints the same words).
//! import os
//!
//! WORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
//!                      '../../examples/data/words.txt')
//!
//!
//! def get_words():
//!     with open(WORDS, 'r') as f:
//!         for line in f:
//!             yield line.strip()
//!
//!
//! def filter_step(lines):
//!     for line in lines:
//!         if (line[-3:] == 'ion'):
//!             yield line
//!
//!
//! def print_step(lines):
//!     for w in lines:
//!         print(w)
//!
//!
//! words = get_words()
//! filtered_words = filter_step(words)
//! print_step(filtered_words)
//! ```
//!
//! `get_words` reads the file lazily, a line per resume, through a `BufReader` the
//! generator owns (Python's `with open(...)`: the file closes when the generator ends or
//! is dropped). The path is resolved from the crate root, as Python's is from the
//! program's own directory.

use std::fs::File;
use std::io::{BufRead, BufReader};

use coro::yield_;

const WORDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/words.txt");

#[coro::coroutine]
fn get_words() -> impl Iterator<Item = String> {
    // The reader is moved into `lines()`: a local reader would be kept to the end of the
    // body, and `lines` takes it by value.
    let lines = BufReader::new(File::open(WORDS).expect("examples/data/words.txt")).lines();
    for line in lines {
        yield_!(line.expect("read words.txt").trim().to_string());
    }
}

#[coro::coroutine]
fn filter_step(lines: impl Iterator<Item = String>) -> impl Iterator<Item = String> {
    for line in lines {
        if line.ends_with("ion") {
            yield_!(line);
        }
    }
}

fn print_step(lines: impl Iterator<Item = String>) {
    for w in lines {
        println!("{w}");
    }
}

fn main() {
    let words = get_words();
    let filtered_words = filter_step(words);
    print_step(filtered_words);
}
