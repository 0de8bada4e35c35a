//! Drop timing that needs rustc's drop flags: locals moved out and assigned again across
//! a suspension. Native traces: tests/fidelity/drops.trace (tests/fidelity/drops_native.rs).

mod fidelity_common;

use coro::{Coroutine, yield_, yield_from};
use fidelity_common::{Guard, check, drive, log};

fn consume(g: Guard) {
    log(format!("consume {}", g.0));
}

/// The sub-coroutine of the `yield_from!` cases: yields the length, takes a send, and
/// returns the buffer with one more guard.
#[coro::coroutine]
fn fill(
    mut buf: Vec<Guard>,
    name: &'static str,
) -> impl Coroutine<i32, Yield = i32, Return = Vec<Guard>> {
    let got = yield_!(buf.len() as i32);
    log(format!("fill got {got}"));
    buf.push(Guard(name));
    buf
}

#[coro::coroutine]
fn receive_loop_with_break() -> impl Coroutine<i32, Yield = Guard, Return = ()> {
    let _before = Guard("before");
    let mut reply = Guard("hello");
    let _after = Guard("after");
    loop {
        let cmd = yield_!(reply);
        if cmd == 0 {
            break;
        }
        reply = Guard(if cmd == 1 { "one" } else { "two" });
    }
    log("after loop");
}

#[test]
fn the_receive_loop_with_a_break_before_the_reassignment() {
    check("drops", "receive_loop_with_break", || {
        drive(receive_loop_with_break(), [0, 1, 2, 0])
    });
    check("drops", "receive_loop_with_break_dropped", || {
        drive(receive_loop_with_break(), [0, 1])
    });
}

#[coro::coroutine]
fn refill() -> impl Coroutine<i32, Yield = i32, Return = usize> {
    let mut buf = vec![Guard("base")];
    let _g = Guard("g");
    buf = yield_from!(fill(buf, "x"));
    log(format!("len {}", buf.len()));
    buf = yield_from!(fill(buf, "y"));
    log(format!("len {}", buf.len()));
    buf.len()
}

#[test]
fn a_buffer_moved_into_yield_from_and_assigned_its_result() {
    check("drops", "refill", || drive(refill(), [0, 5, 6]));
    check("drops", "refill_dropped_in_first", || drive(refill(), [0]));
    check("drops", "refill_dropped_in_second", || {
        drive(refill(), [0, 5])
    });
}

#[coro::coroutine]
fn yield_prev_then_reassign() -> impl Coroutine<i32, Yield = (Guard, Guard), Return = ()> {
    let mut prev = Guard("start");
    for name in ["a", "b", "c"] {
        let x = Guard(name);
        yield_!((prev, Guard(x.0)));
        prev = x;
    }
    log("end");
}

#[test]
fn a_local_yielded_in_a_tuple_then_assigned_again() {
    check("drops", "yield_prev_then_reassign", || {
        drive(yield_prev_then_reassign(), [0, 0, 0, 0])
    });
    check("drops", "yield_prev_then_reassign_dropped", || {
        drive(yield_prev_then_reassign(), [0, 0])
    });
}

#[coro::coroutine]
fn moved_or_returned() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut g = Guard("g1");
    let _h = Guard("h");
    let c = yield_!(0);
    if c == 1 {
        consume(g);
    } else {
        log("early return");
        return -1;
    }
    yield_!(1);
    g = Guard("g2");
    yield_!(2);
    log("end");
    c
}

#[test]
fn a_local_moved_on_one_path_and_returned_on_the_other() {
    check("drops", "moved_or_returned_moved", || {
        drive(moved_or_returned(), [0, 1, 0, 0])
    });
    check("drops", "moved_or_returned_returned", || {
        drive(moved_or_returned(), [0, 2])
    });
    check("drops", "moved_or_returned_dropped", || {
        drive(moved_or_returned(), [0, 1, 0])
    });
}

#[coro::coroutine]
fn moved_in_a_yielding_branch_or_returned() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut g = Guard("g1");
    let c = yield_!(0);
    if c == 1 {
        consume(g);
        yield_!(10);
    } else {
        yield_!(20);
        return -1;
    }
    g = Guard("g2");
    yield_!(2);
    log("end");
    c
}

