//! Creating and running coroutines performs no heap allocation: the state machine is a
//! plain value. A counting global allocator (per test binary, hence its own file) counts
//! the allocations made by the current thread while a closure runs, so the test harness's
//! own allocations on other threads (and before/after the measured code) do not count.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_, yield_from};

struct CountingAllocator;

thread_local! {
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn note_allocation() {
    // `try_with`: the allocator can be called while thread-locals are being destroyed.
    let _ = MEASURING.try_with(|m| {
        if m.get() {
            let _ = ALLOCATIONS.try_with(|a| a.set(a.get() + 1));
        }
    });
}

// SAFETY: every call is forwarded to `System` unchanged; the bookkeeping only touches
// const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        note_allocation();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        note_allocation();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Runs `f` and returns its result with the number of allocations this thread made in it.
fn count_allocations<R>(f: impl FnOnce() -> R) -> (R, usize) {
    ALLOCATIONS.with(|a| a.set(0));
    MEASURING.with(|m| m.set(true));
    let r = f();
    MEASURING.with(|m| m.set(false));
    (r, ALLOCATIONS.with(Cell::get))
}

// ---------------------------------------------------------------------------------------
// The coroutines measured. Nothing in them allocates by itself: no println!, format!, Vec.

#[coro::coroutine]
fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
}

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
    let (mut total, mut count) = (0.0, 0);
    let mut average = None;
    loop {
        let value = yield_!(average);
        total += value;
        count += 1;
        average = Some(total / count as f64);
    }
}

#[coro::coroutine]
fn producer(n: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let mut sum = 0;
    for i in 0..n {
        sum += i;
        yield_!(i);
    }
    sum
}

#[coro::coroutine]
fn delegator() -> impl Coroutine<Yield = u64, Return = u64> {
    let a = yield_from!(producer(3));
    let b = yield_from!(producer(4));
    yield_from!([100, 200]);
    a + b
}

#[coro::coroutine]
fn squares(lo: u64, hi: u64) -> impl Iterator<Item = u64> {
    for i in lo..hi {
        yield_!(i * i);
    }
}

#[test]
fn the_counter_sees_allocations() {
    // Without this, "zero allocations" below could come from a counter that never counts.
    let (b, n) = count_allocations(|| black_box(Box::new(black_box(5u64))));
    assert_eq!(n, 1);
    assert_eq!(*b, 5);
    let (v, n) = count_allocations(|| {
        let mut v = Vec::with_capacity(black_box(1));
        v.extend_from_slice(&[1u8, 2]); // grows: a realloc
        v
    });
    assert_eq!(n, 2);
    assert_eq!(v, [1, 2]);
}

#[test]
fn creating_and_running_coroutines_does_not_allocate() {
    let (results, allocations) = count_allocations(|| {
        // countdown
        let mut sum = 0;
        for x in countdown(black_box(5)) {
            sum += x;
        }

        // averager, with sends
        let mut avg = averager();
        let primed = avg.resume(black_box(0.0));
        let _ = avg.resume(10.0);
        let last = avg.resume(black_box(20.0));

        // yield_from delegation
        let mut d = delegator();
        let mut yielded = 0;
        let returned = loop {
            match d.resume(()) {
                Yielded(y) => yielded += y,
                Complete(r) => break r,
            }
        };

        // a for loop over a range
        let mut sq = 0;
        for s in squares(black_box(1), black_box(4)) {
            sq += s;
        }

        // Moving suspended coroutines around is free too.
        let mut c = countdown(3);
        let first = c.next();
        let mut moved = black_box(c);
        let second = moved.next();

        (sum, primed, last, yielded, returned, sq, first, second)
    });
    assert_eq!(allocations, 0);
    let (sum, primed, last, yielded, returned, sq, first, second) = results;
    assert_eq!(sum, 15);
    assert_eq!(primed, Yielded(None));
    assert_eq!(last, Yielded(Some(15.0)));
    // producer(3) yields 0+1+2, producer(4) 0+1+2+3, then 100 and 200.
    assert_eq!(yielded, 3 + 6 + 300);
    assert_eq!(returned, 3 + 6);
    assert_eq!(sq, 1 + 4 + 9);
    assert_eq!((first, second), (Some(3), Some(2)));
}

/// The static flavour's body borrows its own locals, so it lives in one allocation made
/// when the coroutine is created; resuming it, delegating to it and dropping it make none.
#[coro::coroutine(static)]
fn static_words(text: String) -> impl Coroutine<Yield = u64, Return = u64> {
    let owned = text;
    let mut count = 0;
    for w in owned.split_whitespace() {
        count += 1;
        yield_!(w.len() as u64);
    }
    count + yield_from!(producer(2))
}

#[test]
fn a_static_coroutine_allocates_once_when_created() {
    let text = String::from("one two three");
    let (mut c, created) = count_allocations(|| static_words(black_box(text)));
    assert_eq!(created, 1);
    let (states, running) = count_allocations(|| {
        let mut states = Vec::with_capacity(8);
        loop {
            let state = c.resume(());
            let done = state.is_complete();
            states.push(state);
            if done {
                break states;
            }
        }
    });
    // The Vec's one allocation.
    assert_eq!(running, 1);
    assert_eq!(
        states,
        [
            Yielded(3),
            Yielded(3),
            Yielded(5),
            Yielded(0),
            Yielded(1),
            Complete(4)
        ]
    );
    let ((), dropped) = count_allocations(|| drop(c));
    assert_eq!(dropped, 0);
}
