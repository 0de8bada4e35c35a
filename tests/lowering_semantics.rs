//! The protocol of a generated coroutine: laziness, `start`, completion, panics, the fused
//! iterator, `yield_from!` in all its forms, moving and cloning a suspended coroutine.

mod lowering_common;

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::rc::Rc;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, CoroutineState, yield_, yield_from};
use lowering_common::{Log, drive, drive_logged, run};

// ---------------------------------------------------------------------------------------
// Laziness

#[coro::coroutine]
fn counts_runs(runs: Rc<Cell<u32>>) -> impl Coroutine<Yield = u32, Return = u32> {
    runs.set(runs.get() + 1);
    yield_!(runs.get());
    runs.set(runs.get() + 10);
    runs.get()
}

#[test]
fn nothing_runs_until_the_first_resume() {
    let runs = Rc::new(Cell::new(0));
    let mut c = counts_runs(runs.clone());
    assert_eq!(runs.get(), 0, "calling the function ran part of the body");
    let moved = std::mem::replace(&mut c, counts_runs(runs.clone()));
    assert_eq!(runs.get(), 0);
    let mut c2 = moved;
    assert_eq!(c2.resume(()), Yielded(1));
    assert_eq!(runs.get(), 1);
    assert_eq!(c2.resume(()), Complete(11));
    assert_eq!(runs.get(), 11);
    // `c` was never resumed: dropping it runs nothing either.
    drop(c);
    assert_eq!(runs.get(), 11);
}

#[coro::coroutine]
fn lazy_generator(runs: Rc<Cell<u32>>) -> impl Iterator<Item = u32> {
    runs.set(runs.get() + 1);
    yield_!(1);
}

#[test]
fn a_generator_is_lazy_too() {
    let runs = Rc::new(Cell::new(0));
    let g = lazy_generator(runs.clone());
    assert_eq!(runs.get(), 0);
    let mapped = g.map(|x| x + 1);
    assert_eq!(runs.get(), 0);
    assert_eq!(mapped.collect::<Vec<_>>(), [2]);
    assert_eq!(runs.get(), 1);
}

// ---------------------------------------------------------------------------------------
// start()

#[coro::coroutine]
fn adder() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut total = 0;
    loop {
        let x = yield_!(total);
        if x == 0 {
            return total;
        }
        total += x;
    }
}

#[test]
fn start_runs_a_created_coroutine_to_its_first_yield() {
    let mut c = adder();
    assert_eq!(c.start(), Some(Yielded(0)));
    // Suspended: `start` does not resume it again.
    assert_eq!(c.start(), None);
    assert_eq!(c.resume(5), Yielded(5));
    assert_eq!(c.start(), None);
    assert_eq!(c.resume(0), Complete(5));
    // Complete: `start` does not panic, it says "cannot start".
    assert_eq!(c.start(), None);
}

#[test]
fn start_on_a_coroutine_that_completes_immediately() {
    #[coro::coroutine]
    fn immediate() -> impl Coroutine<String, Yield = (), Return = u8> {
        7
    }
    let mut c = immediate();
    assert_eq!(c.start(), Some(Complete(7)));
    assert_eq!(c.start(), None);
}

// ---------------------------------------------------------------------------------------
// Completion

#[test]
#[should_panic(expected = "coroutine `adder` resumed after completion")]
fn resume_after_completion_panics() {
    let mut c = adder();
    assert_eq!(
        drive(&mut c, [0, 1, 0]),
        [Yielded(0), Yielded(1), Complete(1)]
    );
    c.resume(1);
}

#[test]
fn the_iterator_is_fused_and_does_not_resume_after_completion() {
    let runs = Rc::new(Cell::new(0));
    let mut g = lazy_generator(runs.clone());
    assert_eq!(g.next(), Some(1));
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
    assert_eq!(runs.get(), 1);
}

// ---------------------------------------------------------------------------------------
// Panics

