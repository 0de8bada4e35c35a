//! Helpers shared by the `lowering_*` integration tests: a shared event log, a guard that
//! logs its drop, a drop counter, and drivers that run a coroutine and record every
//! `CoroutineState` it produces.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::fmt::Debug;
use std::rc::Rc;

use coro::{Coroutine, CoroutineState};

/// An ordered log of events, shared between a test and the coroutine it drives.
#[derive(Clone, Default)]
pub struct Log(Rc<RefCell<Vec<String>>>);

impl Log {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends an event.
    pub fn push(&self, event: impl Into<String>) {
        self.0.borrow_mut().push(event.into());
    }

    /// Appends an event and returns `value`: a side effect inside an expression.
    pub fn side<T>(&self, event: &str, value: T) -> T {
        self.push(event);
        value
    }

    /// Takes every event logged so far.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.borrow_mut())
    }

    /// A guard that logs `drop <name>` when it is dropped.
    pub fn guard(&self, name: &str) -> Guard {
        Guard {
            name: name.to_string(),
            log: self.clone(),
        }
    }

    /// How many `Log` handles exist (the test's own one included).
    pub fn handles(&self) -> usize {
        Rc::strong_count(&self.0)
    }
}

/// Logs `drop <name>` into its log when dropped.
#[derive(Debug)]
pub struct Guard {
    pub name: String,
    log: Log,
}

impl Debug for Log {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.borrow().iter()).finish()
    }
}

impl Guard {
    /// Looks at the guard without moving it.
    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        self.log.push(format!("drop {}", self.name));
    }
}

/// Counts how many `Counted` values were dropped.
#[derive(Clone, Default)]
pub struct DropCounter(Rc<Cell<usize>>);

impl DropCounter {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn make(&self, value: i32) -> Counted {
        Counted {
            value,
            drops: self.clone(),
        }
    }
    pub fn get(&self) -> usize {
        self.0.get()
    }
}

#[derive(Debug)]
pub struct Counted {
    pub value: i32,
    drops: DropCounter,
}

impl Debug for DropCounter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DropCounter({})", self.0.get())
    }
}

impl Drop for Counted {
    fn drop(&mut self) {
        self.drops.0.set(self.drops.0.get() + 1);
    }
}

/// Resumes `c` once per value of `sends` (stopping after a `Complete`), and returns every
/// state it produced.
pub fn drive<C, S>(
    c: &mut C,
    sends: impl IntoIterator<Item = S>,
) -> Vec<CoroutineState<C::Yield, C::Return>>
where
    C: Coroutine<S>,
{
    let mut out = Vec::new();
    for s in sends {
        let state = c.resume(s);
        let done = state.is_complete();
        out.push(state);
        if done {
            break;
        }
    }
    out
}

/// Resumes a `Coroutine<()>` until it completes (at most 10 000 times), and returns every
/// state it produced.
pub fn run<C: Coroutine>(mut c: C) -> Vec<CoroutineState<C::Yield, C::Return>> {
    let mut out = Vec::new();
    for _ in 0..10_000 {
        let state = c.resume(());
        let done = state.is_complete();
        out.push(state);
        if done {
            return out;
        }
    }
    panic!("the coroutine did not complete within 10 000 resumes");
}

/// Like [`drive`], but also logs `-> <state>` into `log` after each resume, so the test can
/// see where the body's own events (and drops) happen relative to the suspensions.
pub fn drive_logged<C, S>(
    log: &Log,
    c: &mut C,
    sends: impl IntoIterator<Item = S>,
) -> Vec<CoroutineState<C::Yield, C::Return>>
where
    C: Coroutine<S>,
    C::Yield: Debug,
    C::Return: Debug,
{
    let mut out = Vec::new();
    for s in sends {
        let state = c.resume(s);
        log.push(format!("-> {state:?}"));
        let done = state.is_complete();
        out.push(state);
        if done {
            break;
        }
    }
    out
}

/// [`drive_logged`] for a `Coroutine<()>`, until it completes (at most 10 000 resumes).
pub fn run_logged<C>(log: &Log, mut c: C) -> Vec<CoroutineState<C::Yield, C::Return>>
where
    C: Coroutine,
    C::Yield: Debug,
    C::Return: Debug,
{
    let mut out = Vec::new();
    for _ in 0..10_000 {
        let state = c.resume(());
        log.push(format!("-> {state:?}"));
        let done = state.is_complete();
        out.push(state);
        if done {
            return out;
        }
    }
    panic!("the coroutine did not complete within 10 000 resumes");
}

/// `Vec<String>` from string literals, for comparing with [`Log::take`].
#[macro_export]
macro_rules! events {
    ($($e:expr),* $(,)?) => {
        {
            let v: Vec<String> = vec![$(String::from($e)),*];
            v
        }
    };
}
