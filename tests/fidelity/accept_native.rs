//! Native counterparts of tests/fidelity_accept.rs; output recorded in accept.trace.
//! Valid Rust that coro used to reject: `let .. else` whose `else` yields, let chains
//! with a yield in a condition, deferred initialisation, arms that yield then diverge,
//! closures in copied code, yields inside an assigned place.
#![feature(coroutines, coroutine_trait, stmt_expr_attributes)]
use std::cell::RefCell;
use std::ops::{Coroutine, CoroutineState};
use std::pin::Pin;

include!("native_common.rs");

/// `yield_from!`: resumes the sub-coroutine (first with 0, as coro starts a generated
/// one), hands out what it yields and passes on what is sent, until it returns.
macro_rules! yield_from {
    ($e:expr) => {{
        let mut s = Box::pin($e);
        let mut arg = 0;
        loop {
            match s.as_mut().resume(arg) {
                CoroutineState::Yielded(y) => arg = yield y,
                CoroutineState::Complete(r) => break r,
            }
        }
    }};
}

fn pos(n: i32) -> Option<i32> {
    (n > 0).then_some(n)
}

/// Hands out each value of `items`, passing on what it is sent; returns the sum sent.
fn sub(items: Vec<i32>, f: impl Fn(i32) -> i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut total = 0;
        for x in items {
            total += yield f(x);
        }
        total
    }
}

// ----- item 7: `let .. else` whose `else` yields and diverges ------------------------------

fn let_else() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let n = yield 0;
        let Some(v) = pos(n) else {
            let _e = Guard("e");
            log("else");
            let m = yield -1;
            log(format!("else got {m}"));
            return m;
        };
        let _h = Guard("h");
        log(format!("v {v}"));
        let m = yield v;
        v + m
    }
}

fn let_else_temp() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let n = yield 0;
        let (_, Some(mut v)) = (Guard("t"), pos(n)) else {
            log("else");
            yield -1;
            return -1;
        };
        log("after");
        v += 1;
        yield v;
        v
    }
}

fn let_else_loop() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut total = 0;
        loop {
            let _l = Guard("l");
            let n = yield total;
            let Some(v) = pos(n) else {
                if n == 0 {
                    yield -1;
                    break;
                }
                let _e = Guard("e");
                yield -2;
                continue;
            };
            total += v;
        }
        log("after loop");
        total
    }
}

// ----- item 8: let chains with a yield in a condition -----------------------------------

fn chain_if() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let n = yield 0;
        let r = if let Some(a) = pos(n)
            && (yield a) > 0
        {
            log(format!("then {a}"));
            a
        } else {
            log("else");
            -1
        };
        log("end");
        r
    }
}

fn chain_guard_binding() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let n = yield 0;
        if let Some(b) = pos(n).map(|_| Guard("b"))
            && let Some(m) = pos(yield 1)
            && m != 5
        {
            log(format!("then {m}"));
            yield m;
            log(format!("still {}", b.0));
        } else {
            log("else");
        }
        log("end");
        0
    }
}

fn chain_else_if() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let n = yield 0;
        if n == 1
            && let Some(m) = pos(yield 10)
        {
            log(format!("first {m}"));
        } else if let Some(k) = pos(n)
            && (yield 20) == k
        {
            log(format!("second {k}"));
        } else {
            log("neither");
        }
        0
    }
}

fn while_let_chain() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut it = vec![3, 4, 5].into_iter();
        let mut sum = 0;
        while let Some(x) = it.next()
            && (yield x) != 0
        {
            let _b = Guard("body");
            sum += x;
        }
        log(format!("left {:?}", it.collect::<Vec<_>>()));
        sum
    }
}

// ----- item 9: deferred initialisation ---------------------------------------------------

fn deferred_init_from_yield() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let x;
        x = yield 1;
        log(format!("x {x}"));
        x * 2
    }
}

fn deferred_branches() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let label: &str;
        let n = yield 0;
        if n > 0 {
            label = "pos";
        } else {
            yield -1;
            label = "neg";
        }
        yield 1;
        log(label);
        label.len() as i32
    }
}

fn deferred_guard_init() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let g;
        let _a = Guard("a");
        yield 0;
        g = Guard("g");
        let _b = Guard("b");
        yield 1;
        log(format!("have {}", g.0));
        yield 2;
        0
    }
}

