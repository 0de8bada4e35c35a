//! Shapes the differential tester (fuzz/, fuzz/reduced/) found coro getting wrong, each
//! checked against the trace of the same body as a native coroutine
//! (tests/fidelity/regressions_native.rs, recorded in regressions.trace).

mod fidelity_common;

use coro::{Coroutine, yield_};
use fidelity_common::{Guard, check, drive, log};

struct Pair {
    a: i32,
    b: i32,
}

fn ok_unless_3(x: i32) -> Result<i32, i32> {
    if x == 3 { Err(x) } else { Ok(x) }
}

fn opt(x: i32) -> Option<i32> {
    if x < 50 { Some(x) } else { None }
}

/// `Guard::v`: logs a use of the guard and passes `x` through (a `&self` method).
trait Peek {
    fn v(&self, x: i32) -> i32;
    /// Logs that the guard is taken by value, and passes `x` through (a `self` method).
    fn eat(self, x: i32) -> i32;
}
impl Peek for Guard {
    fn v(&self, x: i32) -> i32 {
        log(format!("use {}", self.0));
        x
    }
    fn eat(self, x: i32) -> i32 {
        log(format!("eat {}", self.0));
        x
    }
}
fn add(a: i32, b: i32) -> i32 {
    a + b
}
fn log_i(s: &str, v: i32) {
    log(format!("{s} {v}"));
}
fn pick(n: i32) -> Guard {
    Guard(if n > 0 { "new" } else { "zero" })
}

/// fuzz/reduced/try_at_block_tail_then_binop.rs: `x? + 1` as a block's tail and as a match
/// arm did not parse once `?` was rewritten.
#[coro::coroutine]
fn try_then_binop() -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    let s = yield_!(0);
    let d = { opt(3)? + 1 };
    log(format!("d {d}"));
    let e = match s {
        0 => 7,
        m => opt(m)? + m,
    };
    log(format!("e {e}"));
    Some(d + e)
}

#[test]
fn a_question_mark_leading_a_binary_operation() {
    check("regressions", "try_at_block_tail_then_binop", || {
        drive(try_then_binop(), [0, 5])
    });
    check("regressions", "try_at_block_tail_then_binop_none", || {
        drive(try_then_binop(), [0, 60])
    });
}

/// Found by the CI batch of fuzz/: in a body with a `#[cfg]`, a rewritten `?` as the value
/// of a labeled `break` read as a label's `:`.
#[coro::coroutine]
fn try_after_label() -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    #[cfg(not(any()))]
    yield_!(1);
    let mut i = 0;
    let v = 'l: loop {
        i += 1;
        if i > 1 {
            break 'l opt(8)?;
        }
    };
    let w = opt(3)?;
    yield_!(v + w);
    Some(v)
}

#[test]
fn a_question_mark_as_a_labeled_break_value_in_a_cfg_body() {
    check(
        "regressions",
        "try_as_a_labeled_break_value_in_a_cfg_body",
        || drive(try_after_label(), [0, 0, 0]),
    );
}

#[coro::coroutine]
fn tail_match_keeps_its_scrutinee_temporaries() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let g = Guard("g");
    let v = {
        let q = Guard("q");
        match add(Guard("a").v(1), Guard("b").v(2)) {
            0 => 0,
            n => yield_!(n) + q.v(0),
        }
    };
    v + g.v(0)
}

#[coro::coroutine]
fn let_else_keeps_the_temporaries_of_a_yielding_value()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let Some(w) = opt(Guard("t").v(yield_!(1))) else {
        log("else");
        return -1;
    };
    let Some(z) = opt(Guard("u").v(yield_!(2))) else {
        log("else");
        return -2;
    };
    w + z
}

#[coro::coroutine]
fn a_spilled_receiver_is_dropped_at_its_statements_end()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    {
        log_i("got", Guard("t").v(yield_!(8)));
        let _g = Guard("g");
    }
    0
}

#[coro::coroutine]
fn lazy_operands_drop_their_own_temporaries() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let x = match Guard("e").v(1) > 0 && Guard("f").v(1) > 0 {
        true => yield_!(3),
        false => 5,
    };
    let y = match (Guard("c").v(3) == 3, &Guard("d")) {
        (true, _) => yield_!(2),
        _ => 0,
    };
    x + y
}

#[coro::coroutine]
fn if_let_keeps_its_scrutinee_temporaries_through_then_only()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    if let Some(z) = opt(Guard("a").v(6)) {
        yield_!(z);
    } else {
        log("else");
    }
    if let Some(z) = opt(Guard("b").v(60)) {
        yield_!(z);
    } else {
        log_i("else", yield_!(1));
    }
    if let Some(z) = opt(Guard("c").v(7))
        && z > 3
    {
        yield_!(z);
    }
    0
}

#[coro::coroutine]
fn an_assignment_keeps_its_temporaries_past_the_old_values_drop()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut g = Guard("old");
    let n;
    n = Guard("t").v(yield_!(1));
    g = pick(Guard("u").v(yield_!(2)));
    log(format!("{} {n}", g.0));
    n
}

#[coro::coroutine]
fn a_move_closure_reading_a_field_leaves_its_owner_in_place()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let u = (Guard("u"), 1);
    let c = move |a: i32| a + u.1;
    yield_!(1);
    c(1)
}

// Temporaries live to the end of their statement, `let .. else`, assignment, block tail
// or `if let` `then` block, across the yields in it; lazy operands and closures that
// capture a field keep rustc's scopes (found by fuzz seeds 61-64).

#[test]
fn tail_match_keeps_its_scrutinee_temporaries_case() {
    check(
        "regressions",
        "tail_match_keeps_its_scrutinee_temporaries",
        || drive(tail_match_keeps_its_scrutinee_temporaries(), [0, 5, 6]),
    );
}

#[test]
fn let_else_keeps_the_temporaries_of_a_yielding_value_case() {
    check(
        "regressions",
        "let_else_keeps_the_temporaries_of_a_yielding_value",
        || {
            drive(
                let_else_keeps_the_temporaries_of_a_yielding_value(),
                [0, 7, 60, 0],
            )
        },
    );
}

#[test]
fn a_spilled_receiver_is_dropped_at_its_statements_end_case() {
    check(
        "regressions",
        "a_spilled_receiver_is_dropped_at_its_statements_end",
        || {
            drive(
                a_spilled_receiver_is_dropped_at_its_statements_end(),
                [0, 5, 6],
            )
        },
    );
}

#[test]
fn lazy_operands_drop_their_own_temporaries_case() {
    check(
        "regressions",
        "lazy_operands_drop_their_own_temporaries",
        || drive(lazy_operands_drop_their_own_temporaries(), [0, 5, 6]),
    );
}

#[test]
fn if_let_keeps_its_scrutinee_temporaries_through_then_only_case() {
    check(
        "regressions",
        "if_let_keeps_its_scrutinee_temporaries_through_then_only",
        || {
            drive(
                if_let_keeps_its_scrutinee_temporaries_through_then_only(),
                [0, 5, 6, 7, 8],
            )
        },
    );
}

#[test]
fn an_assignment_keeps_its_temporaries_past_the_old_values_drop_case() {
    check(
        "regressions",
        "an_assignment_keeps_its_temporaries_past_the_old_values_drop",
        || {
            drive(
                an_assignment_keeps_its_temporaries_past_the_old_values_drop(),
                [0, 5, 6, 7],
            )
        },
    );
}

#[test]
fn a_move_closure_reading_a_field_leaves_its_owner_in_place_case() {
    check(
        "regressions",
        "a_move_closure_reading_a_field_leaves_its_owner_in_place",
        || {
            drive(
                a_move_closure_reading_a_field_leaves_its_owner_in_place(),
                [0, 5],
            )
        },
    );
}

#[coro::coroutine]
fn a_tuple_destructured_on_one_path_keeps_its_drop_flag()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let u = (Guard("u"), yield_!(1));
    if u.1 > 3 {
        let _g = Guard("g");
    } else {
        yield_!(2);
        let (g, v) = u;
        log_i("took", v);
        drop(g);
    }
    let v = yield_!(Guard("t").v(2));
    v
}

#[coro::coroutine]
fn a_scrutinee_keeps_the_temporaries_after_its_own_yield()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let r = match (yield_!(1) + Guard("a").v(1), &Guard("b")) {
        (0, _) => 0,
        (n, _) => yield_!(n) + 1,
    };
    if let Some(a) = opt(Guard("c").v(4))
        && yield_!(a) > 0
    {
        log_i("then", a);
    } else {
        log_i("else", 0);
    }
    if add((&Guard("d")).v(1), yield_!(3)) > 0 {
        yield_!(4);
    }
    r
}

