//! `sleep_scheduler`: a port of `tests/python/sleep_scheduler.py`; prints exactly `tests/python/sleep_scheduler.out`.
//!
//! ```python
//! # Seed: 000_b1f4e2afc8d216e4.txt ("Python Async #1: Coroutines Building Blocks"),
//! #       section "Build this" (extend the round-robin Scheduler with a fake
//! #       sleep: sleeping tasks are kept in a heapq min-heap keyed by wake time).
//! # Completed: the exercise solution. sleep() and chatty() are the article's
//! # starter pieces, except that chatty prints its *planned* time (i * delay,
//! # the time at which the line is due) instead of the raw time.monotonic(), so
//! # the output is deterministic; the scheduler really sleeps. Delays are
//! # 0.20 s (A) and 0.30 s (B): prints are due at 0.00/0.20/0.40 and 0.00/0.30,
//! # at least 0.1 s apart, so their order only depends on the wake times. The
//! # whole run takes about 0.6 s. Ties in wake time are broken FIFO by a
//! # sequence number.
//! import heapq
//! import time
//! from collections import deque
//!
//! def sleep(seconds):
//!     yield ("sleep", time.monotonic() + seconds)   # tell the scheduler my wake time
//!
//!
//! def chatty(name, delay, times):
//!     for i in range(times):
//!         print(f"[{i * delay:.2f}] {name} #{i}")   # planned time, not time.monotonic()
//!         yield from sleep(delay)
//!
//!
//! class Scheduler:
//!     def __init__(self):
//!         self.ready = deque()
//!         self.sleeping = []          # min-heap of (wake_time, seq, gen)
//!         self.seq = 0
//!
//!     def add(self, gen):
//!         self.ready.append(gen)
//!
//!     def run(self):
//!         while self.ready or self.sleeping:
//!             if not self.ready:
//!                 # nothing runnable: block until the earliest sleeper is due
//!                 delay = self.sleeping[0][0] - time.monotonic()
//!                 if delay > 0:
//!                     time.sleep(delay)
//!             now = time.monotonic()
//!             while self.sleeping and self.sleeping[0][0] <= now:
//!                 _, _, gen = heapq.heappop(self.sleeping)
//!                 self.ready.append(gen)
//!             if not self.ready:
//!                 continue
//!             gen = self.ready.popleft()
//!             try:
//!                 request = next(gen)     # resume this task until its next yield
//!             except StopIteration:
//!                 continue                # task finished - drop it
//!             if isinstance(request, tuple) and request[0] == "sleep":
//!                 heapq.heappush(self.sleeping, (request[1], self.seq, gen))
//!                 self.seq += 1
//!             else:
//!                 self.ready.append(gen)  # plain yield: back of the line
//!
//!
//! sched = Scheduler()
//! sched.add(chatty("A", 0.20, 3))
//! sched.add(chatty("B", 0.30, 2))
//! sched.run()
//! ```
//!
//! The scheduler is the program's own, as in Python: a ready deque, a min-heap of
//! sleepers keyed by `(wake time, sequence number)` so ties wake FIFO, and a real
//! `thread::sleep` while nothing is runnable. What a task yields is a `Request`: Python's
//! `("sleep", deadline)` tuple, or `Continue` for a bare `yield` (the demo tasks never
//! make one, but the scheduler handles it as Python's does). The lines print their
//! planned times, not clock readings.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::thread;
use std::time::{Duration, Instant};

use coro::{yield_, yield_from};

/// What a task yields to its scheduler.
#[allow(dead_code)] // `Continue` is the bare `yield` the scheduler supports; the demo never uses it
enum Request {
    /// `yield ("sleep", deadline)`: wake me at `deadline`.
    Sleep(Instant),
    /// A bare `yield`: back of the line.
    Continue,
}

type Task = Box<dyn Iterator<Item = Request>>;

#[coro::coroutine]
fn sleep(seconds: f64) -> impl Iterator<Item = Request> {
    // tell the scheduler my wake time
    yield_!(Request::Sleep(
        Instant::now() + Duration::from_secs_f64(seconds)
    ));
}

#[coro::coroutine]
fn chatty(name: &'static str, delay: f64, times: u32) -> impl Iterator<Item = Request> {
    for i in 0..times {
        println!("[{:.2}] {name} #{i}", f64::from(i) * delay); // planned time, not Instant::now()
        yield_from!(sleep(delay));
    }
}

/// A sleeping task in the heap, ordered by wake time, then by when it went to sleep.
struct Sleeper {
    wake: Instant,
    seq: u64,
    task: Task,
}

impl PartialEq for Sleeper {
    fn eq(&self, other: &Self) -> bool {
        (self.wake, self.seq) == (other.wake, other.seq)
    }
}

impl Eq for Sleeper {}

impl PartialOrd for Sleeper {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sleeper {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.wake, self.seq).cmp(&(other.wake, other.seq))
    }
}

#[derive(Default)]
struct Scheduler {
    ready: VecDeque<Task>,
    sleeping: BinaryHeap<Reverse<Sleeper>>, // min-heap of (wake_time, seq, gen)
    seq: u64,
}

impl Scheduler {
    fn add(&mut self, generator: impl Iterator<Item = Request> + 'static) {
        self.ready.push_back(Box::new(generator));
    }

    fn run(&mut self) {
        while !self.ready.is_empty() || !self.sleeping.is_empty() {
            if self.ready.is_empty() {
                // nothing runnable: block until the earliest sleeper is due
                if let Some(Reverse(first)) = self.sleeping.peek() {
                    thread::sleep(first.wake.saturating_duration_since(Instant::now()));
                }
            }
            let now = Instant::now();
            while self.sleeping.peek().is_some_and(|Reverse(s)| s.wake <= now) {
                let Reverse(sleeper) = self.sleeping.pop().unwrap();
                self.ready.push_back(sleeper.task);
            }
            let Some(mut task) = self.ready.pop_front() else {
                continue;
            };
            match task.next() {
                // resume this task until its next yield
                None => continue, // task finished - drop it
                Some(Request::Sleep(wake)) => {
                    self.sleeping.push(Reverse(Sleeper {
                        wake,
                        seq: self.seq,
                        task,
                    }));
                    self.seq += 1;
                }
                Some(Request::Continue) => self.ready.push_back(task), // back of the line
            }
        }
    }
}

fn main() {
    let mut sched = Scheduler::default();
    sched.add(chatty("A", 0.20, 3));
    sched.add(chatty("B", 0.30, 2));
    sched.run();
}