fn deferred_some_paths() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let x: i32;
        let n = yield 0;
        if n > 0 {
            x = n * 10;
            yield x;
            log(format!("x {x}"));
        } else {
            yield -1;
        }
        yield 9;
        0
    }
}

fn deferred_guard_some_paths() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _a = Guard("a");
        let g;
        let n = yield 0;
        if n > 0 {
            g = Guard("g");
            yield 1;
            log(format!("have {}", g.0));
        } else {
            yield -1;
        }
        let _b = Guard("b");
        yield 9;
        log("end");
        0
    }
}

// ----- item 11: arms that yield and then diverge -----------------------------------------

fn arm_diverges() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let n = yield 0;
        let v = match pos(n) {
            Some(v) => v,
            None => {
                let _e = Guard("e");
                yield -1;
                return -1;
            }
        };
        let w = if v > 5 {
            v
        } else {
            yield -2;
            log("small");
            return v;
        };
        yield w;
        w + 1
    }
}

fn unreachable_after_return() -> impl Coroutine<i32, Yield = i32, Return = Result<i32, String>> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let n = yield 0;
        if n < 0 {
            return Err(format!("negative {n}"));
        }
        yield n;
        return Ok(n);
        yield 99;
    }
}

// ----- item 12: closures in code the lowering copies -------------------------------------

fn two_yield_froms_with_closures() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let a = yield_from!(sub(vec![1, 2], |x| x + 1));
        let b = yield_from!(sub(vec![10], |x| x * 3));
        a + b
    }
}

fn loop_with_closure_local() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut total = 0;
        for i in 0..3 {
            let add = move |x: i32| x + i;
            let sent = yield add(100);
            total += add(sent);
        }
        total
    }
}

// ----- item 15: a yield inside an assigned place ------------------------------------------

fn assign_into_yielded_index() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut a = [0; 4];
        let _g = Guard("g");
        a[{
            log("index");
            yield 1
        } as usize] = {
            log("value");
            yield 2
        };
        log(format!("{a:?}"));
        a[1] = yield 3;
        a[{ yield 4 } as usize] = 7;
        log(format!("{a:?}"));
        a.iter().sum()
    }
}

fn compound_assign_yielding_place() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut x = 1;
        let mut a = [10, 20];
        *{
            yield 0;
            &mut x
        } += 1;
        let step = 5;
        a[(yield x) as usize] *= step;
        log(format!("{x} {a:?}"));
        x + a[0] + a[1]
    }
}

fn arm_yields_then_continues() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut total = 0;
        loop {
            let _l = Guard("l");
            let n = yield total;
            let v = match pos(n) {
                Some(v) => v,
                None if n == 0 => {
                    yield -1;
                    break;
                }
                None => {
                    let _e = Guard("e");
                    yield -2;
                    continue;
                }
            };
            total += v;
        }
        total
    }
}

fn deferred_in_loop() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut sum = 0;
        for i in 0..3 {
            let g;
            let tag: i32;
            if i % 2 == 0 {
                g = Guard("even");
                tag = 1;
                yield i;
                log(format!("kept {}", g.0));
            } else {
                tag = 2;
            }
            let sent = yield tag;
            sum += sent * tag;
        }
        sum
    }
}

fn closures_with_guards() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let mut acc = Vec::new();
        for i in 0..3 {
            let show = move |x: i32| format!("{i}:{x}");
            let _c = Guard("c");
            let sent = yield i;
            acc.push(show(sent));
            log(acc.join(","));
        }
        acc.len() as i32
    }
}

fn async_block_in_loop() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let mut n = 0;
        for i in 0..2 {
            let fut = async move { i };
            n += yield i;
            drop(fut);
        }
        n
    }
}

fn stop() -> ! {
    panic!("stop")
}

fn let_else_ref(opt: Option<String>) -> impl Coroutine<i32, Yield = i32, Return = usize> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let Some(ref s) = opt else {
            yield 1;
            return 0;
        };
        let n = s.len();
        let _ = yield 2;
        let Some(_) = opt.as_ref() else {
            yield 3;
            loop {}
        };
        let Some(k) = n.checked_sub(1) else {
            yield 4;
            stop()
        };
        k
    }
}

