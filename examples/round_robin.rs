//! `round_robin`: a port of `tests/python/round_robin.py`; prints exactly `tests/python/round_robin.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       section "The punchline: a generator scheduler".
//! # Completed: nothing needed; the program is complete as published and its
//! # output matches the article.
//! from collections import deque
//!
//!
//! def task(name, steps):
//!     for i in range(1, steps + 1):
//!         print(f"{name}: step {i}")
//!         yield                       # "pause me, let someone else have a turn"
//!
//!
//! class Scheduler:
//!     def __init__(self):
//!         self.ready = deque()
//!
//!     def add(self, gen):
//!         self.ready.append(gen)
//!
//!     def run(self):
//!         while self.ready:
//!             gen = self.ready.popleft()
//!             try:
//!                 next(gen)               # resume this task until its next yield
//!             except StopIteration:
//!                 pass                    # task finished - drop it
//!             else:
//!                 self.ready.append(gen)  # not done - send it to the back of the line
//!
//!
//! sched = Scheduler()
//! sched.add(task("A", 3))
//! sched.add(task("B", 2))
//! sched.run()
//! ```
//!
//! The scheduler is the program's own, as in Python: a deque of generators, each
//! advanced with `next()` and sent to the back unless it has finished. The generators are
//! boxed so that any generator of `()` can be added. (`coro::scheduler::Scheduler` is
//! this loop grown up: see `system_calls` and `tour`.)

use std::collections::VecDeque;

use coro::yield_;

#[coro::coroutine]
fn task(name: &'static str, steps: u32) -> impl Iterator<Item = ()> {
    for i in 1..=steps {
        println!("{name}: step {i}");
        yield_!(); // "pause me, let someone else have a turn"
    }
}

#[derive(Default)]
struct Scheduler {
    ready: VecDeque<Box<dyn Iterator<Item = ()>>>,
}

impl Scheduler {
    fn add(&mut self, generator: impl Iterator<Item = ()> + 'static) {
        self.ready.push_back(Box::new(generator));
    }

    fn run(&mut self) {
        while let Some(mut generator) = self.ready.pop_front() {
            // resume this task until its next yield
            if generator.next().is_some() {
                self.ready.push_back(generator); // not done - send it to the back of the line
            }
            // else: task finished - drop it
        }
    }
}

fn main() {
    let mut sched = Scheduler::default();
    sched.add(task("A", 3));
    sched.add(task("B", 2));
    sched.run();
}