#[coro::coroutine]
fn panicky(log: Log) -> impl Coroutine<u8, Yield = u8, Return = u8> {
    log.push("start");
    let v = yield_!(1);
    if v == 13 {
        panic!("unlucky {v}");
    }
    log.push("after check");
    yield_!(v)
}

#[test]
fn a_panic_propagates_out_of_resume() {
    let log = Log::new();
    let mut c = panicky(log.clone());
    assert_eq!(c.resume(0), Yielded(1));
    let err = catch_unwind(AssertUnwindSafe(|| c.resume(13))).unwrap_err();
    assert_eq!(
        err.downcast_ref::<String>().map(String::as_str),
        Some("unlucky 13")
    );
    assert_eq!(log.take(), events!["start"]);
}

#[test]
#[should_panic(expected = "coroutine `panicky` resumed after panicking")]
fn resume_after_a_panic_panics() {
    let mut c = panicky(Log::new());
    assert_eq!(c.resume(0), Yielded(1));
    assert!(catch_unwind(AssertUnwindSafe(|| c.resume(13))).is_err());
    c.resume(0);
}

#[test]
fn start_after_a_panic_returns_none() {
    let mut c = panicky(Log::new());
    assert_eq!(c.resume(0), Yielded(1));
    assert!(catch_unwind(AssertUnwindSafe(|| c.resume(13))).is_err());
    assert_eq!(c.start(), None);
}

#[coro::coroutine]
fn panicky_generator(runs: Rc<Cell<u32>>) -> impl Iterator<Item = u32> {
    yield_!(1);
    runs.set(runs.get() + 1);
    if runs.get() == 1 {
        panic!("generator panicked");
    }
    yield_!(2);
}

#[test]
fn after_a_panic_the_iterator_returns_none_without_resuming() {
    let runs = Rc::new(Cell::new(0));
    let mut g = panicky_generator(runs.clone());
    assert_eq!(g.next(), Some(1));
    assert!(catch_unwind(AssertUnwindSafe(|| g.next())).is_err());
    assert_eq!(runs.get(), 1);
    assert_eq!(g.next(), None);
    assert_eq!(g.next(), None);
    assert_eq!(runs.get(), 1);
}

#[test]
fn a_panic_on_the_first_resume_poisons_too() {
    #[coro::coroutine]
    fn fails_at_once() -> impl Coroutine<Yield = u8, Return = ()> {
        let v: Vec<u8> = Vec::new();
        yield_!(v[3]);
    }
    let mut g = fails_at_once();
    assert!(catch_unwind(AssertUnwindSafe(|| g.resume(()))).is_err());
    assert_eq!(g.start(), None);
    let r = catch_unwind(AssertUnwindSafe(|| g.resume(())));
    let msg = r.unwrap_err();
    let msg = msg
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| msg.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap();
    assert_eq!(msg, "coroutine `fails_at_once` resumed after panicking");
}

// ---------------------------------------------------------------------------------------
// yield_from!

#[coro::coroutine]
fn accumulate(limit: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut sum = 0;
    while sum < limit {
        sum += yield_!(sum);
    }
    sum
}

#[coro::coroutine]
fn delegate(log: Log) -> impl Coroutine<i32, Yield = i32, Return = (i32, i32)> {
    log.push("before");
    let first = yield_from!(accumulate(10));
    log.push(format!("first returned {first}"));
    let marker = yield_!(-1);
    let second = yield_from!(accumulate(first + marker));
    log.push(format!("second returned {second}"));
    (first, second)
}

#[test]
fn yield_from_a_coroutine_forwards_sends_and_returns_its_value() {
    let log = Log::new();
    let mut c = delegate(log.clone());
    let trace = drive_logged(&log, &mut c, [100, 4, 7, 0, 1, 20]);
    assert_eq!(
        trace,
        [
            // The sub-coroutine is started without a value (the outer's first resume
            // argument, 100, is dropped).
            Yielded(0),
            Yielded(4),
            // 4 + 7 = 11 >= 10: the first sub returns 11.
            Yielded(-1),
            // marker 0: second sub with limit 11.
            Yielded(0),
            Yielded(1),
            Complete((11, 21))
        ]
    );
    assert_eq!(
        log.take(),
        events![
            "before",
            "-> Yielded(0)",
            "-> Yielded(4)",
            "first returned 11",
            "-> Yielded(-1)",
            "-> Yielded(0)",
            "-> Yielded(1)",
            "second returned 21",
            "-> Complete((11, 21))"
        ]
    );
}