fn arm_endless_loop(n: i32) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let v = match n {
            0 => {
                yield 0;
                loop {
                    yield 7;
                }
            }
            v => v,
        };
        v
    }
}

fn assign_guard_into_yielded_index() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let _g = Guard("g");
        let mut v = vec![Some(Guard("old0")), Some(Guard("old1"))];
        v[{
            log("index");
            yield 1
        } as usize] = Some(Guard("new"));
        log("assigned");
        yield 2;
        v.len() as i32
    }
}

fn deferred_in_match_arms() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let s;
        let _g = Guard("g");
        let n = yield 0;
        match n {
            0 => s = Guard("zero"),
            1 => {
                yield 10;
                s = Guard("one");
            }
            _ => return -1,
        }
        yield 1;
        log(s.0);
        n
    }
}

fn let_else_typed() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let n = yield 0;
        let (Some(v), _t): (Option<i64>, Guard) = (pos(n).map(i64::from), Guard("t")) else {
            let _e = Guard("e");
            yield -1;
            return -1;
        };
        log("matched");
        yield v as i32;
        v as i32
    }
}

fn deferred_pair() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    #[coroutine]
    static move |_: i32| {
        let (a, b);
        let _g = Guard("g");
        let n = yield 0;
        if n > 0 {
            (a, b) = (Guard("a"), Guard("b"));
        } else {
            yield -1;
            (b, a) = (Guard("b2"), Guard("a2"));
        }
        yield 1;
        log(format!("{} {}", a.0, b.0));
        n
    }
}

