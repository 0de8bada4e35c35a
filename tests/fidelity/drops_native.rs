//! Native counterparts of tests/fidelity_drops.rs; output recorded in drops.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

include!("native_common.rs");

fn consume(g: Guard) {
    log(format!("consume {}", g.0));
}

/// The sub-coroutine of the `yield_from!` cases: yields the length, takes a send, and
/// returns the buffer with one more guard.
fn fill(
    mut buf: Vec<Guard>,
    name: &'static str,
) -> impl Coroutine<i32, Yield = i32, Return = Vec<Guard>> {
    #[coroutine]
    static move |_: i32| {
        let got = yield buf.len() as i32;
        log(format!("fill got {got}"));
        buf.push(Guard(name));
        buf
    }
}

/// `yield_from!(sub)` as coro defines it: the first resume sends `i32::default()`.
macro_rules! yield_from {
    ($sub:expr) => {{
        let mut sub = Box::pin($sub);
        let mut arg = 0;
        loop {
            match sub.as_mut().resume(arg) {
                CoroutineState::Yielded(y) => arg = yield y,
                CoroutineState::Complete(r) => break r,
            }
        }
    }};
}

fn receive_loop_with_break() -> impl Coroutine<i32, Yield = Guard, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let _before = Guard("before");
        let mut reply = Guard("hello");
        let _after = Guard("after");
        loop {
            let cmd = yield reply;
            if cmd == 0 {
                break;
            }
            reply = Guard(if cmd == 1 { "one" } else { "two" });
        }
        log("after loop");
    }
}

fn refill() -> impl Coroutine<i32, Yield = i32, Return = usize> {
    #[coroutine]
    static move |_: i32| {
        let mut buf = vec![Guard("base")];
        let _g = Guard("g");
        buf = yield_from!(fill(buf, "x"));
        log(format!("len {}", buf.len()));
        buf = yield_from!(fill(buf, "y"));
        log(format!("len {}", buf.len()));
        buf.len()
    }
}

fn yield_prev_then_reassign() -> impl Coroutine<i32, Yield = (Guard, Guard), Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let mut prev = Guard("start");
        for name in ["a", "b", "c"] {
            let x = Guard(name);
            yield (prev, Guard(x.0));
            prev = x;
        }
        log("end");
    }
}

fn moved_or_returned() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut g = Guard("g1");
        let _h = Guard("h");
        let c = yield 0;
        if c == 1 {
            consume(g);
        } else {
            log("early return");
            return -1;
        }
        yield 1;
        g = Guard("g2");
        yield 2;
        log("end");
        c
    }
}

fn moved_in_a_yielding_branch_or_returned() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut g = Guard("g1");
        let c = yield 0;
        if c == 1 {
            consume(g);
            yield 10;
        } else {
            yield 20;
            return -1;
        }
        g = Guard("g2");
        yield 2;
        log("end");
        c
    }
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

fn guard_last_used_as_a_receiver() -> impl Coroutine<i32, Yield = usize, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let g = Guard("g");
        let n = g.name().len();
        yield n;
        log("after");
    }
}

fn local_named_in_a_user_macro() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let d = (Guard("d"), 7);
        let e = Guard("e");
        log_it!("d.1 is {}", d.1);
        show!(e);
        yield 1;
        log("after");
    }
}

fn shadowed_guards() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let g = Guard("first");
        log(format!("made {}", g.0));
        let g = Guard("second");
        yield 1;
        log(format!("after, g is {}", g.0));
        {
            let g = Guard("inner");
            yield 2;
            log_it!("inner g is {g:?}");
        }
        log(format!("outer g is {}", g.0));
        yield 3;
    }
}

fn temporaries() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        yield (Guard("t1"), 5).1;
        log("after the first statement");
        let x = yield 6;
        match (Guard("t2"), x).1 {
            0 => {
                yield 7;
                log("arm 0");
            }
            _ => log("other arm"),
        }
        log("after the match");
        let n = Guard("t3").name().len() as i32 + yield 8;
        log("after the let");
        n
    }
}

fn moved_on_some_paths() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let g = Guard("g");
        let _h = Guard("h");
        let c = yield 0;
        if c == 1 {
            consume(g);
        } else {
            log_it!("kept {}", g.0);
            log(format!("{g:?}"));
        }
        yield 1;
        log("after");
    }
}

fn moved_on_some_paths_then_reassigned() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let mut g = Guard("g1");
        let c = yield 0;
        if c == 1 {
            consume(g);
        }
        yield 1;
        g = Guard("g2");
        yield 2;
        log(format!("end with {}", g.0));
    }
}

fn hidden_by_an_if_let() -> impl Coroutine<i32, Yield = i32, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let g = Guard("outer");
        if let Some(g) = Some(Guard("inner")) {
            yield 1;
            log(format!("inner {}", g.0));
        }
        yield 2;
        log(format!("outer {}", g.0));
    }
}