#[test]
fn a_tuple_destructured_on_one_path_keeps_its_drop_flag_case() {
    check(
        "regressions",
        "a_tuple_destructured_on_one_path_keeps_its_drop_flag",
        || {
            drive(
                a_tuple_destructured_on_one_path_keeps_its_drop_flag(),
                [0, 5, 6, 7],
            )
        },
    );
    check(
        "regressions",
        "a_tuple_destructured_on_one_path_keeps_its_drop_flag_other_path",
        || {
            drive(
                a_tuple_destructured_on_one_path_keeps_its_drop_flag(),
                [0, 1, 6, 7, 8],
            )
        },
    );
}

#[test]
fn a_scrutinee_keeps_the_temporaries_after_its_own_yield_case() {
    check(
        "regressions",
        "a_scrutinee_keeps_the_temporaries_after_its_own_yield",
        || {
            drive(
                a_scrutinee_keeps_the_temporaries_after_its_own_yield(),
                [0, 5, 6, 7, 8, 9],
            )
        },
    );
}

/// Found by the differential tester (seeds 71 and 72): a statement's temporaries (the
/// receiver `Guard("t")`) are scoped outside the expressions in it, so a coroutine dropped
/// while suspended in the statement drops the tuple's evaluated operands first, even
/// those evaluated before the temporary was created.
#[coro::coroutine]
fn a_statements_temporaries_drop_after_its_pending_operands()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let u = (Guard("u"), Guard("t").v(yield_!(1)));
    let w = (Guard("w"), add(Guard("x").v(2), yield_!(2)), Guard("y"));
    let z = [(Guard("z"), (&Guard("r")).v(yield_!(3)))];
    u.1 + w.1 + z[0].1
}

#[test]
fn a_statements_temporaries_drop_after_its_pending_operands_case() {
    let name = "a_statements_temporaries_drop_after_its_pending_operands";
    for (suffix, sends) in [
        ("", &[0][..]),
        ("_second", &[0, 5]),
        ("_third", &[0, 5, 6]),
        ("_end", &[0, 5, 6, 7]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_statements_temporaries_drop_after_its_pending_operands(),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (CI seed): a local with a drop flag, moved as the
/// value of a labelled `break`, in a body with a `#[cfg]` (which syn parses again after
/// the lowering) was rejected with "expected loop or block expression".
#[coro::coroutine]
fn a_labelled_break_of_a_flagged_local_in_a_cfgd_body()
-> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    #[cfg(any())]
    yield_!(9);
    let mut i5k = 0;
    let v6 = 'lv4: loop {
        i5k += 1;
        let i5 = i5k;
        if i5 > 3 {
            break 'lv4 4;
        }
        {
            let Some(w7) = opt(yield_!(3)) else {
                return None;
            };
            let mut i9k = 0;
            let v10 = 'lv8: loop {
                i9k += 1;
                let i9 = i9k;
                if i9 > 2 {
                    break 'lv8 i5;
                }
            };
            log_i("inner", v10 + w7);
        }
    };
    Some(v6)
}

#[test]
fn a_labelled_break_of_a_flagged_local_in_a_cfgd_body_case() {
    check(
        "regressions",
        "a_labelled_break_of_a_flagged_local_in_a_cfgd_body",
        || {
            drive(
                a_labelled_break_of_a_flagged_local_in_a_cfgd_body(),
                [0, 5, 6, 7, 8],
            )
        },
    );
}

/// Found by the differential tester (seed 82): a local moved into a `move` closure on one
/// path, and hidden by a `let` of the same name on another, was dropped at the next yield
/// on the path that kept it, where rustc keeps it to its scope's end. It has a drop flag now.
#[coro::coroutine]
fn a_move_closure_or_a_shadowing_let_keeps_the_drop_flag(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let g1 = Guard("g1");
    let mut g2 = Guard("g2");
    if p > 2 {
        let g1 = Guard("g1b");
        yield_!(1);
        log_i("then", p);
    } else {
        let c = move |a: i32| {
            let _k = &g1;
            a + 1
        };
        let mut d = move || {
            drop(std::mem::replace(&mut g2, Guard("g2b")));
            g2.0.len() as i32
        };
        log_i("else", c(1) + d());
    }
    yield_!(7);
    log_i("after", p);
    0
}

#[test]
fn a_move_closure_or_a_shadowing_let_keeps_the_drop_flag_case() {
    let name = "a_move_closure_or_a_shadowing_let_keeps_the_drop_flag";
    for (suffix, p, sends) in [
        ("_moved", 1, &[0, 1, 2][..]),
        ("_kept", 5, &[0, 1, 2]),
        ("_dropped", 5, &[0, 1]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_move_closure_or_a_shadowing_let_keeps_the_drop_flag(p),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (seed 91): a `move` closure that captures only `Copy`
/// fields of a local (edition 2021's disjoint captures) moved whole on another path left
/// the local without a drop flag, dropped at the next yield; the fields are copied out of
/// the flag now, and the local lives to its scope's end.
#[coro::coroutine]
fn a_move_closure_copying_a_field_keeps_the_drop_flag(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let u = (Guard("u"), (7, 2));
    if p > 2 {
        let c = move |a: i32| a + u.1.1 * u.1.0 + u.1.1;
        log_i("c", c(1));
    } else {
        let (g, n) = u;
        log_i("took", n.0);
        drop(g);
    }
    yield_!(7);
    log_i("after", p);
    0
}

#[test]
fn a_move_closure_copying_a_field_keeps_the_drop_flag_case() {
    let name = "a_move_closure_copying_a_field_keeps_the_drop_flag";
    for (suffix, p, sends) in [
        ("_kept", 5, &[0, 1][..]),
        ("_moved", 1, &[0, 1]),
        ("_dropped", 5, &[0]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_move_closure_copying_a_field_keeps_the_drop_flag(p),
                sends.iter().copied(),
            )
        });
    }
}

/// Reported while writing the tokio backend: a local moved inside the arguments of a
/// standard macro (`assert_eq!(own.unwrap_err(), ..)`) between two yields was kept as if
/// borrowed, and rustc rejected the expansion (E0382). The formatting and assertion
/// macros' arguments are read as expressions now.
#[coro::coroutine]
fn a_standard_macro_that_moves_a_local_in_its_arguments()
-> impl Coroutine<i32, Yield = i32, Return = i32> {
    let own: Result<i32, Guard> = Err(Guard("e"));
    let g = Guard("g");
    yield_!(1);
    assert_eq!(own.unwrap_err().0, "e", "{}", g.0);
    let s = yield_!(2);
    log(format!("{} {}", g.0, s));
    yield_!(3);
    0
}

#[test]
fn a_standard_macro_that_moves_a_local_in_its_arguments_case() {
    let name = "a_standard_macro_that_moves_a_local_in_its_arguments";
    for (suffix, sends) in [("", &[0, 5, 6, 7][..]), ("_dropped", &[0, 5, 6])] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_standard_macro_that_moves_a_local_in_its_arguments(),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (seed 103): the temporaries in the operand of a `?`
/// (`f(Guard::new().v())?`) were dropped before a later yield of the statement, or of
/// the `match` it is the scrutinee of, instead of at its end.
#[coro::coroutine]
fn a_question_mark_keeps_its_operands_temporaries(
    n: i32,
) -> impl Coroutine<i32, Yield = i32, Return = Result<i32, i32>> {
    let g = Guard("g");
    match ok_unless_3(Guard("t1").v(6))? {
        _ => {
            yield_!(1);
        }
    }
    let w = (
        Guard("t3").v(-1),
        yield_!(2),
        ok_unless_3(Guard("t4").v(n))?,
        yield_!(5),
    );
    log_i("w", w.0);
    Ok(0)
}

#[test]
fn a_question_mark_keeps_its_operands_temporaries_case() {
    let name = "a_question_mark_keeps_its_operands_temporaries";
    for (suffix, n) in [("", 1), ("_err", 3)] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_question_mark_keeps_its_operands_temporaries(n),
                [0, 1, 2, 3],
            )
        });
    }
}

/// A temporary in a struct literal's field (the receiver `Guard("s1")`) evaluated before a
/// yield lives to the statement's end, as in a tuple, also when the literal is an operand
/// (`add(Pair { a: G.v(3), .. }.a, yield_!(3))`).
#[coro::coroutine]
fn a_struct_literal_keeps_its_fields_temporaries() -> impl Coroutine<i32, Yield = i32, Return = i32>
{
    let p = Pair {
        a: Guard("s1").v(1),
        b: yield_!(1),
    };
    log_i("p", p.a + p.b);
    let a = 5;
    let q = Pair {
        a,
        b: Guard("s2").v(yield_!(2)),
    };
    log_i("q", q.a + q.b);
    let r = add(
        Pair {
            a: Guard("s3").v(3),
            b: a,
        }
        .a,
        yield_!(3),
    );
    log_i("r", r);
    0
}

