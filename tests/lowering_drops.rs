//! Destructors across suspension points. A value in scope at a suspension is dropped
//! exactly once: where Rust would drop it (the end of its scope, after the resume), or,
//! when the suspended coroutine is dropped, in reverse declaration order.
//!
//! `Guard`s log `drop <name>`; the drivers log `-> <state>` after each resume, so each log
//! shows where a drop happened relative to the suspensions and the body's own events.

mod lowering_common;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_, yield_from};
use lowering_common::{DropCounter, Guard, Log, drive, drive_logged, run_logged};

fn consume(log: &Log, g: Guard) {
    log.push(format!("consume {}", g.name()));
}

// ---------------------------------------------------------------------------------------
// Guards that are never read again

#[coro::coroutine]
fn unread_guard(log: Log) -> impl Coroutine<Yield = i32, Return = ()> {
    let _g = log.guard("a");
    yield_!(1);
    log.push("after");
}

#[test]
fn guard_without_later_use_is_dropped_at_scope_end_after_the_resume() {
    let log = Log::new();
    run_logged(&log, unread_guard(log.clone()));
    assert_eq!(
        log.take(),
        events!["-> Yielded(1)", "after", "drop a", "-> Complete(())"]
    );
}

#[coro::coroutine]
fn guard_read_before_the_yield(log: Log) -> impl Coroutine<Yield = String, Return = ()> {
    let g = log.guard("a");
    // `name` takes `&self`: `g` is not moved.
    let n = g.name().to_string();
    yield_!(n);
    log.push("after");
}

#[test]
fn guard_only_borrowed_before_the_yield_is_dropped_at_scope_end() {
    let log = Log::new();
    run_logged(&log, guard_read_before_the_yield(log.clone()));
    assert_eq!(
        log.take(),
        events!["-> Yielded(\"a\")", "after", "drop a", "-> Complete(())"]
    );
}

#[coro::coroutine]
fn guard_used_after(log: Log) -> impl Coroutine<Yield = (), Return = String> {
    let g = log.guard("a");
    yield_!();
    let name = g.name().to_uppercase();
    log.push("after use");
    name
}

#[test]
fn guard_used_after_the_yield_is_dropped_at_scope_end() {
    let log = Log::new();
    run_logged(&log, guard_used_after(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(())",
            "after use",
            "drop a",
            "-> Complete(\"A\")"
        ]
    );
}

#[coro::coroutine]
fn inner_scope(log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    let _outer = log.guard("outer");
    {
        let _inner = log.guard("inner");
        yield_!(1);
        log.push("end of inner scope");
    }
    log.push("between");
    yield_!(2);
    log.push("end of body");
}

#[test]
fn guard_in_an_inner_scope_is_dropped_at_that_scope_end() {
    let log = Log::new();
    run_logged(&log, inner_scope(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "end of inner scope",
            "drop inner",
            "between",
            "-> Yielded(2)",
            "end of body",
            "drop outer",
            "-> Complete(())",
        ]
    );
}

#[coro::coroutine]
fn several_guards(log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    let _a = log.guard("a");
    let _b = log.guard("b");
    yield_!(1);
    let _c = log.guard("c");
    yield_!(2);
    log.push("end");
}