fn main() {
    case("let_else_matches", || drive(let_else(), &[0, 5, 7]));
    case("let_else_yields_then_returns", || {
        drive(let_else(), &[0, -3, 9])
    });
    case("let_else_dropped_in_else", || drive(let_else(), &[0, -3]));
    case("let_else_temporary_drops_before_else", || {
        drive(let_else_temp(), &[0, -1, 0])
    });
    case("let_else_binds_mut", || drive(let_else_temp(), &[0, 4, 0]));
    case("let_else_break_and_continue", || {
        drive(let_else_loop(), &[0, 3, -1, 0, 4, 0, 0])
    });
    case("chain_if_true", || drive(chain_if(), &[0, 3, 1]));
    case("chain_if_false_after_yield", || {
        drive(chain_if(), &[0, 3, 0])
    });
    case("chain_if_pattern_fails", || drive(chain_if(), &[0, -3]));
    case("chain_if_dropped_in_condition", || {
        drive(chain_if(), &[0, 3])
    });
    case("chain_guard_binding_then", || {
        drive(chain_guard_binding(), &[0, 1, 2, 0])
    });
    case("chain_guard_binding_else", || {
        drive(chain_guard_binding(), &[0, 1, 5])
    });
    case("chain_guard_binding_dropped", || {
        drive(chain_guard_binding(), &[0, 1, 2])
    });
    case("chain_else_if_first", || drive(chain_else_if(), &[0, 1, 3]));
    case("chain_else_if_second", || {
        drive(chain_else_if(), &[0, 2, 2])
    });
    case("chain_else_if_neither", || {
        drive(chain_else_if(), &[0, 2, 7])
    });
    case("chain_while", || drive(while_let_chain(), &[0, 1, 1, 0]));
    case("chain_while_dropped", || drive(while_let_chain(), &[0, 1]));
    case("deferred_from_yield", || {
        drive(deferred_init_from_yield(), &[0, 21])
    });
    case("deferred_branches_pos", || {
        drive(deferred_branches(), &[0, 1, 0])
    });
    case("deferred_branches_neg", || {
        drive(deferred_branches(), &[0, -1, 0, 0])
    });
    case("deferred_guard", || {
        drive(deferred_guard_init(), &[0, 0, 0, 0])
    });
    case("deferred_guard_dropped_before_init", || {
        drive(deferred_guard_init(), &[0])
    });
    case("deferred_guard_dropped_after_init", || {
        drive(deferred_guard_init(), &[0, 0])
    });
    case("deferred_some_paths_init", || {
        drive(deferred_some_paths(), &[0, 2, 0, 0])
    });
    case("deferred_some_paths_uninit", || {
        drive(deferred_some_paths(), &[0, -2, 0, 0])
    });
    case("deferred_guard_some_paths_init", || {
        drive(deferred_guard_some_paths(), &[0, 1, 0, 0])
    });
    case("deferred_guard_some_paths_uninit", || {
        drive(deferred_guard_some_paths(), &[0, -1, 0, 0])
    });
    case("deferred_guard_some_paths_dropped", || {
        drive(deferred_guard_some_paths(), &[0, 1, 0])
    });
    case("arm_diverges_some", || drive(arm_diverges(), &[0, 7, 0]));
    case("arm_diverges_none", || drive(arm_diverges(), &[0, -1, 0]));
    case("arm_diverges_dropped", || drive(arm_diverges(), &[0, -1]));
    case("if_branch_diverges", || drive(arm_diverges(), &[0, 3, 0]));
    case("unreachable_after_return_ok", || {
        drive(unreachable_after_return(), &[0, 4, 0, 0])
    });
    case("unreachable_after_return_err", || {
        drive(unreachable_after_return(), &[0, -4])
    });
    case("closures_in_yield_from", || {
        drive(two_yield_froms_with_closures(), &[0, 1, 2, 3])
    });
    case("closure_local_in_loop", || {
        drive(loop_with_closure_local(), &[0, 1, 2, 3])
    });
    case("assign_index_and_value", || {
        drive(assign_into_yielded_index(), &[0, 7, 3, 5, 2])
    });
    case("assign_index_dropped", || {
        drive(assign_into_yielded_index(), &[0, 7])
    });
    case("compound_assign_place", || {
        drive(compound_assign_yielding_place(), &[0, 0, 1])
    });
    case("arm_yields_then_continues", || {
        drive(arm_yields_then_continues(), &[0, 3, -1, 4, 0, 0, 0])
    });
    case("arm_yields_then_breaks_dropped", || {
        drive(arm_yields_then_continues(), &[0, -1])
    });
    case("deferred_in_loop", || {
        drive(deferred_in_loop(), &[0, 0, 1, 1, 0, 1, 1])
    });
    case("deferred_in_loop_dropped_with_flag", || {
        drive(deferred_in_loop(), &[0, 0, 1, 1])
    });
    case("deferred_in_loop_dropped_after_init", || {
        drive(deferred_in_loop(), &[0, 0])
    });
    case("closures_with_guards", || {
        drive(closures_with_guards(), &[0, 5, 6, 7])
    });
    case("closures_with_guards_dropped", || {
        drive(closures_with_guards(), &[0, 5])
    });
    case("async_block_in_loop", || {
        drive(async_block_in_loop(), &[0, 3, 4])
    });
    case("let_else_ref_binding", || {
        drive(let_else_ref(Some("ab".into())), &[0, 0])
    });
    case("let_else_ref_binding_else", || {
        drive(let_else_ref(None), &[0, 0, 0])
    });
    case("arm_endless_loop", || {
        drive(arm_endless_loop(0), &[0, 0, 0])
    });
    case("arm_endless_loop_not_taken", || {
        drive(arm_endless_loop(3), &[0])
    });
    case("assign_guard_into_yielded_index", || {
        drive(assign_guard_into_yielded_index(), &[0, 1, 0])
    });
    case("assign_guard_dropped_before_assignment", || {
        drive(assign_guard_into_yielded_index(), &[0])
    });
    case("deferred_in_match_arms_zero", || {
        drive(deferred_in_match_arms(), &[0, 0, 0])
    });
    case("deferred_in_match_arms_one", || {
        drive(deferred_in_match_arms(), &[0, 1, 0, 0])
    });
    case("deferred_in_match_arms_returns", || {
        drive(deferred_in_match_arms(), &[0, 2])
    });
    case("deferred_in_match_arms_dropped", || {
        drive(deferred_in_match_arms(), &[0, 1, 0])
    });
    case("let_else_typed_matches", || {
        drive(let_else_typed(), &[0, 3, 0])
    });
    case("let_else_typed_else", || {
        drive(let_else_typed(), &[0, -3, 0])
    });
    case("let_else_typed_dropped_in_else", || {
        drive(let_else_typed(), &[0, -3])
    });
    case("deferred_pair_then", || drive(deferred_pair(), &[0, 1, 0]));
    case("deferred_pair_else", || {
        drive(deferred_pair(), &[0, -1, 0, 0])
    });
    case("deferred_pair_dropped", || drive(deferred_pair(), &[0, 1]));
}