#[test]
fn a_struct_literal_keeps_its_fields_temporaries_case() {
    let name = "a_struct_literal_keeps_its_fields_temporaries";
    for (suffix, sends) in [
        ("", &[0, 1, 2, 3][..]),
        ("_nested", &[0, 1, 2]),
        ("_dropped", &[0]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_struct_literal_keeps_its_fields_temporaries(),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (seeds 71-104, about 1% of bodies): a deferred local
/// (`let d;`) assigned on both paths of an `if` whose condition yields was rejected, with
/// "type annotations needed" on the attribute or coro's "assigned on some paths only":
/// code without a suspension noted its assignments as possible only, and a let chain's
/// `then` block that jumps to the chain's end did not carry its assignment.
#[coro::coroutine]
fn deferred_init_on_both_paths_of_a_yielding_condition(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let v1 = yield_!(5);
    let d3;
    if yield_!(3) % 2 == 0 {
        d3 = v1 + 5;
    } else {
        d3 = v1;
    }
    let x = if d3 > 0 { 1 } else { yield_!(9) };
    let g = Guard("g");
    let d4;
    if let Some(z) = opt(yield_!(p))
        && z > 5
    {
        d4 = Guard("then");
    } else {
        d4 = Guard("else");
    }
    let d5;
    if let Some(z) = opt(yield_!(6))
        && z > 2
    {
        d5 = z;
    } else {
        d5 = yield_!(7);
    }
    log_i("d5", d5);
    yield_!(8);
    log_i("x", x);
    drop(d4);
    drop(g);
    0
}

#[test]
fn deferred_init_on_both_paths_of_a_yielding_condition_case() {
    let name = "deferred_init_on_both_paths_of_a_yielding_condition";
    for (suffix, sends) in [
        ("", &[0, 2, 3, 7, 1, 4, 5, 6][..]),
        ("_else", &[0, 2, 1, 3, 9, 1, 8]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                deferred_init_on_both_paths_of_a_yielding_condition(1),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (seed 142, body 213): a block whose tail is an `if`
/// that jumps out (`if v > 2 { break 'l; }`) and whose end joins code after a suspension
/// carried the tail as a value with its jump left unfilled ("cannot find macro").
#[coro::coroutine]
fn a_jump_in_the_tail_of_a_joining_block(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut v = p;
    let g = Guard("g");
    'outer: loop {
        if let Some(z) = opt(yield_!(1))
            && z > 5
        {
            v += z;
        } else {
            let inner = Guard("inner");
            if v > 4 {
                v += 1;
            } else {
                v += yield_!(2);
            }
            log_i("v", v);
            if v > 2 {
                break 'outer;
            }
        }
        let h = Guard("h");
        yield_!(v);
    }
    drop(g);
    v
}

#[test]
fn a_jump_in_the_tail_of_a_joining_block_case() {
    let name = "a_jump_in_the_tail_of_a_joining_block";
    for (suffix, p, sends) in [
        ("", 0, &[0, 9, 1, 0, 60, 0, 1, 2][..]),
        ("_break_at_once", 5, &[0, 60, 0]),
        ("_break_after_yield", 0, &[0, 60, 5]),
        ("_dropped", 0, &[0, 60, 1]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_jump_in_the_tail_of_a_joining_block(p),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (about 4% of bodies, the largest group of rejections):
/// a yield in a match guard was rejected. rustc runs the guard with the bindings borrowed
/// from the scrutinee; coro matches the scrutinee again around each piece of the guard
/// that reads a binding (`guards.rs`).
#[derive(Debug)]
enum Cmd {
    Say(String),
    Num(i32),
    Stop,
}
fn through(g: &Guard, c: Cmd) -> Cmd {
    log(format!("through {}", g.0));
    c
}

#[coro::coroutine]
fn a_yield_in_a_match_guard(cmds: Vec<Cmd>) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut total = 0;
    let g = Guard("g");
    for cmd in cmds {
        // A value scrutinee: it and its temporary live to the end of the `match`.
        let v = match through(&Guard("scrutinee"), cmd) {
            Cmd::Stop => break,
            Cmd::Say(s) if s.len() as i32 + yield_!(s.len() as i32) > 3 => {
                log(format!("said {s}"));
                1
            }
            Cmd::Num(n) if n > 0 && yield_!(n) > n => n * 2,
            Cmd::Num(n) => n,
            Cmd::Say(s) => {
                log(format!("quiet {s}"));
                0
            }
        };
        total += v;
        log_i("total", total);
    }
    // A place scrutinee, matched by reference (the bindings are references).
    let pair = (Guard("pair"), total);
    let w = match &pair {
        (_, 0) => 0,
        (p, t) if *t > 2 && p.v(yield_!(*t)) > 10 => 1,
        (_, t) => *t,
    };
    log_i("w", w);
    // A guard that suspends twice, in statement position.
    let mut k = Some(total);
    match k {
        Some(x) if yield_!(x) + yield_!(x + 1) > 100 => k = None,
        Some(_) => log("kept"),
        None => {}
    }
    drop(g);
    total + w + k.unwrap_or(-1)
}

#[test]
fn a_yield_in_a_match_guard_case() {
    let name = "a_yield_in_a_match_guard";
    let cmds = || {
        vec![
            Cmd::Say("hello".into()),
            Cmd::Num(4),
            Cmd::Say("hi".into()),
            Cmd::Num(-1),
            Cmd::Stop,
            Cmd::Num(9),
        ]
    };
    for (suffix, sends) in [
        ("", &[0, 0, 9, 2, 1, 11, 60, 50, 0][..]),
        ("_other_arms", &[0, 0, 0, 0, 0, 0, 0, 0]),
        ("_dropped_in_the_guard", &[0, 0]),
        ("_dropped_in_the_second_guard", &[0, 0, 9, 2, 1, 11]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(a_yield_in_a_match_guard(cmds()), sends.iter().copied())
        });
    }
}

/// Found while adding guards that suspend (fuzz seed 143, body 135): a `break 'a value`
/// out of a labelled block or `loop` whose own value is not used (a statement) did not run
/// `value` at all, so its side effects and drops were lost.
#[coro::coroutine]
fn a_break_value_runs_where_the_loop_value_is_unused(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let g = Guard("g");
    'a: {
        let inner = Guard("inner a");
        if p > 0 {
            break 'a pick(g.v(p));
        }
        yield_!(1);
        pick(0)
    };
    'b: {
        yield_!(2);
        let inner = Guard("inner b");
        if p > 1 {
            break 'b log_i("b", p);
        }
        yield_!(3);
    }
    let mut n = 0;
    loop {
        n += 1;
        if n > p {
            break pick(n);
        }
        yield_!(4);
    }
    0
}

#[test]
fn a_break_value_runs_where_the_loop_value_is_unused_case() {
    let name = "a_break_value_runs_where_the_loop_value_is_unused";
    for (suffix, p) in [("", 2), ("_zero", 0), ("_one", 1)] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_break_value_runs_where_the_loop_value_is_unused(p),
                [0, 0, 0, 0, 0, 0, 0],
            )
        });
    }
}

/// Found by the differential tester (seed 143, body 144): a temporary in a method call's
/// argument (`Guard("t4").v(Guard("t5").v(x))`) was not kept to the end of the `match`
/// whose scrutinee it is, or of the statement, across a later yield: only the receiver's was.
#[coro::coroutine]
fn temporaries_in_method_arguments_are_kept(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    match Guard("t4").v(Guard("t5").v(p)) {
        0 => {}
        m => {
            yield_!(m);
        }
    }
    let g = Guard("g");
    log_i("sum", add(g.v(Guard("a1").v(p)), yield_!(2)));
    0
}