#[coro::coroutine]
fn returns_at_once() -> impl Coroutine<i32, Yield = i32, Return = &'static str> {
    "nothing to yield"
}

#[coro::coroutine]
fn delegate_to_empty() -> impl Coroutine<i32, Yield = i32, Return = &'static str> {
    let r = yield_from!(returns_at_once());
    yield_!(r.len() as i32);
    r
}

#[test]
fn yield_from_a_coroutine_that_returns_without_yielding() {
    let mut c = delegate_to_empty();
    assert_eq!(
        drive(&mut c, [0, 0]),
        [Yielded(16), Complete("nothing to yield")]
    );
}

#[coro::coroutine]
fn from_iterables(v: Vec<String>) -> impl Iterator<Item = String> {
    yield_from!(v);
    yield_from!((1..=3).map(|i| i.to_string()));
    yield_from!(["x", "y"].map(String::from));
    let r: () = yield_from!(std::iter::empty::<String>());
    yield_!(format!("{r:?}"));
    yield_from!(Some(String::from("opt")));
}

#[test]
fn yield_from_vec_range_array_and_other_into_iterators() {
    assert_eq!(
        from_iterables(vec!["a".into(), "b".into()]).collect::<Vec<_>>(),
        ["a", "b", "1", "2", "3", "x", "y", "()", "opt"]
    );
}

#[coro::coroutine]
fn from_iterables_in_a_coroutine(log: Log) -> impl Coroutine<Yield = u8, Return = &'static str> {
    yield_from!(0..2);
    log.push("range done");
    yield_from!(vec![7u8]);
    "done"
}

#[test]
fn yield_from_an_iterator_in_a_coroutine_with_unit_send() {
    let log = Log::new();
    let mut c = from_iterables_in_a_coroutine(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [(); 5]),
        [Yielded(0), Yielded(1), Yielded(7), Complete("done")]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(0)",
            "-> Yielded(1)",
            "range done",
            "-> Yielded(7)",
            "-> Complete(\"done\")"
        ]
    );
}

#[coro::coroutine]
fn level3(tag: &'static str) -> impl Coroutine<String, Yield = String, Return = String> {
    let got = yield_!(format!("{tag}: l3 first"));
    let got2 = yield_!(format!("{tag}: l3 got {got}"));
    format!("l3({got2})")
}

#[coro::coroutine]
fn level2(tag: &'static str) -> impl Coroutine<String, Yield = String, Return = String> {
    let a = yield_from!(level3(tag));
    let b = yield_!(format!("{tag}: l2 got {a}"));
    format!("l2({a},{b})")
}

#[coro::coroutine]
fn level1() -> impl Coroutine<String, Yield = String, Return = String> {
    let a = yield_from!(level2("x"));
    let b = yield_from!(level2("y"));
    format!("l1({a},{b})")
}

#[test]
fn nested_yield_from_three_deep() {
    let mut c = level1();
    let sends = ["prime", "s1", "s2", "s3", "s4", "s5", "s6"].map(String::from);
    let trace = drive(&mut c, sends);
    let expected: Vec<CoroutineState<String, String>> = vec![
        Yielded("x: l3 first".into()),
        Yielded("x: l3 got s1".into()),
        Yielded("x: l2 got l3(s2)".into()),
        Yielded("y: l3 first".into()),
        Yielded("y: l3 got s4".into()),
        Yielded("y: l2 got l3(s5)".into()),
        Complete("l1(l2(l3(s2),s3),l2(l3(s5),s6))".into()),
    ];
    assert_eq!(trace, expected);
}