#[test]
fn a_local_moved_in_a_branch_that_yields_and_returned_on_the_other() {
    check("drops", "moved_in_a_yielding_branch_moved", || {
        drive(moved_in_a_yielding_branch_or_returned(), [0, 1, 0, 0])
    });
    check("drops", "moved_in_a_yielding_branch_returned", || {
        drive(moved_in_a_yielding_branch_or_returned(), [0, 2, 0])
    });
}

impl Guard {
    fn name(&self) -> &'static str {
        self.0
    }
}

macro_rules! log_it {
    ($($t:tt)*) => {
        log(format!($($t)*))
    };
}

macro_rules! show {
    ($e:expr) => {
        log(format!("show {:?}", $e))
    };
}

#[coro::coroutine]
fn guard_last_used_as_a_receiver() -> impl Coroutine<i32, Yield = usize, Return = ()> {
    let g = Guard("g");
    let n = g.name().len();
    yield_!(n);
    log("after");
}

#[test]
fn a_guard_last_used_as_a_method_receiver_lives_to_its_scope_end() {
    check("drops", "guard_last_used_as_a_receiver", || {
        drive(guard_last_used_as_a_receiver(), [0, 0])
    });
    check("drops", "guard_last_used_as_a_receiver_dropped", || {
        drive(guard_last_used_as_a_receiver(), [0])
    });
}

#[coro::coroutine]
fn local_named_in_a_user_macro() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let d = (Guard("d"), 7);
    let e = Guard("e");
    log_it!("d.1 is {}", d.1);
    show!(e);
    yield_!(1);
    log("after");
}

#[test]
fn locals_named_in_a_user_macro_live_to_their_scope_end() {
    check("drops", "local_named_in_a_user_macro", || {
        drive(local_named_in_a_user_macro(), [0, 0])
    });
    check("drops", "local_named_in_a_user_macro_dropped", || {
        drive(local_named_in_a_user_macro(), [0])
    });
}

#[coro::coroutine]
fn shadowed_guards() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let g = Guard("first");
    log(format!("made {}", g.0));
    let g = Guard("second");
    yield_!(1);
    log(format!("after, g is {}", g.0));
    {
        let g = Guard("inner");
        yield_!(2);
        log_it!("inner g is {g:?}");
    }
    log(format!("outer g is {}", g.0));
    yield_!(3);
}

#[test]
fn shadowed_guards_live_to_their_scope_end() {
    check("drops", "shadowed_guards", || {
        drive(shadowed_guards(), [0, 0, 0, 0])
    });
    check("drops", "shadowed_guards_dropped_at_1", || {
        drive(shadowed_guards(), [0])
    });
    check("drops", "shadowed_guards_dropped_at_2", || {
        drive(shadowed_guards(), [0, 0])
    });
}

#[coro::coroutine]
fn temporaries() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let _g = Guard("g");
    yield_!((Guard("t1"), 5).1);
    log("after the first statement");
    let x = yield_!(6);
    match (Guard("t2"), x).1 {
        0 => {
            yield_!(7);
            log("arm 0");
        }
        _ => log("other arm"),
    }
    log("after the match");
    let n = Guard("t3").name().len() as i32 + yield_!(8);
    log("after the let");
    n
}

#[test]
fn temporaries_live_to_the_end_of_their_statement_across_its_yield() {
    check("drops", "temporaries", || {
        drive(temporaries(), [0, 0, 0, 0, 10])
    });
    check("drops", "temporaries_other_arm", || {
        drive(temporaries(), [0, 0, 1, 10])
    });
    check("drops", "temporaries_dropped_at_1", || {
        drive(temporaries(), [0])
    });
    check("drops", "temporaries_dropped_in_the_match", || {
        drive(temporaries(), [0, 0, 0])
    });
    check("drops", "temporaries_dropped_in_the_let", || {
        drive(temporaries(), [0, 0, 0, 0])
    });
}