#[test]
fn temporaries_in_method_arguments_are_kept_case() {
    let name = "temporaries_in_method_arguments_are_kept";
    for (suffix, sends) in [("", &[0, 1, 2][..]), ("_dropped", &[0])] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                temporaries_in_method_arguments_are_kept(1),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (fuzz/reduced/partial_move_then_yield.rs, ~1.3% of
/// bodies rejected with E0382): a field moved out of a tuple local (`let g = u.0;`) before
/// a suspension. A tuple local used only through its fields is split into one local per
/// field (`split.rs`), dropped in the tuple's field order.
#[coro::coroutine]
fn a_field_moved_out_of_a_tuple(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let before = Guard("before");
    let u = (Guard("u0"), Guard("u1"), p);
    let mut w: (Guard, (i32, Guard)) = (Guard("w0"), (1, Guard("w11")));
    if u.2 > 1 {
        let g = u.0;
        yield_!(1);
        drop(g);
    }
    w.1.0 += yield_!(u.2);
    log_i("w10", w.1.0);
    let h = w.0;
    yield_!(3);
    drop(h);
    log(format!("{} {}", u.1.0, w.1.1.0));
    0
}

/// Found with the tuple split above: a deferred local (`let d;`) moved on some paths was
/// dropped at the next yield on the others, not at its scope's end; and locals assigned
/// by a destructuring assignment (`(a, b) = ..`) counted as used up there.
#[coro::coroutine]
fn deferred_locals_moved_on_some_paths(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let d;
    d = Guard("d");
    if p > 5 {
        let g = d;
    }
    yield_!(1);
    let b;
    let a;
    (a, b) = (Guard("a"), Guard("b"));
    yield_!(2);
    drop(a);
    log_i("end", p);
    0
}

#[test]
fn a_field_moved_out_of_a_tuple_case() {
    let name = "a_field_moved_out_of_a_tuple";
    for (suffix, p, sends) in [
        ("", 2, &[0, 0, 5, 0, 0][..]),
        ("_not_moved", 0, &[0, 5, 0, 0]),
        ("_dropped", 2, &[0, 0]),
        ("_dropped_later", 0, &[0, 5]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(a_field_moved_out_of_a_tuple(p), sends.iter().copied())
        });
    }
    let name = "deferred_locals_moved_on_some_paths";
    for (suffix, p, sends) in [
        ("", 1, &[0, 0, 0][..]),
        ("_moved", 9, &[0, 0, 0]),
        ("_dropped", 1, &[0, 0]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                deferred_locals_moved_on_some_paths(p),
                sends.iter().copied(),
            )
        });
    }
}

/// Found while keeping scrutinees for guards: what a `match` or `if let` pattern leaves of
/// a temporary scrutinee (`(_, a)`, `Some(_)`, `None`) dropped before a yield in the arm,
/// where rustc keeps it to the end of the `match` (`remains.rs`).
fn three() -> (Guard, Guard, Guard) {
    (Guard("x"), Guard("y"), Guard("z"))
}

#[coro::coroutine]
fn what_a_pattern_leaves_of_a_temporary_is_kept(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    match three() {
        (_, mut a, _) if p > 0 => {
            let l = Guard("local");
            log(a.0);
            a = Guard("a2");
            log(a.0);
            yield_!(1);
            log("arm end");
        }
        _ => log("other"),
    }
    match Some(Guard("o")) {
        None => {}
        Some(_) => {
            yield_!(2);
            log("arm2 end");
        }
    }
    if let (_, b, _) = three() {
        yield_!(3);
        log_i("then", b.v(3));
    }
    if let Some(_) = Some(Guard("o2")) {
        yield_!(4);
    }
    0
}

#[test]
fn what_a_pattern_leaves_of_a_temporary_is_kept_case() {
    let name = "what_a_pattern_leaves_of_a_temporary_is_kept";
    for (suffix, p, sends) in [
        ("", 1, &[0, 0, 0, 0, 0][..]),
        ("_other", 0, &[0, 0, 0, 0]),
        ("_dropped", 1, &[0]),
        ("_dropped_in_if_let", 1, &[0, 0, 0]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                what_a_pattern_leaves_of_a_temporary_is_kept(p),
                sends.iter().copied(),
            )
        });
    }
}

/// docs/LOWERING.md listed it as a difference: a binding of a pattern (`match` arm,
/// `if let`, destructuring `let`) moved on some paths only was dropped at the next yield
/// on the others. Such a binding is now bound again by a plain `let`, which gets a drop
/// flag (`remains.rs`, `split.rs`).
fn two() -> (Guard, Guard) {
    (Guard("x"), Guard("y"))
}

#[coro::coroutine]
fn a_pattern_binding_moved_on_some_paths(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let o = Some(Guard("o"));
    match o {
        Some(g) if p > 0 => {
            if p > 5 {
                drop(g);
            }
            yield_!(1);
            log("arm end");
        }
        _ => {}
    }
    if let Some(h) = Some(Guard("h")) {
        if p > 5 {
            let k = h;
        }
        yield_!(2);
        log("then end");
    }
    let (a, mut b) = two();
    if p > 5 {
        drop(a);
    }
    yield_!(3);
    b = Guard("b2");
    log(b.0);
    0
}

#[test]
fn a_pattern_binding_moved_on_some_paths_case() {
    let name = "a_pattern_binding_moved_on_some_paths";
    for (suffix, p, sends) in [
        ("", 1, &[0, 0, 0, 0][..]),
        ("_moved", 9, &[0, 0, 0, 0]),
        ("_dropped", 1, &[0]),
        ("_dropped_later", 1, &[0, 0, 0]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                a_pattern_binding_moved_on_some_paths(p),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (seed 192, body 421): a block's tail statement with a
/// `#[cfg]` that held (`#[cfg(all())] {}`), once the block's value was carried (an arm of
/// a `match` with a guard that suspends), put the attribute on an expression: unstable
/// (E0658). The `#[cfg]`s rustc has evaluated are removed.
#[allow(clippy::non_minimal_cfg)]
#[coro::coroutine]
fn a_cfg_on_a_carried_tail(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    match p {
        m if m + yield_!(1) > 4 => {
            log("arm");
            #[cfg(all())]
            {
                log("cfg'd tail");
            }
        }
        _ => {}
    }
    0
}

#[test]
fn a_cfg_on_a_carried_tail_case() {
    check("regressions", "a_cfg_on_a_carried_tail", || {
        drive(a_cfg_on_a_carried_tail(1), [0, 9])
    });
}

/// The guard rewrite binds a value scrutinee whole (`guards.rs`); an arm that moved a
/// binding out of it and then suspended dropped the rest of it (`_`) at the yield, not at
/// the end of the `match`.
enum Said {
    Say(String, Guard),
    Num(i32),
}

fn said(n: i32) -> Said {
    if n > 0 {
        Said::Say("hi".into(), Guard("said"))
    } else {
        Said::Num(n)
    }
}

#[coro::coroutine]
fn what_a_guarded_arm_leaves_of_the_scrutinee(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    match said(p) {
        Said::Say(s, _) if yield_!(1) > 0 => {
            yield_!(2);
            log(s);
        }
        Said::Say(s, _) => log(format!("other {s}")),
        Said::Num(n) => log_i("num", n),
    }
    log("after");
    0
}

#[test]
fn what_a_guarded_arm_leaves_of_the_scrutinee_case() {
    let name = "what_a_guarded_arm_leaves_of_the_scrutinee";
    for (suffix, p, sends) in [
        ("", 1, &[0, 1, 0][..]),
        ("_other", 1, &[0, 0]),
        ("_dropped", 1, &[0, 1]),
    ] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                what_a_guarded_arm_leaves_of_the_scrutinee(p),
                sends.iter().copied(),
            )
        });
    }
}

/// Found by the differential tester (seed 201, body 174): in a second lowering (a local
/// with a drop flag), a scrutinee that reads the flagged local (`Take(&mut m).__coro_take()`)
/// looked like a borrow, so what the pattern left of it was not kept.
#[coro::coroutine]
fn remains_of_a_scrutinee_reading_a_flagged_local(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    if let (_, m3) = (Guard("q2"), p) {
        match (Guard("q4"), m3) {
            (_, m5) => {
                yield_!(m5);
                log("arm end");
            }
        }
    }
    0
}

#[test]
fn remains_of_a_scrutinee_reading_a_flagged_local_case() {
    check(
        "regressions",
        "remains_of_a_scrutinee_reading_a_flagged_local",
        || drive(remains_of_a_scrutinee_reading_a_flagged_local(1), [0, 0]),
    );
}

/// Found by the differential tester (seed 203, body 134): a `match` used as an operand is
/// no temporary scope, so the temporaries of its scrutinee (`match G("t").v(i) { .. }` as
/// the scrutinee of a `match` whose arms yield, or an argument before a yield) live to
/// the end of the enclosing statement; they were dropped before the yield.
#[coro::coroutine]
fn temporaries_of_an_inner_match_scrutinee(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    match match Guard("t9").v(p) {
        0 => 1,
        m => m + 1,
    } {
        0 => {}
        n => {
            yield_!(n);
        }
    }
    log_i(
        "sum",
        add(
            match Guard("t10").v(p) {
                m => m,
            },
            yield_!(2),
        ),
    );
    0
}

