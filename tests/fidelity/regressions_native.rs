//! Native counterparts of tests/fidelity_regressions.rs: shapes the differential tester
//! (fuzz/) found coro getting wrong; output recorded in regressions.trace.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

include!("native_common.rs");
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
fn cmds() -> Vec<Cmd> {
    vec![
        Cmd::Say("hello".into()),
        Cmd::Num(4),
        Cmd::Say("hi".into()),
        Cmd::Num(-1),
        Cmd::Stop,
        Cmd::Num(9),
    ]
}

fn three() -> (Guard, Guard, Guard) {
    (Guard("x"), Guard("y"), Guard("z"))
}

fn two() -> (Guard, Guard) {
    (Guard("x"), Guard("y"))
}

enum Said {
    Say(String, Guard),
    Num(i32),
}
fn said(n: i32) -> Said {
    if n > 0 { Said::Say("hi".into(), Guard("said")) } else { Said::Num(n) }
}

fn main() {
    let try_then_binop = || {
        #[coroutine]
        static move |_: i32| {
            let s = yield 0;
            let d = { opt(3)? + 1 };
            log(format!("d {d}"));
            let e = match s {
                0 => 7,
                m => opt(m)? + m,
            };
            log(format!("e {e}"));
            Some(d + e)
        }
    };
    case("try_at_block_tail_then_binop", || drive(try_then_binop(), &[0, 5]));
    case("try_at_block_tail_then_binop_none", || drive(try_then_binop(), &[0, 60]));
    case("try_as_a_labeled_break_value_in_a_cfg_body", || {
        drive(
            #[coroutine]
            static move |_: i32| {
                #[cfg(all())]
                yield 1;
                let mut i = 0;
                let v = 'l: loop {
                    i += 1;
                    if i > 1 {
                        break 'l opt(8)?;
                    }
                };
                let w = opt(3)?;
                yield v + w;
                Some(v)
            },
            &[0, 0, 0],
        )
    });
    case("tail_match_keeps_its_scrutinee_temporaries", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    let g = Guard("g");
    let v = {
        let q = Guard("q");
        match add(Guard("a").v(1), Guard("b").v(2)) {
            0 => 0,
            n => (yield n) + q.v(0),
        }
    };
    v + g.v(0)
            },
            &[0, 5, 6],
        )
    });
    case("let_else_keeps_the_temporaries_of_a_yielding_value", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    let Some(w) = opt(Guard("t").v((yield 1))) else {
        log("else");
        return -1;
    };
    let Some(z) = opt(Guard("u").v((yield 2))) else {
        log("else");
        return -2;
    };
    w + z
            },
            &[0, 7, 60, 0],
        )
    });
    case("a_spilled_receiver_is_dropped_at_its_statements_end", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    {
        log_i("got", Guard("t").v((yield 8)));
        let _g = Guard("g");
    }
    0
            },
            &[0, 5, 6],
        )
    });
    case("lazy_operands_drop_their_own_temporaries", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    let x = match Guard("e").v(1) > 0 && Guard("f").v(1) > 0 {
        true => (yield 3),
        false => 5,
    };
    let y = match (Guard("c").v(3) == 3, &Guard("d")) {
        (true, _) => (yield 2),
        _ => 0,
    };
    x + y
            },
            &[0, 5, 6],
        )
    });
    case("if_let_keeps_its_scrutinee_temporaries_through_then_only", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    if let Some(z) = opt(Guard("a").v(6)) {
        (yield z);
    } else {
        log("else");
    }
    if let Some(z) = opt(Guard("b").v(60)) {
        (yield z);
    } else {
        log_i("else", (yield 1));
    }
    if let Some(z) = opt(Guard("c").v(7)) && z > 3 {
        (yield z);
    }
    0
            },
            &[0, 5, 6, 7, 8],
        )
    });
    case("an_assignment_keeps_its_temporaries_past_the_old_values_drop", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    let mut g = Guard("old");
    let n;
    n = Guard("t").v((yield 1));
    g = pick(Guard("u").v((yield 2)));
    log(format!("{} {n}", g.0));
    n
            },
            &[0, 5, 6, 7],
        )
    });
    case("a_move_closure_reading_a_field_leaves_its_owner_in_place", || {
        drive(
            #[coroutine]
            static move |_: i32| {
    let u = (Guard("u"), 1);
    let c = move |a: i32| a + u.1;
    (yield 1);
    c(1)
            },
            &[0, 5],
        )
    });
    let a_tuple_destructured_on_one_path_keeps_its_drop_flag = || {
        #[coroutine]
        static move |_: i32| {
    let u = (Guard("u"), (yield 1));
    if u.1 > 3 {
        let _g = Guard("g");
    } else {
        (yield 2);
        let (g, v) = u;
        log_i("took", v);
        drop(g);
    }
    let v = (yield Guard("t").v(2));
    v
        }
    };
    case("a_tuple_destructured_on_one_path_keeps_its_drop_flag", || drive(a_tuple_destructured_on_one_path_keeps_its_drop_flag(), &[0, 5, 6, 7]));
    case("a_tuple_destructured_on_one_path_keeps_its_drop_flag_other_path", || drive(a_tuple_destructured_on_one_path_keeps_its_drop_flag(), &[0, 1, 6, 7, 8]));
    let a_scrutinee_keeps_the_temporaries_after_its_own_yield = || {
        #[coroutine]
        static move |_: i32| {
    let r = match ((yield 1) + Guard("a").v(1), &Guard("b")) {
        (0, _) => 0,
        (n, _) => (yield n) + 1,
    };
    if let Some(a) = opt(Guard("c").v(4)) && (yield a) > 0 {
        log_i("then", a);
    } else {
        log_i("else", 0);
    }
    if add((&Guard("d")).v(1), (yield 3)) > 0 {
        (yield 4);
    }
    r
        }
    };
    case("a_scrutinee_keeps_the_temporaries_after_its_own_yield", || drive(a_scrutinee_keeps_the_temporaries_after_its_own_yield(), &[0, 5, 6, 7, 8, 9]));
    let a_statements_temporaries_drop_after_its_pending_operands = || {
        #[coroutine]
        static move |_: i32| {
    let u = (Guard("u"), Guard("t").v((yield 1)));
    let w = (Guard("w"), add(Guard("x").v(2), (yield 2)), Guard("y"));
    let z = [(Guard("z"), (&Guard("r")).v((yield 3)))];
    u.1 + w.1 + z[0].1
        }
    };
    case("a_statements_temporaries_drop_after_its_pending_operands", || drive(a_statements_temporaries_drop_after_its_pending_operands(), &[0]));
    case("a_statements_temporaries_drop_after_its_pending_operands_second", || drive(a_statements_temporaries_drop_after_its_pending_operands(), &[0, 5]));
    case("a_statements_temporaries_drop_after_its_pending_operands_third", || drive(a_statements_temporaries_drop_after_its_pending_operands(), &[0, 5, 6]));
    case("a_statements_temporaries_drop_after_its_pending_operands_end", || drive(a_statements_temporaries_drop_after_its_pending_operands(), &[0, 5, 6, 7]));
    let a_labelled_break_of_a_flagged_local_in_a_cfgd_body = || {
        #[coroutine]
        static move |_: i32| {
    #[cfg(any())]
    (yield 9);
    let mut i5k = 0;
    let v6 = 'lv4: loop {
        i5k += 1;
        let i5 = i5k;
        if i5 > 3 { break 'lv4 4; }
        {
            let Some(w7) = opt((yield 3)) else { return None; };
            let mut i9k = 0;
            let v10 = 'lv8: loop {
                i9k += 1;
                let i9 = i9k;
                if i9 > 2 { break 'lv8 i5; }
            };
            log_i("inner", v10 + w7);
        }
    };
    Some(v6)
        }
    };
    case("a_labelled_break_of_a_flagged_local_in_a_cfgd_body", || drive(a_labelled_break_of_a_flagged_local_in_a_cfgd_body(), &[0, 5, 6, 7, 8]));
    let a_move_closure_or_a_shadowing_let_keeps_the_drop_flag = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let g1 = Guard("g1");
    let mut g2 = Guard("g2");
    if p > 2 {
        let g1 = Guard("g1b");
        (yield 1);
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
    (yield 7);
    log_i("after", p);
    0
        }
    };
    case("a_move_closure_or_a_shadowing_let_keeps_the_drop_flag_moved", || drive(a_move_closure_or_a_shadowing_let_keeps_the_drop_flag(1), &[0, 1, 2]));
    case("a_move_closure_or_a_shadowing_let_keeps_the_drop_flag_kept", || drive(a_move_closure_or_a_shadowing_let_keeps_the_drop_flag(5), &[0, 1, 2]));
    case("a_move_closure_or_a_shadowing_let_keeps_the_drop_flag_dropped", || drive(a_move_closure_or_a_shadowing_let_keeps_the_drop_flag(5), &[0, 1]));
    let a_move_closure_copying_a_field_keeps_the_drop_flag = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let u = (Guard("u"), (7, 2));
    if p > 2 {
        let c = move |a: i32| a + u.1.1 * u.1.0 + u.1.1;
        log_i("c", c(1));
    } else {
        let (g, n) = u;
        log_i("took", n.0);
        drop(g);
    }
    (yield 7);
    log_i("after", p);
    0
        }
    };
    case("a_move_closure_copying_a_field_keeps_the_drop_flag_kept", || drive(a_move_closure_copying_a_field_keeps_the_drop_flag(5), &[0, 1]));
    case("a_move_closure_copying_a_field_keeps_the_drop_flag_moved", || drive(a_move_closure_copying_a_field_keeps_the_drop_flag(1), &[0, 1]));
    case("a_move_closure_copying_a_field_keeps_the_drop_flag_dropped", || drive(a_move_closure_copying_a_field_keeps_the_drop_flag(5), &[0]));
    let a_standard_macro_that_moves_a_local_in_its_arguments = || {
        #[coroutine]
        static move |_: i32| {
    let own: Result<i32, Guard> = Err(Guard("e"));
    let g = Guard("g");
    (yield 1);
    assert_eq!(own.unwrap_err().0, "e", "{}", g.0);
    let s = (yield 2);
    log(format!("{} {}", g.0, s));
    (yield 3);
    0
        }
    };
    case("a_standard_macro_that_moves_a_local_in_its_arguments", || drive(a_standard_macro_that_moves_a_local_in_its_arguments(), &[0, 5, 6, 7]));
    case("a_standard_macro_that_moves_a_local_in_its_arguments_dropped", || drive(a_standard_macro_that_moves_a_local_in_its_arguments(), &[0, 5, 6]));
    let a_question_mark_keeps_its_operands_temporaries = |n: i32| {
        #[coroutine]
        static move |_: i32| {
    let g = Guard("g");
    match ok_unless_3(Guard("t1").v(6))? {
        _ => {
            (yield 1);
        }
    }
    let w = (Guard("t3").v(-1), (yield 2), ok_unless_3(Guard("t4").v(n))?, (yield 5));
    log_i("w", w.0);
    Ok::<i32, i32>(0)
        }
    };
    case("a_question_mark_keeps_its_operands_temporaries", || drive(a_question_mark_keeps_its_operands_temporaries(1), &[0, 1, 2, 3]));
    case("a_question_mark_keeps_its_operands_temporaries_err", || drive(a_question_mark_keeps_its_operands_temporaries(3), &[0, 1, 2, 3]));
    let a_struct_literal_keeps_its_fields_temporaries = || {
        #[coroutine]
        static move |_: i32| {
    let p = Pair { a: Guard("s1").v(1), b: (yield 1) };
    log_i("p", p.a + p.b);
    let a = 5;
    let q = Pair { a, b: Guard("s2").v((yield 2)) };
    log_i("q", q.a + q.b);
    let r = add(Pair { a: Guard("s3").v(3), b: a }.a, (yield 3));
    log_i("r", r);
    0
        }
    };
    case("a_struct_literal_keeps_its_fields_temporaries", || drive(a_struct_literal_keeps_its_fields_temporaries(), &[0, 1, 2, 3]));
    case("a_struct_literal_keeps_its_fields_temporaries_nested", || drive(a_struct_literal_keeps_its_fields_temporaries(), &[0, 1, 2]));
    case("a_struct_literal_keeps_its_fields_temporaries_dropped", || drive(a_struct_literal_keeps_its_fields_temporaries(), &[0]));
    let deferred_init_on_both_paths_of_a_yielding_condition = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let v1 = (yield 5);
    let d3;
    if (yield 3) % 2 == 0 { d3 = v1 + 5; } else { d3 = v1; }
    let x = if d3 > 0 { 1 } else { (yield 9) };
    let g = Guard("g");
    let d4;
    if let Some(z) = opt((yield p)) && z > 5 { d4 = Guard("then"); } else { d4 = Guard("else"); }
    let d5;
    if let Some(z) = opt((yield 6)) && z > 2 { d5 = z; } else { d5 = (yield 7); }
    log_i("d5", d5);
    (yield 8);
    log_i("x", x);
    drop(d4);
    drop(g);
    0
        }
    };
    case("deferred_init_on_both_paths_of_a_yielding_condition", || drive(deferred_init_on_both_paths_of_a_yielding_condition(1), &[0, 2, 3, 7, 1, 4, 5, 6]));
    case("deferred_init_on_both_paths_of_a_yielding_condition_else", || drive(deferred_init_on_both_paths_of_a_yielding_condition(1), &[0, 2, 1, 3, 9, 1, 8]));
    let a_jump_in_the_tail_of_a_joining_block = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let mut v = p;
    let g = Guard("g");
    'outer: loop {
        if let Some(z) = opt((yield 1)) && z > 5 {
            v += z;
        } else {
            let inner = Guard("inner");
            if v > 4 {
                v += 1;
            } else {
                v += (yield 2);
            }
            log_i("v", v);
            if v > 2 { break 'outer; }
        }
        let h = Guard("h");
        (yield v);
    }
    drop(g);
    v
        }
    };
    case("a_jump_in_the_tail_of_a_joining_block", || drive(a_jump_in_the_tail_of_a_joining_block(0), &[0, 9, 1, 0, 60, 0, 1, 2]));
    case("a_jump_in_the_tail_of_a_joining_block_break_at_once", || drive(a_jump_in_the_tail_of_a_joining_block(5), &[0, 60, 0]));
    case("a_jump_in_the_tail_of_a_joining_block_break_after_yield", || drive(a_jump_in_the_tail_of_a_joining_block(0), &[0, 60, 5]));
    case("a_jump_in_the_tail_of_a_joining_block_dropped", || drive(a_jump_in_the_tail_of_a_joining_block(0), &[0, 60, 1]));
    let a_yield_in_a_match_guard = |cmds: Vec<Cmd>| {
        #[coroutine]
        static move |_: i32| {
    let mut total = 0;
    let g = Guard("g");
    for cmd in cmds {
        let v = match through(&Guard("scrutinee"), cmd) {
            Cmd::Stop => break,
            Cmd::Say(s) if s.len() as i32 + (yield s.len() as i32) > 3 => {
                log(format!("said {s}"));
                1
            }
            Cmd::Num(n) if n > 0 && (yield n) > n => n * 2,
            Cmd::Num(n) => n,
            Cmd::Say(s) => {
                log(format!("quiet {s}"));
                0
            }
        };
        total += v;
        log_i("total", total);
    }
    let pair = (Guard("pair"), total);
    let w = match &pair {
        (_, 0) => 0,
        (p, t) if *t > 2 && p.v((yield *t)) > 10 => 1,
        (_, t) => *t,
    };
    log_i("w", w);
    let mut k = Some(total);
    match k {
        Some(x) if (yield x) + (yield x + 1) > 100 => k = None,
        Some(_) => log("kept"),
        None => {}
    }
    drop(g);
    total + w + k.unwrap_or(-1)
        }
    };
    case("a_yield_in_a_match_guard", || drive(a_yield_in_a_match_guard(cmds()), &[0, 0, 9, 2, 1, 11, 60, 50, 0]));
    case("a_yield_in_a_match_guard_other_arms", || drive(a_yield_in_a_match_guard(cmds()), &[0, 0, 0, 0, 0, 0, 0, 0]));
    case("a_yield_in_a_match_guard_dropped_in_the_guard", || drive(a_yield_in_a_match_guard(cmds()), &[0, 0]));
    case("a_yield_in_a_match_guard_dropped_in_the_second_guard", || drive(a_yield_in_a_match_guard(cmds()), &[0, 0, 9, 2, 1, 11]));
    let a_break_value_runs_where_the_loop_value_is_unused = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let g = Guard("g");
    'a: {
        let inner = Guard("inner a");
        if p > 0 {
            break 'a pick(g.v(p));
        }
        (yield 1);
        pick(0)
    };
    'b: {
        (yield 2);
        let inner = Guard("inner b");
        if p > 1 {
            break 'b log_i("b", p);
        }
        (yield 3);
    }
    let mut n = 0;
    loop {
        n += 1;
        if n > p {
            break pick(n);
        }
        (yield 4);
    };
    0
        }
    };
    for (suffix, p) in [("", 2), ("_zero", 0), ("_one", 1)] {
        case(&format!("a_break_value_runs_where_the_loop_value_is_unused{suffix}"), || drive(a_break_value_runs_where_the_loop_value_is_unused(p), &[0, 0, 0, 0, 0, 0, 0]));
    }
    let temporaries_in_method_arguments_are_kept = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    match Guard("t4").v(Guard("t5").v(p)) {
        0 => {}
        m => {
            (yield m);
        }
    }
    let g = Guard("g");
    log_i("sum", add(g.v(Guard("a1").v(p)), (yield 2)));
    0
        }
    };
    case("temporaries_in_method_arguments_are_kept", || drive(temporaries_in_method_arguments_are_kept(1), &[0, 1, 2]));
    case("temporaries_in_method_arguments_are_kept_dropped", || drive(temporaries_in_method_arguments_are_kept(1), &[0]));
    let a_field_moved_out_of_a_tuple = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let before = Guard("before");
    let u = (Guard("u0"), Guard("u1"), p);
    let mut w: (Guard, (i32, Guard)) = (Guard("w0"), (1, Guard("w11")));
    if u.2 > 1 {
        let g = u.0;
        (yield 1);
        drop(g);
    }
    w.1.0 += (yield u.2);
    log_i("w10", w.1.0);
    let h = w.0;
    (yield 3);
    drop(h);
    log(format!("{} {}", u.1.0, w.1.1.0));
    0
        }
    };
    for (suffix, p, sends) in [
        ("", 2, &[0, 0, 5, 0, 0][..]),
        ("_not_moved", 0, &[0, 5, 0, 0]),
        ("_dropped", 2, &[0, 0]),
        ("_dropped_later", 0, &[0, 5]),
    ] {
        case(&format!("a_field_moved_out_of_a_tuple{suffix}"), || drive(a_field_moved_out_of_a_tuple(p), sends));
    }
    let deferred_locals_moved_on_some_paths = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let d;
    d = Guard("d");
    if p > 5 {
        let g = d;
    }
    (yield 1);
    let b;
    let a;
    (a, b) = (Guard("a"), Guard("b"));
    (yield 2);
    drop(a);
    log_i("end", p);
    0
        }
    };
    for (suffix, p, sends) in [("", 1, &[0, 0, 0][..]), ("_moved", 9, &[0, 0, 0]), ("_dropped", 1, &[0, 0])] {
        case(&format!("deferred_locals_moved_on_some_paths{suffix}"), || drive(deferred_locals_moved_on_some_paths(p), sends));
    }
    let what_a_pattern_leaves_of_a_temporary_is_kept = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    match three() {
        (_, mut a, _) if p > 0 => {
            let l = Guard("local");
            log(a.0);
            a = Guard("a2");
            log(a.0);
            (yield 1);
            log("arm end");
        }
        _ => log("other"),
    }
    match Some(Guard("o")) {
        None => {}
        Some(_) => {
            (yield 2);
            log("arm2 end");
        }
    }
    if let (_, b, _) = three() {
        (yield 3);
        log_i("then", b.v(3));
    }
    if let Some(_) = Some(Guard("o2")) {
        (yield 4);
    }
    0
        }
    };
    for (suffix, p, sends) in [
        ("", 1, &[0, 0, 0, 0, 0][..]),
        ("_other", 0, &[0, 0, 0, 0]),
        ("_dropped", 1, &[0]),
        ("_dropped_in_if_let", 1, &[0, 0, 0]),
    ] {
        case(&format!("what_a_pattern_leaves_of_a_temporary_is_kept{suffix}"), || drive(what_a_pattern_leaves_of_a_temporary_is_kept(p), sends));
    }
    let a_pattern_binding_moved_on_some_paths = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let o = Some(Guard("o"));
    match o {
        Some(g) if p > 0 => {
            if p > 5 {
                drop(g);
            }
            (yield 1);
            log("arm end");
        }
        _ => {}
    }
    if let Some(h) = Some(Guard("h")) {
        if p > 5 {
            let k = h;
        }
        (yield 2);
        log("then end");
    }
    let (a, mut b) = two();
    if p > 5 {
        drop(a);
    }
    (yield 3);
    b = Guard("b2");
    log(b.0);
    0
        }
    };
    for (suffix, p, sends) in [
        ("", 1, &[0, 0, 0, 0][..]),
        ("_moved", 9, &[0, 0, 0, 0]),
        ("_dropped", 1, &[0]),
        ("_dropped_later", 1, &[0, 0, 0]),
    ] {
        case(&format!("a_pattern_binding_moved_on_some_paths{suffix}"), || drive(a_pattern_binding_moved_on_some_paths(p), sends));
    }
    let a_cfg_on_a_carried_tail = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    match p {
        m if m + (yield 1) > 4 => {
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
    };
    case("a_cfg_on_a_carried_tail", || drive(a_cfg_on_a_carried_tail(1), &[0, 9]));
    let what_a_guarded_arm_leaves_of_the_scrutinee = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    match said(p) {
        Said::Say(s, _) if (yield 1) > 0 => {
            (yield 2);
            log(s);
        }
        Said::Say(s, _) => log(format!("other {s}")),
        Said::Num(n) => log_i("num", n),
    }
    log("after");
    0
        }
    };
    for (suffix, p, sends) in [("", 1, &[0, 1, 0][..]), ("_other", 1, &[0, 0]), ("_dropped", 1, &[0, 1])] {
        case(&format!("what_a_guarded_arm_leaves_of_the_scrutinee{suffix}"), || drive(what_a_guarded_arm_leaves_of_the_scrutinee(p), sends));
    }
    let remains_of_a_scrutinee_reading_a_flagged_local = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    if let (_, m3) = (Guard("q2"), p) {
        match (Guard("q4"), m3) {
            (_, m5) => {
                (yield m5);
                log("arm end");
            }
        }
    }
    0
        }
    };
    case("remains_of_a_scrutinee_reading_a_flagged_local", || drive(remains_of_a_scrutinee_reading_a_flagged_local(1), &[0, 0]));
    let temporaries_of_an_inner_match_scrutinee = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    match match Guard("t9").v(p) {
        0 => 1,
        m => m + 1,
    } {
        0 => {}
        n => {
            (yield n);
        }
    }
    log_i("sum", add(match Guard("t10").v(p) { m => m }, (yield 2)));
    0
        }
    };
    for (suffix, sends) in [("", &[0, 0, 0][..]), ("_dropped", &[0])] {
        case(&format!("temporaries_of_an_inner_match_scrutinee{suffix}"), || drive(temporaries_of_an_inner_match_scrutinee(1), sends));
    }
    let an_early_return_mid_statement_drops_operands_first = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let u1 = (Guard("u1"), add((yield Guard("t2").v(3)), (yield opt(p)?)));
    let v4 = opt(7)?;
    if v4 > 9 {
        let Some(w8) = opt((yield u1.1)) else {
            return None;
        };
    }
    Some(v4)
        }
    };
    for (suffix, p) in [("", 60), ("_some", 1)] {
        case(&format!("an_early_return_mid_statement_drops_operands_first{suffix}"), || drive(an_early_return_mid_statement_drops_operands_first(p), &[0, 0]));
    }
    let a_flagged_local_read_in_a_borrowing_closure = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let m = p;
    let mut k = 0;
    let v = 'l: loop {
        k += 1;
        let i = k;
        if i > 1 {
            break 'l m + i;
        }
        if let Some(z) = opt((yield 0)) && z > 1 {
        } else {
            let c = |a: i32| a + i;
            log_i("c", c(m));
            (yield 8);
        }
    };
    v
        }
    };
    case("a_flagged_local_read_in_a_borrowing_closure", || drive(a_flagged_local_read_in_a_borrowing_closure(1), &[0, 0, 0, 0]));
    let what_an_arm_leaves_of_a_local = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let c = (Guard("s"), Guard("rest"));
    let d = Guard("d");
    match c {
        (s, _) => {
            (yield 1);
            drop(s);
        }
    }
    let e = Some((p, Guard("payload")));
    match e {
        Some((n, _)) => {
            (yield n);
        }
        None => {}
    }
    let f = Some(Guard("f"));
    match f {
        None => {}
        Some(_) => {
            (yield 3);
        }
    }
    let g = (Guard("a"), Guard("b"), Guard("c"));
    if let (_, b, _) = g {
        (yield 4);
        drop(b);
    }
    (yield 5);
    drop(d);
    0
        }
    };
    for (suffix, sends) in [("", &[0; 6][..]), ("_dropped_in_the_arm", &[0; 2]), ("_dropped_after", &[0; 5])] {
        case(&format!("what_an_arm_leaves_of_a_local{suffix}"), || drive(what_an_arm_leaves_of_a_local(7), sends));
    }
    let what_either_arm_leaves_of_a_local = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let c = if p > 5 { Ok((Guard("ok"), 1)) } else { Err((2, Guard("err"))) };
    let d = Guard("d");
    let v = match c {
        Ok((_, n)) => {
            (yield n);
            n
        }
        Err((n, _)) => (yield n),
    };
    (yield v);
    drop(d);
    v
        }
    };
    for p in [1, 9] {
        for (suffix, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
            case(&format!("what_either_arm_leaves_of_a_local_{p}{suffix}"), || drive(what_either_arm_leaves_of_a_local(p), sends));
        }
    }
    let deferred_assigned_in_a_branch_then_a_yield = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let d;
    let e: Guard;
    if p > 0 {
        d = Guard("d");
    } else {
        e = Guard("e");
    }
    let v = (yield p);
    log_i("after", v);
    v
        }
    };
    let deferred_assigned_on_some_paths_then_joined = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let d;
    if p > 0 {
        d = Guard("d");
        (yield 1);
    }
    log_i("end", p);
    0
        }
    };
    for p in [0, 1] {
        for (suffix, sends) in [("", &[5, 6][..]), ("_dropped", &[5])] {
            case(&format!("deferred_assigned_in_a_branch_then_a_yield_{p}{suffix}"), || drive(deferred_assigned_in_a_branch_then_a_yield(p), sends));
            case(&format!("deferred_assigned_on_some_paths_then_joined_{p}{suffix}"), || drive(deferred_assigned_on_some_paths_then_joined(p), sends));
        }
    }
    // An argument of a `#[coro::coroutine]` fn is the body's oldest local, as in an
    // `async fn`: bound again first thing.
    let what_an_arm_leaves_of_an_argument = |c: (Guard, Guard), p: i32| {
        #[coroutine]
        static move |_: i32| {
    let c = c;
    let d = Guard("d");
    match c {
        (s, _) => {
            (yield p);
            drop(s);
        }
    }
    (yield 2);
    0
        }
    };
    for (suffix, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
        case(&format!("what_an_arm_leaves_of_an_argument{suffix}"), || drive(what_an_arm_leaves_of_an_argument((Guard("s"), Guard("rest")), 7), sends));
    }
    let what_an_arm_that_does_not_suspend_leaves = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let q = (Guard("q"), p);
    match q {
        (_, m) if m % 2 == 1 => log_i("odd", m),
        _ => {
            (yield p);
        }
    }
    log_i("after", Guard("t").v(7));
    0
        }
    };
    for p in [1, 2] {
        case(&format!("what_an_arm_that_does_not_suspend_leaves_{p}"), || drive(what_an_arm_that_does_not_suspend_leaves(p), &[0, 0]));
    }
    let moved_on_some_paths_then_named_again = |p: i32| {
        #[coroutine]
        static move |_: i32| {
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
        (yield g);
    }
    while let Some(g) = opt(p) {
        log_i("while", g);
        break;
    }
    (yield 9);
    log_i("end", 0);
    0
        }
    };
    for p in [1, 9] {
        for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0])] {
            case(&format!("moved_on_some_paths_then_named_again_{p}{suffix}"), || drive(moved_on_some_paths_then_named_again(p), sends));
        }
    }
    let a_flagged_local_used_while_a_closure_borrows_it = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let s2 = (yield 8);
    match p {
        m3 if m3 % 2 == 1 => {
            let c4 = |a: i32| a + m3;
            let d5 = c4(match s2 {
                0 => s2,
                m7 => m3 + m7,
            });
            log_i("d5", d5);
            (yield opt(5)?);
        }
        _ => {}
    }
    Some(s2)
        }
    };
    for p in [1, 2] {
        case(&format!("a_flagged_local_used_while_a_closure_borrows_it_{p}"), || drive(a_flagged_local_used_while_a_closure_borrows_it(p), &[0, 3, 0]));
    }
    let what_nested_matches_and_lets_leave = |p: i32| {
        #[coroutine]
        static move |_: i32| {
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
                (yield n);
            }
        }
        _ => {}
    }
    let (a, _) = f;
    (yield 1);
    drop(a);
    if p > 5 {
        let (b, _) = g;
        drop(b);
    }
    (yield 2);
    drop(d);
    0
        }
    };
    for p in [1, 9] {
        for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0, 0])] {
            case(&format!("what_nested_matches_and_lets_leave_{p}{suffix}"), || drive(what_nested_matches_and_lets_leave(p), sends));
        }
    }
    let nested_lets_whose_remains_are_kept = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let q7 = (Guard("q7"), p);
    if let (_, m8) = q7 {
        let q10 = (Guard("q10"), if p > 0 { (yield 3) } else { 4 });
        if let (_, m11) = q10 {
            log_i("m11", m11);
        }
        let v14 = add((yield m8), (yield 4));
        log_i("v14", v14);
    }
    0
        }
    };
    for (suffix, sends) in [("", &[5, 6, 7, 8][..]), ("_dropped", &[5, 6])] {
        case(&format!("nested_lets_whose_remains_are_kept{suffix}"), || drive(nested_lets_whose_remains_are_kept(1), sends));
    }
    let let_chain_shadowing_a_flagged_local = |p: i32| {
        #[coroutine]
        static move |_: i32| {
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
        (yield g + h);
    }
    while k > 0
        && let Some(g) = opt(k)
    {
        (yield g);
        k -= 1;
    }
    (yield 2);
    0
        }
    };
    for p in [2, 9] {
        for (suffix, sends) in [("", &[0; 14][..]), ("_dropped", &[0, 0])] {
            case(&format!("let_chain_shadowing_a_flagged_local_{p}{suffix}"), || drive(let_chain_shadowing_a_flagged_local(p), sends));
        }
    }
    let what_a_match_leaves_of_a_local_read_before_it = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let c = (Guard("s"), Guard("c"), p);
    let r = &c;
    let k = r.1.v(p) + c.2;
    if p > 0 {
        log_i("k", c.0.v(k));
    }
    if let (s, _, n) = c {
        (yield k + n);
        drop(s);
    }
    let d = (Guard("t"), Guard("d"));
    let k = d.1.v(p);
    match d {
        (t, _) => {
            (yield k);
            drop(t);
        }
    }
    (yield 2);
    0
        }
    };
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0]), ("_dropped2", &[0, 0])] {
        case(&format!("what_a_match_leaves_of_a_local_read_before_it{suffix}"), || drive(what_a_match_leaves_of_a_local_read_before_it(1), sends));
    }
    let patterns_that_bind_by_reference_do_not_move = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let o = Some(Guard("o"));
    if let Some(ref inner) = o {
        log_i("inner", inner.v(1));
    }
    match o {
        None => {
            (yield 0);
        }
        Some(_) => {
            (yield 1);
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
    (yield 3);
    0
        }
    };
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0, 0])] {
        case(&format!("patterns_that_bind_by_reference_do_not_move{suffix}"), || drive(patterns_that_bind_by_reference_do_not_move(5), sends));
    }
    let a_ref_pattern_on_a_local_with_a_yield_in_the_arm = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let q5 = (Guard("q5"), p);
    match q5 {
        (ref _r, m6) if m6 % 2 == 1 => {
            (yield 4);
        }
        _ => {}
    }
    if let (ref _r, 7) = q5 {
        (yield 5);
    }
    Some(0)
        }
    };
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0])] {
        case(&format!("a_ref_pattern_on_a_local_with_a_yield_in_the_arm{suffix}"), || drive(a_ref_pattern_on_a_local_with_a_yield_in_the_arm(7), sends));
    }
    let an_extended_temporary_lives_to_the_end_of_its_block = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let a = Guard("a");
    let r = &Guard("extended");
    log_i("r", r.v(p));
    let m = &mut Guard("mutable");
    m.0 = "changed";
    let f = &(Guard("base"), p).1;
    log_i("f", *f);
    (yield 1);
    let b = Guard("b");
    {
        let inner = &Guard("inner");
        log_i("inner", inner.v(2));
        (yield 2);
    }
    (yield 3);
    drop(b);
    a.v(0)
        }
    };
    for (suffix, sends) in [("", &[0; 5][..]), ("_dropped", &[0, 0])] {
        case(&format!("an_extended_temporary_lives_to_the_end_of_its_block{suffix}"), || drive(an_extended_temporary_lives_to_the_end_of_its_block(4), sends));
    }
    let two_rewrites_of_what_a_match_leaves_one_inside_the_other = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    match (Guard("q1"), p) {
        (_, m2) if m2 % 2 == 1 => {
            let s3 = (yield m2);
            log_i("o", opt(s3).unwrap_or(0));
            log_i(
                "l",
                (match s3 {
                    0 => 8,
                    m18 => m2 + m18,
                }) + add((yield 2), (yield m2)),
            );
        }
        _ => {}
    }
    0
        }
    };
    for (suffix, sends) in [("", &[0; 5][..]), ("_dropped", &[0, 0])] {
        case(&format!("two_rewrites_of_what_a_match_leaves_one_inside_the_other{suffix}"), || drive(two_rewrites_of_what_a_match_leaves_one_inside_the_other(3), sends));
    }
    let an_extended_temporary_of_a_let_that_suspends = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let mut n = 0;
    while n < 2 {
        n += 1;
        let r = &(Guard("x"), p + (yield n)).0;
        log_i("r", r.v(n));
    }
    0
        }
    };
    for (suffix, sends) in [("", &[0; 4][..]), ("_dropped", &[0, 0])] {
        case(&format!("an_extended_temporary_of_a_let_that_suspends{suffix}"), || drive(an_extended_temporary_of_a_let_that_suspends(4), sends));
    }
    let a_ref_binding_extends_its_temporary = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let ref x = Guard("x");
    log_i("x", x.v(p));
    let (ref a, b) = (Guard("a"), p + 1);
    log_i("a", a.v(b));
    (yield 1);
    let g = Guard("g");
    (yield g.v(2));
    0
        }
    };
    for (suffix, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
        case(&format!("a_ref_binding_extends_its_temporary{suffix}"), || drive(a_ref_binding_extends_its_temporary(4), sends));
    }
    let a_ref_mut_binding_extends_its_temporary = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let ref mut x = Guard("x");
    x.0 = "changed";
    log_i("x", x.v(p));
    (yield 1);
    0
        }
    };
    for (suffix, sends) in [("", &[0; 2][..]), ("_dropped", &[0])] {
        case(&format!("a_ref_mut_binding_extends_its_temporary{suffix}"), || drive(a_ref_mut_binding_extends_its_temporary(4), sends));
    }
    let a_value_binding_beside_a_ref_binding = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let (ref a, n) = (Guard("a"), p + 1);
    log_i("a", a.v(n));
    let s = (yield 1);
    let (ref b, m) = (Guard("b"), (yield n + s));
    (yield m);
    n + m
        }
    };
    for (suffix, sends) in [("", &[0, 5, 6, 7][..]), ("_dropped", &[0, 5])] {
        case(&format!("a_value_binding_beside_a_ref_binding{suffix}"), || drive(a_value_binding_beside_a_ref_binding(4), sends));
    }
    let the_loop_iterator_lives_through_a_return_operand = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    for g in vec![Guard("a"), Guard("b"), Guard("c")] {
        if (yield g.v(p)) > 100 {
            return add((yield 0), (yield 1));
        }
    }
    0
        }
    };
    for (suffix, sends) in [("", &[0, 101, 5, 6][..]), ("_dropped", &[0, 101])] {
        case(&format!("the_loop_iterator_lives_through_a_return_operand{suffix}"), || drive(the_loop_iterator_lives_through_a_return_operand(4), sends));
    }
    let a_pattern_binding_as_the_receiver_of_a_yielding_call = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    if let Some(g) = Some(Guard("g")) {
        let u = g.v((yield p));
        (yield u);
    }
    for h in vec![Guard("h0"), Guard("h1")] {
        let u = h.v((yield 1));
        (yield u);
    }
    0
        }
    };
    for (suffix, sends) in [("", &[0; 7][..]), ("_dropped", &[0, 0, 0])] {
        case(&format!("a_pattern_binding_as_the_receiver_of_a_yielding_call{suffix}"), || drive(a_pattern_binding_as_the_receiver_of_a_yielding_call(4), sends));
    }
    let a_value_part_moved_out_beside_a_ref_binding = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let (g, ref a) = (Guard("g"), Guard("a"));
    (yield a.v(p));
    let n = (yield g.v(1));
    let (mut h, ref b, k) = (Guard("h"), Guard("b"), p);
    log_i("b", b.v(n + k));
    (yield 2);
    h = Guard("h2");
    (yield h.v(3));
    n
        }
    };
    for (suffix, sends) in [("", &[0; 6][..]), ("_dropped", &[0, 0, 5])] {
        case(&format!("a_value_part_moved_out_beside_a_ref_binding{suffix}"), || drive(a_value_part_moved_out_beside_a_ref_binding(4), sends));
    }
    let a_literal_subpattern_leaves_a_part = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let s = Pair {
        a: p,
        b: 7,
    };
    let g = Guard("s");
    let t = (Guard("t"), p);
    let h = Guard("h");
    if p > 100 {
        match t {
            (g8, 0) => log_i("zero", g8.v(0)),
            (g8, n) => log_i("n", g8.v(n)),
        }
    }
    (yield s.a + s.b);
    log_i("g", g.v(1));
    drop(h);
    (yield 2);
    0
        }
    };
    for (p, suffix) in [(4, ""), (101, "_matched")] {
        for (more, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
            case(&format!("a_literal_subpattern_leaves_a_part{suffix}{more}"), || drive(a_literal_subpattern_leaves_a_part(p), sends));
        }
    }
    let a_local_read_on_one_branch_destructured_on_another = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let t = (Guard("t0"), Guard("t1"), p);
    let o = Guard("o");
    if p > 100 {
        let (g8, _, n) = t;
        log_i("n", g8.v(n));
    } else {
        (yield t.2);
    }
    match (Guard("q"), p) {
        (_, m) if m % 2 == 1 => { (yield t_or(m)); }
        _ => {}
    }
    log_i("o", o.v(1));
    (yield 2);
    0
        }
    };
    for (p, suffix) in [(4, ""), (5, "_odd"), (101, "_destructured")] {
        for (more, sends) in [("", &[0; 4][..]), ("_dropped", &[0])] {
            case(&format!("a_local_read_on_one_branch_destructured_on_another{suffix}{more}"), || drive(a_local_read_on_one_branch_destructured_on_another(p), sends));
        }
    }
    let temporaries_in_a_macro_s_arguments = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    use std::fmt::Write;
    let mut s = String::new();
    let n = add(vec![Guard("vec").v(p), 2].len() as i32, (yield 1));
    log_i("n", n);
    let w = (write!(s, "{}", Guard("write").v(p)).is_ok(), (yield 2));
    log_i("w", i32::from(w.0));
    add((assert_eq!(Guard("assert").v(p), p), 3).1, (yield 3));
    let m = (matches!(Guard("matches").v(p), 4), (yield 4));
    log_i("m", i32::from(m.0));
    add(format!("{}", Guard("format").v(p)).len() as i32, (yield 5));
    add(match pick(p) { Guard(_) => 1 }, (yield 6));
    let g = Guard("g");
    (yield g.v(match Guard("scrutinee") { Guard(_) => 7 }));
    (yield g.v(matches!(Guard("nested").v(p), 4) as i32));
    s.len() as i32
        }
    };
    for (suffix, sends) in [("", &[0; 9][..]), ("_dropped", &[0; 3])] {
        case(&format!("temporaries_in_a_macro_s_arguments{suffix}"), || drive(temporaries_in_a_macro_s_arguments(4), sends));
    }
    // A function's arguments drop last first (`fn f((a, b): (G, G), c: G)` drops `c`,
    // `b`, `a`), a closure's captures in order: the statements a function would run.
    let a_pattern_argument_moved_on_some_paths = |arg0: (Guard, Guard), c: Guard, p: i32| {
        #[coroutine]
        static move |_: i32| {
    let (a, b) = arg0;
    let mut c = c;
    let o = Guard("o");
    if a.v(p) > 5 {
        drop(b);
    }
    (yield 1);
    c = Guard("c2");
    (yield c.v(2));
    log_i("o", o.v(3));
    0
        }
    };
    for (p, suffix) in [(1, ""), (9, "_moved")] {
        for (more, sends) in [("", &[0; 3][..]), ("_dropped", &[0])] {
            case(&format!("a_pattern_argument_moved_on_some_paths{suffix}{more}"), || drive(a_pattern_argument_moved_on_some_paths((Guard("a"), Guard("b")), Guard("c"), p), sends));
        }
    }
    let a_place_read_before_a_yield_that_changes_it = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let mut x = p;
    let a = x + (yield {
        x += 10;
        x
    });
    log_i("a", a);
    let mut s = Pair { a: p, b: 0 };
    let b = add(s.a, (yield {
        s.a = 50;
        s.a
    }));
    log_i("b", b);
    let mut n = p;
    let r = &mut n;
    let c = *r * 100 + (yield *r);
    log_i("c", c);
    let e = x == (yield {
        x += 1;
        x
    });
    log_i("e", i32::from(e));
    let name = String::from("n");
    let f = name == {
        let t = name.clone();
        (yield 7);
        t
    };
    log_i("f", i32::from(f));
    let owned = String::from("ab");
    let called = move |x: i32| x + owned.len() as i32;
    let g = called((yield called(1)));
    log_i("g", g);
    x + s.a + c
        }
    };
    case("a_place_read_before_a_yield_that_changes_it", || drive(a_place_read_before_a_yield_that_changes_it(3), &[0; 7]));
    let a_receiver_moved_by_a_block = |p: i32| {
        #[coroutine]
        static move |_: i32| {
    let g = Guard("g");
    let n = { g }.eat((yield (Guard("t").v(p), 4).1));
    log_i("n", n);
    n
        }
    };
    for (suffix, sends) in [("", &[0; 2][..]), ("_dropped", &[0])] {
        case(&format!("a_receiver_moved_by_a_block{suffix}"), || drive(a_receiver_moved_by_a_block(3), sends));
    }
}

fn t_or(m: i32) -> i32 {
    m + 1
}