#[coro::coroutine]
fn inner_gen(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_!(i * 10);
    }
}

#[coro::coroutine]
fn outer_of_gen() -> impl Coroutine<Yield = u32, Return = ()> {
    // `inner_gen` is declared `impl Iterator`: it is delegated to as an iterator and its
    // `yield_from!` evaluates to `()`.
    let r = yield_from!(inner_gen(3));
    let () = r;
    yield_!(99);
    yield_from!(inner_gen(1));
}

#[test]
fn yield_from_a_generator_declared_as_iterator() {
    assert_eq!(
        run(outer_of_gen()),
        [
            Yielded(0),
            Yielded(10),
            Yielded(20),
            Yielded(99),
            Yielded(0),
            Complete(())
        ]
    );
}

#[coro::coroutine]
fn resume_partial(mut partial: impl Iterator<Item = u32>) -> impl Iterator<Item = u32> {
    yield_!(partial.next().unwrap_or(1000) + 1000);
    yield_from!(partial);
}

#[test]
fn yield_from_a_partly_consumed_generator_continues_where_it_stopped() {
    let mut g = inner_gen(4);
    assert_eq!(g.next(), Some(0));
    assert_eq!(resume_partial(g).collect::<Vec<_>>(), [1010, 20, 30]);
}

#[coro::coroutine]
fn counter_coroutine(n: u32) -> impl Coroutine<Yield = u32, Return = ()> {
    for i in 0..n {
        yield_!(i * 10);
    }
}

#[coro::coroutine]
fn delegate_started(
    sub: impl Coroutine<Yield = u32, Return = ()>,
) -> impl Coroutine<Yield = u32, Return = ()> {
    yield_!(500);
    yield_from!(sub);
    yield_!(600);
}

#[test]
fn yield_from_a_started_coroutine_with_unit_send_resumes_it_with_unit() {
    let mut sub = counter_coroutine(3);
    assert_eq!(sub.resume(()), Yielded(0));
    // `start` cannot start it again, so `yield_from!` resumes it with `()`.
    assert_eq!(
        run(delegate_started(sub)),
        [
            Yielded(500),
            Yielded(10),
            Yielded(20),
            Yielded(600),
            Complete(())
        ]
    );
}

#[test]
fn yield_from_a_borrowed_sub_coroutine() {
    // `&mut C` is a coroutine too: the caller keeps the sub-coroutine and sees where it
    // stopped.
    let mut sub = counter_coroutine(3);
    let mut outer = delegate_started(&mut sub);
    assert_eq!(
        drive(&mut outer, [(), (), ()]),
        [Yielded(500), Yielded(0), Yielded(10)]
    );
    drop(outer);
    assert_eq!(sub.resume(()), Yielded(20));
    assert_eq!(sub.resume(()), Complete(()));
}

/// A hand-written coroutine that keeps the default `start` (it needs a value).
struct Summer {
    total: i64,
    left: u32,
}

impl Coroutine<i64> for Summer {
    type Yield = i64;
    type Return = i64;
    fn resume(&mut self, x: i64) -> CoroutineState<i64, i64> {
        self.total += x;
        if self.left == 0 {
            return Complete(self.total);
        }
        self.left -= 1;
        Yielded(self.total)
    }
}

#[coro::coroutine]
fn delegate_to_hand_written() -> impl Coroutine<i64, Yield = i64, Return = i64> {
    let r = yield_from!(Summer {
        total: 100,
        left: 2
    });
    r * 2
}

#[test]
fn yield_from_a_hand_written_coroutine_starts_it_with_the_default_send_value() {
    let mut c = delegate_to_hand_written();
    // Started with i64::default() = 0 -> Yielded(100); then 5 -> 105; then 1 -> Complete(106).
    assert_eq!(
        drive(&mut c, [9, 5, 1]),
        [Yielded(100), Yielded(105), Complete(212)]
    );
}

#[coro::coroutine]
fn yield_from_in_expression(log: Log) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    log.side("lhs", 1000) + yield_from!(accumulate(3)) * 10
}