fn receive_loop_with_continue() -> impl Coroutine<i32, Yield = Guard, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let mut reply = Guard("hello");
        loop {
            let cmd = yield reply;
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
}

fn argument_moved_on_some_paths(
    first: Guard,
    g: Guard,
) -> impl Coroutine<i32, Yield = i32, Return = ()> {
    #[coroutine]
    static move |_: i32| {
        let _first = first;
        let c = yield 0;
        if c == 1 {
            consume(g);
        }
        yield 1;
        log("end");
    }
}

fn main() {
    case("receive_loop_with_break", || {
        drive(receive_loop_with_break(), &[0, 1, 2, 0])
    });
    case("receive_loop_with_break_dropped", || {
        drive(receive_loop_with_break(), &[0, 1])
    });
    case("refill", || drive(refill(), &[0, 5, 6]));
    case("refill_dropped_in_first", || drive(refill(), &[0]));
    case("refill_dropped_in_second", || drive(refill(), &[0, 5]));
    case("yield_prev_then_reassign", || {
        drive(yield_prev_then_reassign(), &[0, 0, 0, 0])
    });
    case("yield_prev_then_reassign_dropped", || {
        drive(yield_prev_then_reassign(), &[0, 0])
    });
    case("moved_or_returned_moved", || {
        drive(moved_or_returned(), &[0, 1, 0, 0])
    });
    case("moved_or_returned_returned", || {
        drive(moved_or_returned(), &[0, 2])
    });
    case("moved_or_returned_dropped", || {
        drive(moved_or_returned(), &[0, 1, 0])
    });
    case("guard_last_used_as_a_receiver", || {
        drive(guard_last_used_as_a_receiver(), &[0, 0])
    });
    case("guard_last_used_as_a_receiver_dropped", || {
        drive(guard_last_used_as_a_receiver(), &[0])
    });
    case("local_named_in_a_user_macro", || {
        drive(local_named_in_a_user_macro(), &[0, 0])
    });
    case("local_named_in_a_user_macro_dropped", || {
        drive(local_named_in_a_user_macro(), &[0])
    });
    case("shadowed_guards", || drive(shadowed_guards(), &[0, 0, 0, 0]));
    case("shadowed_guards_dropped_at_1", || drive(shadowed_guards(), &[0]));
    case("shadowed_guards_dropped_at_2", || drive(shadowed_guards(), &[0, 0]));
    case("temporaries", || drive(temporaries(), &[0, 0, 0, 0, 10]));
    case("temporaries_other_arm", || drive(temporaries(), &[0, 0, 1, 10]));
    case("temporaries_dropped_at_1", || drive(temporaries(), &[0]));
    case("temporaries_dropped_in_the_match", || drive(temporaries(), &[0, 0, 0]));
    case("temporaries_dropped_in_the_let", || drive(temporaries(), &[0, 0, 0, 0]));
    case("moved_on_some_paths_moved", || drive(moved_on_some_paths(), &[0, 1, 0]));
    case("moved_on_some_paths_kept", || drive(moved_on_some_paths(), &[0, 0, 0]));
    case("moved_on_some_paths_dropped", || drive(moved_on_some_paths(), &[0, 0]));
    case("moved_on_some_paths_dropped_after_move", || {
        drive(moved_on_some_paths(), &[0, 1])
    });
    case("reassigned_after_a_move_on_some_paths_moved", || {
        drive(moved_on_some_paths_then_reassigned(), &[0, 1, 0, 0])
    });
    case("reassigned_after_a_move_on_some_paths_kept", || {
        drive(moved_on_some_paths_then_reassigned(), &[0, 0, 0, 0])
    });
    case("reassigned_after_a_move_on_some_paths_dropped", || {
        drive(moved_on_some_paths_then_reassigned(), &[0, 0])
    });
    case("hidden_by_an_if_let", || drive(hidden_by_an_if_let(), &[0, 0, 0]));
    case("hidden_by_an_if_let_dropped", || drive(hidden_by_an_if_let(), &[0]));
    case("receive_loop_with_continue", || {
        drive(receive_loop_with_continue(), &[0, 1, 2, 0])
    });
    case("receive_loop_with_continue_dropped", || {
        drive(receive_loop_with_continue(), &[0, 1])
    });
    case("argument_moved_on_some_paths_moved", || {
        drive(argument_moved_on_some_paths(Guard("first"), Guard("g")), &[0, 1, 0])
    });
    case("argument_moved_on_some_paths_kept", || {
        drive(argument_moved_on_some_paths(Guard("first"), Guard("g")), &[0, 0, 0])
    });
    case("argument_moved_on_some_paths_dropped", || {
        drive(argument_moved_on_some_paths(Guard("first"), Guard("g")), &[0, 0])
    });
    case("moved_in_a_yielding_branch_moved", || {
        drive(moved_in_a_yielding_branch_or_returned(), &[0, 1, 0, 0])
    });
    case("moved_in_a_yielding_branch_returned", || {
        drive(moved_in_a_yielding_branch_or_returned(), &[0, 2, 0])
    });
}