#[coro::coroutine]
fn moved_on_some_paths() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let g = Guard("g");
    let _h = Guard("h");
    let c = yield_!(0);
    if c == 1 {
        consume(g);
    } else {
        log_it!("kept {}", g.0);
        log(format!("{g:?}"));
    }
    yield_!(1);
    log("after");
}

#[test]
fn a_local_moved_on_some_paths_lives_to_its_scope_end_on_the_others() {
    check("drops", "moved_on_some_paths_moved", || {
        drive(moved_on_some_paths(), [0, 1, 0])
    });
    check("drops", "moved_on_some_paths_kept", || {
        drive(moved_on_some_paths(), [0, 0, 0])
    });
    check("drops", "moved_on_some_paths_dropped", || {
        drive(moved_on_some_paths(), [0, 0])
    });
    check("drops", "moved_on_some_paths_dropped_after_move", || {
        drive(moved_on_some_paths(), [0, 1])
    });
}

#[coro::coroutine]
fn moved_on_some_paths_then_reassigned() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let mut g = Guard("g1");
    let c = yield_!(0);
    if c == 1 {
        consume(g);
    }
    yield_!(1);
    g = Guard("g2");
    yield_!(2);
    log(format!("end with {}", g.0));
}

#[test]
fn a_local_moved_on_some_paths_then_assigned_again() {
    check(
        "drops",
        "reassigned_after_a_move_on_some_paths_moved",
        || drive(moved_on_some_paths_then_reassigned(), [0, 1, 0, 0]),
    );
    check(
        "drops",
        "reassigned_after_a_move_on_some_paths_kept",
        || drive(moved_on_some_paths_then_reassigned(), [0, 0, 0, 0]),
    );
    check(
        "drops",
        "reassigned_after_a_move_on_some_paths_dropped",
        || drive(moved_on_some_paths_then_reassigned(), [0, 0]),
    );
}

#[coro::coroutine]
fn hidden_by_an_if_let() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let g = Guard("outer");
    if let Some(g) = Some(Guard("inner")) {
        yield_!(1);
        log(format!("inner {}", g.0));
    }
    yield_!(2);
    log(format!("outer {}", g.0));
}

#[test]
fn a_local_hidden_by_an_if_let_binding_across_a_yield() {
    check("drops", "hidden_by_an_if_let", || {
        drive(hidden_by_an_if_let(), [0, 0, 0])
    });
    check("drops", "hidden_by_an_if_let_dropped", || {
        drive(hidden_by_an_if_let(), [0])
    });
}

#[coro::coroutine]
fn receive_loop_with_continue() -> impl Coroutine<i32, Yield = Guard, Return = ()> {
    let mut reply = Guard("hello");
    loop {
        let cmd = yield_!(reply);
        if cmd == 0 {
            break;
        }
        if cmd == 1 {
            reply = Guard("skipped");
            continue;
        }
        reply = Guard("answer");
    }
    log("after loop");
}

#[test]
fn the_receive_loop_with_a_continue_after_an_assignment_in_a_branch() {
    check("drops", "receive_loop_with_continue", || {
        drive(receive_loop_with_continue(), [0, 1, 2, 0])
    });
    check("drops", "receive_loop_with_continue_dropped", || {
        drive(receive_loop_with_continue(), [0, 1])
    });
}

#[coro::coroutine]
fn argument_moved_on_some_paths(
    first: Guard,
    g: Guard,
) -> impl Coroutine<i32, Yield = i32, Return = ()> {
    let _first = first;
    let c = yield_!(0);
    if c == 1 {
        consume(g);
    }
    yield_!(1);
    log("end");
}

#[test]
fn an_argument_moved_on_some_paths_lives_to_the_end_on_the_others() {
    check("drops", "argument_moved_on_some_paths_moved", || {
        drive(
            argument_moved_on_some_paths(Guard("first"), Guard("g")),
            [0, 1, 0],
        )
    });
    check("drops", "argument_moved_on_some_paths_kept", || {
        drive(
            argument_moved_on_some_paths(Guard("first"), Guard("g")),
            [0, 0, 0],
        )
    });
    check("drops", "argument_moved_on_some_paths_dropped", || {
        drive(
            argument_moved_on_some_paths(Guard("first"), Guard("g")),
            [0, 0],
        )
    });
}