#[test]
fn guards_dropped_in_reverse_declaration_order_at_completion() {
    let log = Log::new();
    run_logged(&log, several_guards(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "-> Yielded(2)",
            "end",
            "drop c",
            "drop b",
            "drop a",
            "-> Complete(())"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Dropping a suspended coroutine

#[test]
fn dropping_a_suspended_coroutine_drops_its_locals_in_reverse_declaration_order() {
    let log = Log::new();
    let mut c = several_guards(log.clone());
    assert_eq!(c.resume(()), Yielded(1));
    drop(c);
    assert_eq!(log.take(), events!["drop b", "drop a"]);

    let mut c = several_guards(log.clone());
    assert_eq!(drive(&mut c, [(), ()]), [Yielded(1), Yielded(2)]);
    drop(c);
    assert_eq!(log.take(), events!["drop c", "drop b", "drop a"]);
    assert_eq!(log.handles(), 1);
}

#[coro::coroutine]
fn guards_and_params(p1: Guard, p2: Guard, log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    let _l1 = log.guard("l1");
    let _l2 = log.guard("l2");
    yield_!(1);
    log.push(format!("params {} {}", p1.name(), p2.name()));
}

#[test]
fn dropping_a_suspended_coroutine_drops_locals_then_parameters() {
    let log = Log::new();
    let mut c = guards_and_params(log.guard("p1"), log.guard("p2"), log.clone());
    assert_eq!(c.resume(()), Yielded(1));
    drop(c);
    // As if the body unwound from the yield: locals in reverse order, then the parameters
    // (a function's parameters are dropped after its locals, in reverse order too).
    assert_eq!(
        log.take(),
        events!["drop l2", "drop l1", "drop p2", "drop p1"]
    );
}

#[test]
fn dropping_an_unstarted_coroutine_drops_each_argument_once() {
    let log = Log::new();
    let c = guards_and_params(log.guard("p1"), log.guard("p2"), log.clone());
    drop(c);
    let mut events = log.take();
    events.sort();
    assert_eq!(events, events!["drop p1", "drop p2"]);
    assert_eq!(log.handles(), 1);
}

#[test]
fn parameters_are_dropped_at_completion_after_the_locals() {
    let log = Log::new();
    run_logged(
        &log,
        guards_and_params(log.guard("p1"), log.guard("p2"), log.clone()),
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "params p1 p2",
            "drop l2",
            "drop l1",
            "drop p2",
            "drop p1",
            "-> Complete(())"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Moved values

#[coro::coroutine]
fn moved_before_yield(log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    let g = log.guard("g");
    consume(&log, g);
    yield_!(1);
    log.push("after");
}

#[test]
fn a_value_moved_into_a_function_before_the_yield_is_dropped_once_there() {
    let log = Log::new();
    run_logged(&log, moved_before_yield(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "consume g",
            "drop g",
            "-> Yielded(1)",
            "after",
            "-> Complete(())"
        ]
    );
}

#[coro::coroutine]
fn moved_after_yield(log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    let g = log.guard("g");
    yield_!(1);
    consume(&log, g);
    yield_!(2);
    log.push("after");
}

#[test]
fn a_value_moved_after_the_yield_is_dropped_once_where_it_is_moved_to() {
    let log = Log::new();
    run_logged(&log, moved_after_yield(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "consume g",
            "drop g",
            "-> Yielded(2)",
            "after",
            "-> Complete(())"
        ]
    );
}

#[coro::coroutine]
fn counted_moves(drops: DropCounter) -> impl Coroutine<Yield = i32, Return = i32> {
    let a = drops.make(1);
    let b = drops.make(2);
    let kept = drops.make(3);
    let moved_into_vec = vec![a];
    yield_!(moved_into_vec[0].value);
    drop(moved_into_vec);
    let c = b;
    yield_!(c.value);
    kept.value
}

#[test]
fn moved_values_are_dropped_exactly_once() {
    let drops = DropCounter::new();
    let mut c = counted_moves(drops.clone());
    assert_eq!(c.resume(()), Yielded(1));
    assert_eq!(drops.get(), 0);
    assert_eq!(c.resume(()), Yielded(2));
    assert_eq!(drops.get(), 1);
    assert_eq!(c.resume(()), Complete(3));
    assert_eq!(drops.get(), 3);
    drop(c);
    assert_eq!(drops.get(), 3);

    // Dropped while suspended at each point: still every value exactly once.
    for stop_after in 1..=2 {
        let drops = DropCounter::new();
        let mut c = counted_moves(drops.clone());
        for _ in 0..stop_after {
            assert!(c.resume(()).is_yielded());
        }
        drop(c);
        assert_eq!(drops.get(), 3, "dropped after {stop_after} resumes");
    }
}

#[coro::coroutine]
fn maybe_moved(log: Log, do_move: bool) -> impl Coroutine<Yield = u8, Return = ()> {
    let g = log.guard("g");
    if do_move {
        consume(&log, g);
    }
    yield_!(1);
    log.push("after");
}

#[test]
fn a_conditionally_moved_value_is_dropped_once() {
    let log = Log::new();
    run_logged(&log, maybe_moved(log.clone(), true));
    assert_eq!(
        log.take(),
        events![
            "consume g",
            "drop g",
            "-> Yielded(1)",
            "after",
            "-> Complete(())"
        ]
    );
    run_logged(&log, maybe_moved(log.clone(), false));
    let events = log.take();
    assert_eq!(events.iter().filter(|e| *e == "drop g").count(), 1);
    assert!(!events.iter().any(|e| e.starts_with("consume")));
}

#[test]
fn a_conditionally_moved_value_that_was_not_moved_is_dropped_at_scope_end() {
    // Rust keeps an unmoved `g` (drop flag set) until the end of its scope.
    let log = Log::new();
    run_logged(&log, maybe_moved(log.clone(), false));
    assert_eq!(
        log.take(),
        events!["-> Yielded(1)", "after", "drop g", "-> Complete(())"]
    );
}

// ---------------------------------------------------------------------------------------
// Shadowed values

#[coro::coroutine]
fn shadowed_guard(log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    let g = log.guard("first");
    log.push(format!("made {}", g.name()));
    let g = log.guard("second");
    yield_!(1);
    log.push(format!("after, g is {}", g.name()));
}

#[test]
fn a_shadowed_value_still_lives_until_its_scope_ends() {
    // Shadowing does not drop: both guards live to the end of the body, dropped in reverse
    // declaration order.
    let log = Log::new();
    run_logged(&log, shadowed_guard(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "made first",
            "-> Yielded(1)",
            "after, g is second",
            "drop second",
            "drop first",
            "-> Complete(())"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Loops, breaks, returns

#[coro::coroutine]
fn guard_per_iteration(log: Log) -> impl Coroutine<Yield = u8, Return = ()> {
    for i in 0..3u8 {
        let _g = log.guard(&format!("iter {i}"));
        if i == 1 {
            log.push("continue");
            continue;
        }
        yield_!(i);
        log.push(format!("end of iter {i}"));
    }
    log.push("after loop");
}

#[test]
fn a_guard_per_loop_iteration_is_dropped_at_the_end_of_each_iteration() {
    let log = Log::new();
    run_logged(&log, guard_per_iteration(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(0)",
            "end of iter 0",
            "drop iter 0",
            "continue",
            "drop iter 1",
            "-> Yielded(2)",
            "end of iter 2",
            "drop iter 2",
            "after loop",
            "-> Complete(())"
        ]
    );
}

#[coro::coroutine]
fn break_with_guards(log: Log) -> impl Coroutine<bool, Yield = u8, Return = ()> {
    let _outside = log.guard("outside");
    loop {
        let _inside = log.guard("inside");
        if yield_!(1) {
            break;
        }
        log.push("again");
    }
    log.push("after loop");
}

#[test]
fn break_drops_the_loop_body_locals_before_the_code_after_the_loop() {
    let log = Log::new();
    let mut c = break_with_guards(log.clone());
    drive_logged(&log, &mut c, [false, false, true]);
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "again",
            "drop inside",
            "-> Yielded(1)",
            "drop inside",
            "after loop",
            "drop outside",
            "-> Complete(())"
        ]
    );
}

#[coro::coroutine]
fn early_return_with_guards(log: Log) -> impl Coroutine<bool, Yield = u8, Return = &'static str> {
    let _a = log.guard("a");
    for i in 0..3 {
        let _b = log.guard(&format!("b{i}"));
        if yield_!(i) {
            return "early";
        }
    }
    "late"
}

#[test]
fn early_return_drops_every_live_local_in_reverse_order() {
    let log = Log::new();
    let mut c = early_return_with_guards(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [false, false, true]),
        [Yielded(0), Yielded(1), Complete("early")]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(0)",
            "drop b0",
            "-> Yielded(1)",
            "drop b1",
            "drop a",
            "-> Complete(\"early\")"
        ]
    );
}

#[coro::coroutine]
fn question_with_guards(
    log: Log,
    fail: bool,
) -> impl Coroutine<Yield = u8, Return = Result<u8, String>> {
    let _a = log.guard("a");
    yield_!(1);
    let _b = log.guard("b");
    let v: u8 = if fail {
        Err("failed".to_string())
    } else {
        Ok(5)
    }?;
    log.push("not failed");
    Ok(v)
}

#[test]
fn question_mark_error_drops_the_live_locals() {
    let log = Log::new();
    let mut c = question_with_guards(log.clone(), true);
    assert_eq!(
        drive_logged(&log, &mut c, [(), ()]),
        [Yielded(1), Complete(Err("failed".into()))]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "drop b",
            "drop a",
            "-> Complete(Err(\"failed\"))"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Sent values, yielded values, temporaries

#[coro::coroutine]
fn sent_guards(log: Log) -> impl Coroutine<Guard, Yield = u8, Return = String> {
    yield_!(1);
    log.push("after ignored send");
    let _kept = yield_!(2);
    log.push("after `let _kept`");
    let used = yield_!(3);
    let name = used.name().to_string();
    log.push("end");
    name
}

#[test]
fn sent_values_are_dropped_like_rust_drops_them() {
    let log = Log::new();
    let mut c = sent_guards(log.clone());
    let sends = ["first", "ignored", "kept", "used"].map(|n| log.guard(n));
    let trace = drive_logged(&log, &mut c, sends);
    assert_eq!(
        trace,
        [
            Yielded(1),
            Yielded(2),
            Yielded(3),
            Complete("used".to_string())
        ]
    );
    assert_eq!(
        log.take(),
        events![
            // The first resume's argument has no yield to land in: dropped at once.
            "drop first",
            "-> Yielded(1)",
            // `yield_!(1);` drops the sent value at the end of the statement.
            "drop ignored",
            "after ignored send",
            "-> Yielded(2)",
            "after `let _kept`",
            "-> Yielded(3)",
            "end",
            "drop used",
            "drop kept",
            "-> Complete(\"used\")"
        ]
    );
}

#[coro::coroutine]
fn sent_to_let_underscore(log: Log) -> impl Coroutine<Guard, Yield = u8, Return = ()> {
    let _ = yield_!(1);
    log.push("after `let _`");
    yield_!(2);
}

#[test]
fn a_value_sent_to_let_underscore_is_dropped_at_once() {
    let log = Log::new();
    let mut c = sent_to_let_underscore(log.clone());
    let sends = ["first", "let _", "last"].map(|n| log.guard(n));
    assert_eq!(
        drive_logged(&log, &mut c, sends),
        [Yielded(1), Yielded(2), Complete(())]
    );
    assert_eq!(
        log.take(),
        events![
            "drop first",
            "-> Yielded(1)",
            // `let _ = ..` does not bind: dropped at the end of the statement.
            "drop let _",
            "after `let _`",
            "-> Yielded(2)",
            "drop last",
            "-> Complete(())"
        ]
    );
}

#[test]
fn the_first_resume_argument_is_dropped_once() {
    let log = Log::new();
    let mut c = sent_guards(log.clone());
    assert_eq!(c.resume(log.guard("priming")), Yielded(1));
    assert_eq!(log.take(), events!["drop priming"]);
    drop(c);
    assert_eq!(log.take(), events![]);
    assert_eq!(log.handles(), 1);
}

#[coro::coroutine]
fn yield_guards(log: Log) -> impl Coroutine<Yield = Guard, Return = ()> {
    let g = log.guard("a");
    yield_!(g);
    yield_!(log.guard("b"));
    log.push("end");
}

#[test]
fn yielded_values_belong_to_the_caller() {
    let log = Log::new();
    let mut c = yield_guards(log.clone());
    let Yielded(a) = c.resume(()) else {
        panic!("expected a yield")
    };
    assert_eq!(log.take(), events![]);
    let Yielded(b) = c.resume(()) else {
        panic!("expected a yield")
    };
    assert_eq!(log.take(), events![]);
    drop(b);
    drop(a);
    assert_eq!(log.take(), events!["drop b", "drop a"]);
    assert!(c.resume(()).is_complete());
    assert_eq!(log.take(), events!["end"]);
}

#[coro::coroutine]
fn temporary_across_yield(log: Log) -> impl Coroutine<i32, Yield = (), Return = i32> {
    // The temporary guard lives to the end of the `let` statement, across the yield.
    let n = log.guard("temp").name().len() as i32 + yield_!();
    log.push("after let");
    n
}

#[test]
fn a_temporary_in_a_yielding_statement_is_dropped_at_the_end_of_the_statement() {
    let log = Log::new();
    let mut c = temporary_across_yield(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 10]),
        [Yielded(()), Complete(14)]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(())",
            "drop temp",
            "after let",
            "-> Complete(14)"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Panics and delegation

#[coro::coroutine]
fn panics_with_guards(log: Log) -> impl Coroutine<bool, Yield = u8, Return = ()> {
    let _a = log.guard("a");
    yield_!(1);
    let _b = log.guard("b");
    if yield_!(2) {
        panic!("boom");
    }
}

#[test]
fn a_panic_in_the_body_drops_every_live_local_once() {
    let log = Log::new();
    let mut c = panics_with_guards(log.clone());
    assert_eq!(drive(&mut c, [false, false]), [Yielded(1), Yielded(2)]);
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| c.resume(true)));
    assert!(r.is_err());
    assert_eq!(log.take(), events!["drop b", "drop a"]);
    drop(c);
    assert_eq!(log.take(), events![]);
    assert_eq!(log.handles(), 1);
}

#[coro::coroutine]
fn sub_with_guard(log: Log) -> impl Coroutine<Yield = u8, Return = u8> {
    let _s = log.guard("sub local");
    yield_!(1);
    yield_!(2);
    3
}

#[coro::coroutine]
fn outer_delegating(log: Log) -> impl Coroutine<Yield = u8, Return = u8> {
    let _o = log.guard("outer local");
    let r = yield_from!(sub_with_guard(log.clone()));
    log.push("after delegation");
    r
}

#[test]
fn the_sub_coroutine_is_dropped_when_it_completes() {
    let log = Log::new();
    run_logged(&log, outer_delegating(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "-> Yielded(2)",
            "drop sub local",
            "after delegation",
            "drop outer local",
            "-> Complete(3)"
        ]
    );
}

#[test]
fn dropping_a_coroutine_suspended_in_yield_from_drops_the_sub_coroutine() {
    let log = Log::new();
    let mut c = outer_delegating(log.clone());
    assert_eq!(c.resume(()), Yielded(1));
    drop(c);
    let events = log.take();
    assert_eq!(events.len(), 2);
    // The sub-coroutine was created after `_o`, so it goes first.
    assert_eq!(events, events!["drop sub local", "drop outer local"]);
    assert_eq!(log.handles(), 1);
}

#[test]
fn counted_values_in_a_dropped_generator() {
    #[coro::coroutine]
    fn holds(drops: DropCounter) -> impl Iterator<Item = i32> {
        let v = vec![drops.make(1), drops.make(2)];
        for x in v {
            yield_!(x.value);
        }
    }
    let drops = DropCounter::new();
    let mut g = holds(drops.clone());
    assert_eq!(g.next(), Some(1));
    // Suspended inside the first iteration: `x` (1) and the rest of the vector are alive.
    assert_eq!(drops.get(), 0);
    drop(g);
    assert_eq!(drops.get(), 2);

    let drops = DropCounter::new();
    let all: Vec<i32> = holds(drops.clone()).collect();
    assert_eq!(all, [1, 2]);
    assert_eq!(drops.get(), 2);
}

// ---------------------------------------------------------------------------------------
// More drop orders (dropping a suspended coroutine unwinds like Rust would)

#[coro::coroutine]
fn reassigned(log: Log) -> impl Coroutine<Yield = (), Return = ()> {
    let mut g = log.guard("a");
    log.push(format!("made {}", g.name()));
    g = log.guard("b");
    yield_!();
    log.push("after");
}

#[test]
fn assignment_drops_the_old_value_and_keeps_the_new_one_to_scope_end() {
    let log = Log::new();
    run_logged(&log, reassigned(log.clone()));
    assert_eq!(
        log.take(),
        events![
            "made a",
            "drop a",
            "-> Yielded(())",
            "after",
            "drop b",
            "-> Complete(())"
        ]
    );
}

fn inspect(_g: &Guard) {}

#[coro::coroutine]
fn borrowed_by_a_call(log: Log) -> impl Coroutine<Yield = (), Return = ()> {
    let g = log.guard("a");
    inspect(&g);
    yield_!();
    log.push("after");
}

#[test]
fn a_guard_passed_by_reference_is_dropped_at_scope_end() {
    let log = Log::new();
    run_logged(&log, borrowed_by_a_call(log.clone()));
    assert_eq!(
        log.take(),
        events!["-> Yielded(())", "after", "drop a", "-> Complete(())"]
    );
}

#[coro::coroutine]
fn suspended_in_nested_constructs(log: Log, which: u8) -> impl Coroutine<Yield = (), Return = ()> {
    let _a = log.guard("a");
    match which {
        0 => {
            let _b = log.guard("b");
            yield_!();
        }
        1 => {
            for _x in vec![log.guard("x1"), log.guard("x2")] {
                let _b = log.guard("b");
                yield_!();
            }
        }
        _ => match Some(log.guard("m")) {
            Some(_m) => {
                let _b = log.guard("b");
                yield_!();
            }
            None => {}
        },
    }
}

#[test]
fn dropping_a_coroutine_suspended_in_nested_constructs() {
    let log = Log::new();
    let cases: [(u8, &[&str]); 3] = [
        (0, &["drop b", "drop a"]),
        // Body local, loop variable, then the iterator with the items not reached yet.
        (1, &["drop b", "drop x1", "drop x2", "drop a"]),
        // Body local, the arm's binding, then the outer local.
        (2, &["drop b", "drop m", "drop a"]),
    ];
    for (which, expected) in cases {
        let mut c = suspended_in_nested_constructs(log.clone(), which);
        assert_eq!(c.resume(()), Yielded(()));
        assert_eq!(log.take(), events![], "case {which}");
        drop(c);
        assert_eq!(log.take(), expected, "case {which}");
    }
    assert_eq!(log.handles(), 1);
}

#[coro::coroutine]
fn tuple_then_destructured(log: Log) -> impl Coroutine<Yield = (), Return = ()> {
    let _a = log.guard("a");
    let t = (log.guard("t0"), log.guard("t1"));
    yield_!();
    let (_p, _q) = t;
    yield_!();
}

#[test]
fn a_tuple_drops_its_fields_in_order_and_destructured_bindings_in_reverse() {
    let log = Log::new();
    let mut c = tuple_then_destructured(log.clone());
    c.resume(());
    drop(c);
    assert_eq!(log.take(), events!["drop t0", "drop t1", "drop a"]);

    let mut c = tuple_then_destructured(log.clone());
    c.resume(());
    c.resume(());
    drop(c);
    assert_eq!(log.take(), events!["drop t1", "drop t0", "drop a"]);
}