#[test]
fn temporaries_of_an_inner_match_scrutinee_case() {
    for (suffix, sends) in [("", &[0, 0, 0][..]), ("_dropped", &[0])] {
        check(
            "regressions",
            &format!("temporaries_of_an_inner_match_scrutinee{suffix}"),
            || {
                drive(
                    temporaries_of_an_inner_match_scrutinee(1),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// Found by the differential tester (seed 223, body 489): a `?` that returns in the
/// middle of a statement, after a yield in it, dropped the statement's kept temporary
/// (`t2`) before its pending operand (`u1`); rustc drops the operand first, as a
/// suspended coroutine already did. A block binds its incoming locals oldest first.
#[coro::coroutine]
fn an_early_return_mid_statement_drops_operands_first(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    let u1 = (
        Guard("u1"),
        add(yield_!(Guard("t2").v(3)), yield_!(opt(p)?)),
    );
    let v4 = opt(7)?;
    if v4 > 9 {
        let Some(w8) = opt(yield_!(u1.1)) else {
            return None;
        };
    }
    Some(v4)
}

#[test]
fn an_early_return_mid_statement_drops_operands_first_case() {
    let name = "an_early_return_mid_statement_drops_operands_first";
    for (suffix, p) in [("", 60), ("_some", 1)] {
        check("regressions", &format!("{name}{suffix}"), || {
            drive(
                an_early_return_mid_statement_drops_operands_first(p),
                [0, 0],
            )
        });
    }
}

/// Found by the differential tester (seed 242, bodies 267 and 295; the shape was there
/// before, hidden behind a match guard that suspends): a local with a drop flag read by
/// value in a closure that is not `move` was taken out of its flag there, which made the
/// closure `FnMut` (E0596 on the user's `let c = |a| a + i;`). It reads through the flag.
#[coro::coroutine]
fn a_flagged_local_read_in_a_borrowing_closure(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let m = p;
    let mut k = 0;
    let v = 'l: loop {
        k += 1;
        let i = k;
        if i > 1 {
            break 'l m + i;
        }
        if let Some(z) = opt(yield_!(0))
            && z > 1
        {
        } else {
            let c = |a: i32| a + i;
            log_i("c", c(m));
            yield_!(8);
        }
    };
    v
}

#[test]
fn a_flagged_local_read_in_a_borrowing_closure_case() {
    check(
        "regressions",
        "a_flagged_local_read_in_a_borrowing_closure",
        || drive(a_flagged_local_read_in_a_borrowing_closure(1), [0, 0, 0, 0]),
    );
}

/// What an arm that suspends leaves of a local lives to the local's scope end: the `_`
/// parts (a tuple, an enum's payload, next to a `Copy` binding that moves nothing), and
/// the whole value under a pattern that binds nothing. coro counted `match c` as a move
/// of `c`, so what it left dropped at the yield (remains.rs, `locals`).
#[coro::coroutine]
fn what_an_arm_leaves_of_a_local(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let c = (Guard("s"), Guard("rest"));
    let d = Guard("d");
    match c {
        (s, _) => {
            yield_!(1);
            drop(s);
        }
    }
    let e = Some((p, Guard("payload")));
    match e {
        Some((n, _)) => {
            yield_!(n);
        }
        None => {}
    }
    let f = Some(Guard("f"));
    match f {
        None => {}
        Some(_) => {
            yield_!(3);
        }
    }
    let g = (Guard("a"), Guard("b"), Guard("c"));
    if let (_, b, _) = g {
        yield_!(4);
        drop(b);
    }
    yield_!(5);
    drop(d);
    0
}

#[test]
fn what_an_arm_leaves_of_a_local_lives_to_its_scope_end() {
    for (suffix, sends) in [
        ("", &[0; 6][..]),
        ("_dropped_in_the_arm", &[0; 2]),
        ("_dropped_after", &[0; 5]),
    ] {
        check(
            "regressions",
            &format!("what_an_arm_leaves_of_a_local{suffix}"),
            || drive(what_an_arm_leaves_of_a_local(7), sends.iter().copied()),
        );
    }
}

/// The same with the arms of a `match` that is a `let`'s value, each leaving a different
/// part, so what is left is kept on some paths only.
#[coro::coroutine]
fn what_either_arm_leaves_of_a_local(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let c = if p > 5 {
        Ok((Guard("ok"), 1))
    } else {
        Err((2, Guard("err")))
    };
    let d = Guard("d");
    let v = match c {
        Ok((_, n)) => {
            yield_!(n);
            n
        }
        Err((n, _)) => yield_!(n),
    };
    yield_!(v);
    drop(d);
    v
}

#[test]
fn what_either_arm_leaves_of_a_local_lives_to_its_scope_end() {
    for p in [1, 9] {
        for (suffix, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
            check(
                "regressions",
                &format!("what_either_arm_leaves_of_a_local_{p}{suffix}"),
                || drive(what_either_arm_leaves_of_a_local(p), sends.iter().copied()),
            );
        }
    }
}

/// A deferred local assigned in a branch that does not suspend, then a yield: rustc keeps
/// a drop flag and drops the value at the local's scope end; coro could only carry an
/// `Option` decided by the jump, which did not know (E0282, or an early drop). Such a
/// local now gets a drop flag decided at run time (fuzz CI batch, body 48).
#[coro::coroutine]
fn deferred_assigned_in_a_branch_then_a_yield(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let d;
    let e: Guard;
    if p > 0 {
        d = Guard("d");
    } else {
        e = Guard("e");
    }
    let v = yield_!(p);
    log_i("after", v);
    v
}

/// A deferred local assigned on some paths before a yield, with no suspension after the
/// paths join: the join's copies build its flag as `None` on one path and `Some` on the
/// other, and nothing else gave the `None` a type (E0282; fuzz CI batch, body 35).
#[coro::coroutine]
fn deferred_assigned_on_some_paths_then_joined(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let d;
    if p > 0 {
        d = Guard("d");
        yield_!(1);
    }
    log_i("end", p);
    0
}

#[test]
fn deferred_locals_assigned_on_some_paths() {
    for p in [0, 1] {
        for (suffix, sends) in [("", &[5, 6][..]), ("_dropped", &[5])] {
            check(
                "regressions",
                &format!("deferred_assigned_in_a_branch_then_a_yield_{p}{suffix}"),
                || {
                    drive(
                        deferred_assigned_in_a_branch_then_a_yield(p),
                        sends.iter().copied(),
                    )
                },
            );
            check(
                "regressions",
                &format!("deferred_assigned_on_some_paths_then_joined_{p}{suffix}"),
                || {
                    drive(
                        deferred_assigned_on_some_paths_then_joined(p),
                        sends.iter().copied(),
                    )
                },
            );
        }
    }
}

/// The same for an argument (the last one that may own a destructor): what the arm
/// leaves of it drops where the argument would, after the body's locals.
#[coro::coroutine]
fn what_an_arm_leaves_of_an_argument(
    c: (Guard, Guard),
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let d = Guard("d");
    match c {
        (s, _) => {
            yield_!(p);
            drop(s);
        }
    }
    yield_!(2);
    0
}

#[test]
fn what_an_arm_leaves_of_an_argument_lives_to_the_end() {
    for (suffix, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
        check(
            "regressions",
            &format!("what_an_arm_leaves_of_an_argument{suffix}"),
            || {
                drive(
                    what_an_arm_leaves_of_an_argument((Guard("s"), Guard("rest")), 7),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// An arm that does not suspend leaves part of the local too, and the code after the
/// `match` runs in a block of its own once another arm suspends: that part also lives to
/// the local's scope end (fuzz seed 261, body 310).
#[coro::coroutine]
fn what_an_arm_that_does_not_suspend_leaves(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let q = (Guard("q"), p);
    match q {
        (_, m) if m % 2 == 1 => log_i("odd", m),
        _ => {
            yield_!(p);
        }
    }
    log_i("after", Guard("t").v(7));
    0
}

#[test]
fn what_an_arm_that_does_not_suspend_leaves_lives_to_the_end() {
    for p in [1, 2] {
        check(
            "regressions",
            &format!("what_an_arm_that_does_not_suspend_leaves_{p}"),
            || drive(what_an_arm_that_does_not_suspend_leaves(p), [0, 0]),
        );
    }
}

/// A local moved on some paths whose name a `for`, closure parameter, `match` arm,
/// `if let` or `while let` binds again later in its scope: it got no drop flag (the flag's
/// rewrite could not tell the two apart), so on the paths that did not move it, it was
/// dropped at the next yield. Each such binding now gets a name of its own in its scope.
#[coro::coroutine]
fn moved_on_some_paths_then_named_again(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let g = Guard("g");
    if p > 5 {
        drop(g);
    }
    for g in 0..2 {
        log_i("for", g);
    }
    let f = |g: i32| g + 1;
    match opt(f(p)) {
        Some(g) if g > 100 => log_i("arm", g),
        _ => {}
    }
    if let Some(g) = opt(p) {
        yield_!(g);
    }
    while let Some(g) = opt(p) {
        log_i("while", g);
        break;
    }
    yield_!(9);
    log_i("end", 0);
    0
}

#[test]
fn moved_on_some_paths_then_named_again_keeps_its_flag() {
    for p in [1, 9] {
        for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0])] {
            check(
                "regressions",
                &format!("moved_on_some_paths_then_named_again_{p}{suffix}"),
                || {
                    drive(
                        moved_on_some_paths_then_named_again(p),
                        sends.iter().copied(),
                    )
                },
            );
        }
    }
}

/// A local with a drop flag that a closure borrows, used by value while the closure
/// lives (`m3 + m7`, a copy): the use took the value out of the flag through `&mut`,
/// which the closure's borrow forbids (E0502; fuzz seed 273, body 74). While a `let`
/// holding such a closure is named, by-value uses read through the flag.
#[coro::coroutine]
fn a_flagged_local_used_while_a_closure_borrows_it(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    let s2 = yield_!(8);
    match p {
        m3 if m3 % 2 == 1 => {
            let c4 = |a: i32| a + m3;
            let d5 = c4(match s2 {
                0 => s2,
                m7 => m3 + m7,
            });
            log_i("d5", d5);
            yield_!(opt(5)?);
        }
        _ => {}
    }
    Some(s2)
}

#[test]
fn a_flagged_local_used_while_a_closure_borrows_it_case() {
    for p in [1, 2] {
        check(
            "regressions",
            &format!("a_flagged_local_used_while_a_closure_borrows_it_{p}"),
            || {
                drive(
                    a_flagged_local_used_while_a_closure_borrows_it(p),
                    [0, 3, 0],
                )
            },
        );
    }
}

/// What a `match` nested in a branch, an `if let` in an arm, or a destructuring `let`
/// leaves of a local lives to the local's scope end as well; also for a local moved on
/// some paths (its drop flag: the `if let` takes the value out and puts it back when the
/// pattern fails, as a failed match moves nothing).
#[coro::coroutine]
fn what_nested_matches_and_lets_leave(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let c = (Guard("c0"), Guard("c1"));
    let e = Some((3, Guard("e1")));
    let f = (Guard("f0"), Guard("f1"));
    let g = (Guard("g0"), Guard("g1"));
    let d = Guard("d");
    if p < 5 {
        log_i("in", 1);
        match c {
            (s, _) => drop(s),
        }
    }
    match opt(p) {
        Some(x) if x < 5 => {
            if let Some((n, _)) = e {
                yield_!(n);
            }
        }
        _ => {}
    }
    let (a, _) = f;
    yield_!(1);
    drop(a);
    if p > 5 {
        let (b, _) = g;
        drop(b);
    }
    yield_!(2);
    drop(d);
    0
}

#[test]
fn what_nested_matches_and_lets_leave_lives_to_the_end() {
    for p in [1, 9] {
        for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0, 0])] {
            check(
                "regressions",
                &format!("what_nested_matches_and_lets_leave_{p}{suffix}"),
                || drive(what_nested_matches_and_lets_leave(p), sends.iter().copied()),
            );
        }
    }
}

/// Two locals whose remains are kept, one `if let` inside the other's: both rewrites
/// named their bindings `__coro_rest0`, so the outer one looked alive after the inner one
/// and was saved after its move (E0382; fuzz seeds 282 and 284). The names are now
/// unique in the function.
#[coro::coroutine]
fn nested_lets_whose_remains_are_kept(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let q7 = (Guard("q7"), p);
    if let (_, m8) = q7 {
        let q10 = (Guard("q10"), if p > 0 { yield_!(3) } else { 4 });
        if let (_, m11) = q10 {
            log_i("m11", m11);
        }
        let v14 = add(yield_!(m8), yield_!(4));
        log_i("v14", v14);
    }
    0
}

#[test]
fn nested_lets_whose_remains_are_kept_case() {
    for (suffix, sends) in [("", &[5, 6, 7, 8][..]), ("_dropped", &[5, 6])] {
        check(
            "regressions",
            &format!("nested_lets_whose_remains_are_kept{suffix}"),
            || drive(nested_lets_whose_remains_are_kept(1), sends.iter().copied()),
        );
    }
}

/// A local with a drop flag, shadowed by a `let` in a let chain: the chain's binding and
/// everything after it were taken for the local, so it looked used up and was dropped
/// before the next yield instead of at its scope end.
#[coro::coroutine]
fn let_chain_shadowing_a_flagged_local(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let g = Guard("g");
    let mut k = p;
    if p > 5 {
        drop(g);
    }
    if p > 0
        && let Some(g) = opt(p)
        && g > 0
        && let Some(h) = opt(g)
    {
        yield_!(g + h);
    }
    while k > 0
        && let Some(g) = opt(k)
    {
        yield_!(g);
        k -= 1;
    }
    yield_!(2);
    0
}

#[test]
fn let_chain_shadowing_a_flagged_local_case() {
    for p in [2, 9] {
        for (suffix, sends) in [("", &[0; 14][..]), ("_dropped", &[0, 0])] {
            check(
                "regressions",
                &format!("let_chain_shadowing_a_flagged_local_{p}{suffix}"),
                || {
                    drive(
                        let_chain_shadowing_a_flagged_local(p),
                        sends.iter().copied(),
                    )
                },
            );
        }
    }
}

/// A local read before a `match` that moves part of it: what the arm left (`_`) was kept
/// only when nothing else named the local, so here it dropped at the arm's yield instead
/// of at the local's scope end. Statements before the `match` may now name it.
#[coro::coroutine]
fn what_a_match_leaves_of_a_local_read_before_it(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let c = (Guard("s"), Guard("c"), p);
    let r = &c;
    let k = r.1.v(p) + c.2;
    if p > 0 {
        log_i("k", c.0.v(k));
    }
    if let (s, _, n) = c {
        yield_!(k + n);
        drop(s);
    }
    let d = (Guard("t"), Guard("d"));
    let k = d.1.v(p);
    match d {
        (t, _) => {
            yield_!(k);
            drop(t);
        }
    }
    yield_!(2);
    0
}

#[test]
fn what_a_match_leaves_of_a_local_read_before_it_case() {
    for (suffix, sends) in [
        ("", &[0; 4][..]),
        ("_dropped", &[0]),
        ("_dropped2", &[0, 0]),
    ] {
        check(
            "regressions",
            &format!("what_a_match_leaves_of_a_local_read_before_it{suffix}"),
            || {
                drive(
                    what_a_match_leaves_of_a_local_read_before_it(1),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// A `match`, `if let` or `let .. else` whose patterns bind nothing by value
/// (`Some(ref g)`, `Some(_)`, `None`, or `ref` beside a `Copy` part) reads the local where
/// it is: it counted as a move, so the local was dropped at the next yield instead of at
/// the end of its scope (found by a hand-written probe, not the fuzzer, which binds by
/// value only).
#[coro::coroutine]
fn patterns_that_bind_by_reference_do_not_move(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let o = Some(Guard("o"));
    if let Some(ref inner) = o {
        log_i("inner", inner.v(1));
    }
    match o {
        None => {
            yield_!(0);
        }
        Some(_) => {
            yield_!(1);
        }
    }
    let t = (Guard("t"), p);
    match t {
        (ref g, n) => log_i("n", g.v(n)),
    }
    let o2 = Some(Guard("o2"));
    let Some(ref x) = o2 else {
        return 1;
    };
    log_i("x", x.v(2));
    yield_!(3);
    0
}

#[test]
fn patterns_that_bind_by_reference_do_not_move_case() {
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0, 0])] {
        check(
            "regressions",
            &format!("patterns_that_bind_by_reference_do_not_move{suffix}"),
            || {
                drive(
                    patterns_that_bind_by_reference_do_not_move(5),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// The same with a yield in the arm (fuzz seed 401, once the generator bound a part by
/// `ref`): the lowering of a `match` whose arms suspend moved its scrutinee, and the
/// rewrite that keeps what an arm leaves of a local took the `_` arm for a move.
#[coro::coroutine]
fn a_ref_pattern_on_a_local_with_a_yield_in_the_arm(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    let q5 = (Guard("q5"), p);
    match q5 {
        (ref _r, m6) if m6 % 2 == 1 => {
            yield_!(4);
        }
        _ => {}
    }
    if let (ref _r, 7) = q5 {
        yield_!(5);
    }
    Some(0)
}

#[test]
fn a_ref_pattern_on_a_local_with_a_yield_in_the_arm_case() {
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0])] {
        check(
            "regressions",
            &format!("a_ref_pattern_on_a_local_with_a_yield_in_the_arm{suffix}"),
            || {
                drive(
                    a_ref_pattern_on_a_local_with_a_yield_in_the_arm(7),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// A temporary whose lifetime a `let` extends (`let r = &Guard("t");`) lives to the end of
/// the block in Rust; coro dropped it at the next yield (a hand-written probe). It is now
/// a local of its own, declared before the `let`.
#[coro::coroutine]
fn an_extended_temporary_lives_to_the_end_of_its_block(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let a = Guard("a");
    let r = &Guard("extended");
    log_i("r", r.v(p));
    let m = &mut Guard("mutable");
    m.0 = "changed";
    let f = &(Guard("base"), p).1;
    log_i("f", *f);
    yield_!(1);
    let b = Guard("b");
    {
        let inner = &Guard("inner");
        log_i("inner", inner.v(2));
        yield_!(2);
    }
    yield_!(3);
    drop(b);
    a.v(0)
}

#[test]
fn an_extended_temporary_lives_to_the_end_of_its_block_case() {
    for (suffix, sends) in [("", &[0; 5][..]), ("_dropped", &[0, 0])] {
        check(
            "regressions",
            &format!("an_extended_temporary_lives_to_the_end_of_its_block{suffix}"),
            || {
                drive(
                    an_extended_temporary_lives_to_the_end_of_its_block(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// What a `match` on a temporary leaves (`_`) kept in an arm that also matches on one of
/// its own locals (fuzz seed 402): the two rewrites named their bindings `__coro_rest0`
/// each, so one looked used where the other was (E0382 on a body rustc accepts). The
/// rewrite of a local's `match`, which runs before lowering, now names its own apart.
#[coro::coroutine]
fn two_rewrites_of_what_a_match_leaves_one_inside_the_other(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    match (Guard("q1"), p) {
        (_, m2) if m2 % 2 == 1 => {
            let s3 = yield_!(m2);
            log_i("o", opt(s3).unwrap_or(0));
            log_i(
                "l",
                (match s3 {
                    0 => 8,
                    m18 => m2 + m18,
                }) + add(yield_!(2), yield_!(m2)),
            );
        }
        _ => {}
    }
    0
}

#[test]
fn two_rewrites_of_what_a_match_leaves_one_inside_the_other_case() {
    for (suffix, sends) in [("", &[0; 5][..]), ("_dropped", &[0, 0])] {
        check(
            "regressions",
            &format!("two_rewrites_of_what_a_match_leaves_one_inside_the_other{suffix}"),
            || {
                drive(
                    two_rewrites_of_what_a_match_leaves_one_inside_the_other(3),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// The same when the `let` itself suspends and is the last statement of its block (fuzz
/// seed 411 once the generator wrote extended temporaries): the statement's temporaries
/// were dropped at its end while the binding borrowed one (E0716 on a body rustc accepts).
#[coro::coroutine]
fn an_extended_temporary_of_a_let_that_suspends(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut n = 0;
    while n < 2 {
        n += 1;
        let r = &(Guard("x"), p + yield_!(n)).0;
        log_i("r", r.v(n));
    }
    0
}

#[test]
fn an_extended_temporary_of_a_let_that_suspends_case() {
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0, 0])] {
        check(
            "regressions",
            &format!("an_extended_temporary_of_a_let_that_suspends{suffix}"),
            || {
                drive(
                    an_extended_temporary_of_a_let_that_suspends(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// A `ref` binding in a `let`'s pattern extends the temporary it matches too
/// (`let ref x = Guard(..);`): dropped at the next yield before (a hand-written probe).
#[coro::coroutine]
fn a_ref_binding_extends_its_temporary(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let ref x = Guard("x");
    log_i("x", x.v(p));
    let (ref a, b) = (Guard("a"), p + 1);
    log_i("a", a.v(b));
    yield_!(1);
    let g = Guard("g");
    yield_!(g.v(2));
    0
}

#[test]
fn a_ref_binding_extends_its_temporary_case() {
    for (suffix, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
        check(
            "regressions",
            &format!("a_ref_binding_extends_its_temporary{suffix}"),
            || {
                drive(
                    a_ref_binding_extends_its_temporary(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// The same with `ref mut` (`let ref mut x = Guard(..);`): the local made for the
/// temporary was not `mut` (E0596 on a body rustc accepts; found reviewing the change).
#[coro::coroutine]
fn a_ref_mut_binding_extends_its_temporary(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let ref mut x = Guard("x");
    x.0 = "changed";
    log_i("x", x.v(p));
    yield_!(1);
    0
}

#[test]
fn a_ref_mut_binding_extends_its_temporary_case() {
    for (suffix, sends) in [("", &[0; 2][..]), ("_dropped", &[0])] {
        check(
            "regressions",
            &format!("a_ref_mut_binding_extends_its_temporary{suffix}"),
            || {
                drive(
                    a_ref_mut_binding_extends_its_temporary(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// Fuzz seed 470 (feature `let_ref`): a by-value binding beside the `ref` one, named after
/// the yield (`n` below), kept the tuple temporary from being made a local, so it was
/// dropped at the yield rather than at the block's end; only the `ref` bindings borrow it.
#[coro::coroutine]
fn a_value_binding_beside_a_ref_binding(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let (ref a, n) = (Guard("a"), p + 1);
    log_i("a", a.v(n));
    let s = yield_!(1);
    let (ref b, m) = (Guard("b"), yield_!(n + s));
    yield_!(m);
    n + m
}

#[test]
fn a_value_binding_beside_a_ref_binding_case() {
    for (suffix, sends) in [("", &[0, 5, 6, 7][..]), ("_dropped", &[0, 5])] {
        check(
            "regressions",
            &format!("a_value_binding_beside_a_ref_binding{suffix}"),
            || {
                drive(
                    a_value_binding_beside_a_ref_binding(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// Fuzz seed 483 (feature `owned_for`): a `return` whose operand yields, inside a `for`
/// over guards, dropped the loop's iterator (what it had not yet handed out) at the first
/// yield of the operand; rustc drops it when the `return` leaves the loop.
#[coro::coroutine]
fn the_loop_iterator_lives_through_a_return_operand(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    for g in vec![Guard("a"), Guard("b"), Guard("c")] {
        if yield_!(g.v(p)) > 100 {
            return add(yield_!(0), yield_!(1));
        }
    }
    0
}

#[test]
fn the_loop_iterator_lives_through_a_return_operand_case() {
    for (suffix, sends) in [("", &[0, 101, 5, 6][..]), ("_dropped", &[0, 101])] {
        check(
            "regressions",
            &format!("the_loop_iterator_lives_through_a_return_operand{suffix}"),
            || {
                drive(
                    the_loop_iterator_lives_through_a_return_operand(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// Fuzz seed 483: the binding of a `for`, `if let` or arm, used as the receiver of a
/// method whose arguments yield (`g.v(yield_!(1))`), counted as moved there, and was
/// dropped at the next yield instead of at its scope's end.
#[coro::coroutine]
fn a_pattern_binding_as_the_receiver_of_a_yielding_call(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    if let Some(g) = Some(Guard("g")) {
        let u = g.v(yield_!(p));
        yield_!(u);
    }
    for h in vec![Guard("h0"), Guard("h1")] {
        let u = h.v(yield_!(1));
        yield_!(u);
    }
    0
}

#[test]
fn a_pattern_binding_as_the_receiver_of_a_yielding_call_case() {
    for (suffix, sends) in [("", &[0; 7][..]), ("_dropped", &[0, 0, 0])] {
        check(
            "regressions",
            &format!("a_pattern_binding_as_the_receiver_of_a_yielding_call{suffix}"),
            || {
                drive(
                    a_pattern_binding_as_the_receiver_of_a_yielding_call(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// A by-value binding that moves a part with a destructor out of a tuple a `ref` binding
/// extends (`let (g, ref a) = (Guard, Guard);`) left the tuple partly moved, and the
/// expansion failed with E0382 where rustc accepts the body; each element is now its own
/// statement, the `ref`-bound one a local dropped after the bindings.
#[coro::coroutine]
fn a_value_part_moved_out_beside_a_ref_binding(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let (g, ref a) = (Guard("g"), Guard("a"));
    yield_!(a.v(p));
    let n = yield_!(g.v(1));
    let (mut h, ref b, k) = (Guard("h"), Guard("b"), p);
    log_i("b", b.v(n + k));
    yield_!(2);
    h = Guard("h2");
    yield_!(h.v(3));
    n
}

#[test]
fn a_value_part_moved_out_beside_a_ref_binding_case() {
    for (suffix, sends) in [("", &[0; 6][..]), ("_dropped", &[0, 0, 5])] {
        check(
            "regressions",
            &format!("a_value_part_moved_out_beside_a_ref_binding{suffix}"),
            || {
                drive(
                    a_value_part_moved_out_beside_a_ref_binding(4),
                    sends.iter().copied(),
                )
            },
        );
    }
}

/// Fuzz seed 496 (feature `pair_match`): an arm that compares a part with a literal
/// (`Pair { n: 0, g }`) left that part in the local, so coro counted the `match` as a
/// partial move: on the paths that did not run it the local got no drop flag and was
/// dropped at the next yield. The literal's part is now kept like a `_`'s.
#[coro::coroutine]
fn a_literal_subpattern_leaves_a_part(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let s = Pair { a: p, b: 7 };
    let g = Guard("s");
    let t = (Guard("t"), p);
    let h = Guard("h");
    if p > 100 {
        match t {
            (g8, 0) => log_i("zero", g8.v(0)),
            (g8, n) => log_i("n", g8.v(n)),
        }
    }
    yield_!(s.a + s.b);
    log_i("g", g.v(1));
    drop(h);
    yield_!(2);
    0
}

#[test]
fn a_literal_subpattern_leaves_a_part_case() {
    for (p, suffix) in [(4, ""), (101, "_matched")] {
        for (more, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
            check(
                "regressions",
                &format!("a_literal_subpattern_leaves_a_part{suffix}{more}"),
                || drive(a_literal_subpattern_leaves_a_part(p), sends.iter().copied()),
            );
        }
    }
}

/// Fuzz seed 498 (feature `pair_match`): a local read in a yield's operand on one branch
/// and destructured, leaving a part, on the other (`let (g8, _) = t;`) was named twice by
/// that statement, so what the pattern leaves was not kept: the local got no drop flag
/// and, on the branch that kept it whole, dropped at the join before a later local.
#[coro::coroutine]
fn a_local_read_on_one_branch_destructured_on_another(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let t = (Guard("t0"), Guard("t1"), p);
    let o = Guard("o");
    if p > 100 {
        let (g8, _, n) = t;
        log_i("n", g8.v(n));
    } else {
        yield_!(t.2);
    }
    match (Guard("q"), p) {
        (_, m) if m % 2 == 1 => {
            yield_!(t_or(m));
        }
        _ => {}
    }
    log_i("o", o.v(1));
    yield_!(2);
    0
}

fn t_or(m: i32) -> i32 {
    m + 1
}

#[test]
fn a_local_read_on_one_branch_destructured_on_another_case() {
    for (p, suffix) in [(4, ""), (5, "_odd"), (101, "_destructured")] {
        for (more, sends) in [("", &[0; 4][..]), ("_dropped", &[0])] {
            check(
                "regressions",
                &format!("a_local_read_on_one_branch_destructured_on_another{suffix}{more}"),
                || {
                    drive(
                        a_local_read_on_one_branch_destructured_on_another(p),
                        sends.iter().copied(),
                    )
                },
            );
        }
    }
}

/// Temporaries made in the arguments of a standard macro whose expansion is no scope of
/// its own (`vec!`, `write!`, `assert_eq!`, `matches!`) live to the end of the statement,
/// past a yield after the macro; those of `format!`, a block, drop inside it. And a value
/// matched on by a `match` used as an operand, with no pattern moving out of it, is kept
/// the same way. coro dropped them all before the yield.
#[coro::coroutine]
fn temporaries_in_a_macro_s_arguments(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    use std::fmt::Write;
    let mut s = String::new();
    let n = add(vec![Guard("vec").v(p), 2].len() as i32, yield_!(1));
    log_i("n", n);
    let w = (write!(s, "{}", Guard("write").v(p)).is_ok(), yield_!(2));
    log_i("w", i32::from(w.0));
    add((assert_eq!(Guard("assert").v(p), p), 3).1, yield_!(3));
    let m = (matches!(Guard("matches").v(p), 4), yield_!(4));
    log_i("m", i32::from(m.0));
    add(format!("{}", Guard("format").v(p)).len() as i32, yield_!(5));
    add(
        match pick(p) {
            Guard(_) => 1,
        },
        yield_!(6),
    );
    let g = Guard("g");
    yield_!(g.v(match Guard("scrutinee") {
        Guard(_) => 7,
    }));
    yield_!(g.v(matches!(Guard("nested").v(p), 4) as i32));
    s.len() as i32
}

#[test]
fn temporaries_in_a_macro_s_arguments_case() {
    for (suffix, sends) in [("", &[0; 9][..]), ("_dropped", &[0; 3])] {
        check(
            "regressions",
            &format!("temporaries_in_a_macro_s_arguments{suffix}"),
            || drive(temporaries_in_a_macro_s_arguments(4), sends.iter().copied()),
        );
    }
}

/// The bindings of a pattern argument moved on some paths got no drop flag and dropped at
/// the next yield on the others; an argument after the pattern dropped after its
/// bindings, where a function's arguments drop last first. The pattern is now
/// destructured by the body's first statement, the arguments after it bound again after
/// it. (The native twin writes the same statements: a closure's captures drop in another
/// order than a function's arguments, checked in `tests/fidelity/regressions_native.rs`.)
#[coro::coroutine]
fn a_pattern_argument_moved_on_some_paths(
    (a, b): (Guard, Guard),
    mut c: Guard,
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let o = Guard("o");
    if a.v(p) > 5 {
        drop(b);
    }
    yield_!(1);
    c = Guard("c2");
    yield_!(c.v(2));
    log_i("o", o.v(3));
    0
}

#[test]
fn a_pattern_argument_moved_on_some_paths_case() {
    for (p, suffix) in [(1, ""), (9, "_moved")] {
        for (more, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
            check(
                "regressions",
                &format!("a_pattern_argument_moved_on_some_paths{suffix}{more}"),
                || {
                    drive(
                        a_pattern_argument_moved_on_some_paths(
                            (Guard("a"), Guard("b")),
                            Guard("c"),
                            p,
                        ),
                        sends.iter().copied(),
                    )
                },
            );
        }
    }
}

/// A place read by value left of a yield whose operand changes it: Rust reads it before
/// the yield (`x + yield_!({ x += 10; x })` adds the old `x`); coro read it after the
/// resume (tests/lowering_expressions.rs had this as an ignored test).
#[coro::coroutine]
fn a_place_read_before_a_yield_that_changes_it(
    p: i32,
) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut x = p;
    let a = x + yield_!({
        x += 10;
        x
    });
    log_i("a", a);
    let mut s = Pair { a: p, b: 0 };
    let b = add(
        s.a,
        yield_!({
            s.a = 50;
            s.a
        }),
    );
    log_i("b", b);
    let mut n = p;
    let r = &mut n;
    let c = *r * 100 + yield_!(*r);
    log_i("c", c);
    let e = x
        == yield_!({
            x += 1;
            x
        });
    log_i("e", i32::from(e));
    let name = String::from("n");
    let f = name == {
        let t = name.clone();
        yield_!(7);
        t
    };
    log_i("f", i32::from(f));
    let owned = String::from("ab");
    let called = move |x: i32| x + owned.len() as i32;
    let g = called(yield_!(called(1)));
    log_i("g", g);
    x + s.a + c
}

#[test]
fn a_place_read_before_a_yield_that_changes_it_case() {
    check(
        "regressions",
        "a_place_read_before_a_yield_that_changes_it",
        || {
            drive(
                a_place_read_before_a_yield_that_changes_it(3),
                [0; 7].iter().copied(),
            )
        },
    );
}

/// Fuzz seed 510, body 414: a receiver moved by a block (`{g}.eat(..)`, as
/// docs/LOWERING.md advises for a method that takes `self`) is an operand of the call:
/// dropped while suspended in the arguments, rustc drops it before the statement's
/// temporaries (`t`), coro dropped it after them, as if the method borrowed it.
#[coro::coroutine]
fn a_receiver_moved_by_a_block(p: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let g = Guard("g");
    let n = { g }.eat(yield_!((Guard("t").v(p), 4).1));
    log_i("n", n);
    n
}

#[test]
fn a_receiver_moved_by_a_block_case() {
    for (suffix, sends) in [("", &[0; 2][..]), ("_dropped", &[0])] {
        check(
            "regressions",
            &format!("a_receiver_moved_by_a_block{suffix}"),
            || drive(a_receiver_moved_by_a_block(3), sends.iter().copied()),
        );
    }
}