#[test]
fn yield_from_inside_an_expression() {
    let log = Log::new();
    let mut c = yield_from_in_expression(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 1, 2]),
        [Yielded(0), Yielded(1), Complete(1030)]
    );
    assert_eq!(
        log.take(),
        events!["lhs", "-> Yielded(0)", "-> Yielded(1)", "-> Complete(1030)"]
    );
}

#[coro::coroutine]
fn yield_from_in_loop(n: u32) -> impl Iterator<Item = u32> {
    for i in 0..n {
        yield_from!(inner_gen(i));
        yield_!(1000 + i);
    }
}

#[test]
fn yield_from_inside_a_loop() {
    assert_eq!(
        yield_from_in_loop(3).collect::<Vec<_>>(),
        [1000, 0, 1001, 0, 10, 1002]
    );
}

// A generator that delegates to itself through a box breaks the type cycle.
#[coro::coroutine]
fn tree(depth: u32, label: u32) -> impl Iterator<Item = u32> {
    yield_!(label);
    if depth > 0 {
        let left: Box<dyn Iterator<Item = u32>> = Box::new(tree(depth - 1, label * 2));
        yield_from!(left);
        let right: Box<dyn Iterator<Item = u32>> = Box::new(tree(depth - 1, label * 2 + 1));
        yield_from!(right);
    }
}

#[test]
fn recursive_generator_through_boxed_yield_from() {
    assert_eq!(tree(2, 1).collect::<Vec<_>>(), [1, 2, 4, 5, 3, 6, 7]);
}

// ---------------------------------------------------------------------------------------
// Moving and cloning

#[test]
fn a_suspended_coroutine_can_be_moved_between_resumes() {
    let mut c = adder();
    assert_eq!(c.resume(0), Yielded(0));
    assert_eq!(c.resume(2), Yielded(2));
    let mut boxed = Box::new(c);
    assert_eq!(boxed.resume(3), Yielded(5));
    let mut moved_back = *boxed;
    let mut v = vec![];
    v.push(moved_back.resume(4));
    let mut in_array = [moved_back];
    v.push(in_array[0].resume(0));
    assert_eq!(v, [Yielded(9), Complete(9)]);
}

#[test]
fn a_suspended_coroutine_can_be_cloned() {
    #[coro::coroutine]
    fn words() -> impl Coroutine<u8, Yield = String, Return = Vec<u8>> + Clone {
        let mut seen = Vec::new();
        for w in ["a", "b", "c"] {
            seen.push(yield_!(w.to_string()));
        }
        seen
    }
    let mut c = words();
    assert_eq!(c.resume(0), Yielded("a".into()));
    assert_eq!(c.resume(1), Yielded("b".into()));
    let mut fork = c.clone();
    assert_eq!(c.resume(2), Yielded("c".into()));
    assert_eq!(c.resume(3), Complete(vec![1, 2, 3]));
    assert_eq!(fork.resume(20), Yielded("c".into()));
    assert_eq!(fork.resume(30), Complete(vec![1, 20, 30]));
}

// ---------------------------------------------------------------------------------------
// Unit yields and sends of non-Copy types

#[coro::coroutine]
fn unit_yields(log: Log) -> impl Coroutine<Vec<String>, Yield = (), Return = usize> {
    let mut all = Vec::new();
    loop {
        let batch = yield_!();
        if batch.is_empty() {
            break;
        }
        log.push(batch.join(","));
        all.extend(batch);
    }
    all.len()
}

#[test]
fn unit_yields_and_owned_sends() {
    let log = Log::new();
    let mut c = unit_yields(log.clone());
    let sends = vec![
        vec!["dropped".to_string()],
        vec!["a".into(), "b".into()],
        vec!["c".into()],
        vec![],
    ];
    assert_eq!(
        drive(&mut c, sends),
        [Yielded(()), Yielded(()), Yielded(()), Complete(3)]
    );
    assert_eq!(log.take(), events!["a,b", "c"]);
}
