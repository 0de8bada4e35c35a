//! Locals across suspension points: shadowing, destructuring patterns, `mut` bindings,
//! block values, closures, items and macros in the body, and pattern parameters.

mod lowering_common;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};
use lowering_common::{Log, drive, drive_logged, run};

// ---------------------------------------------------------------------------------------
// Shadowing

#[coro::coroutine]
fn shadow_sequence() -> impl Coroutine<i32, Yield = String, Return = String> {
    let x = 1;
    let a = yield_!(format!("x={x}"));
    let x = x * 10 + a;
    let b = yield_!(format!("x={x}"));
    let x = format!("{x}+{b}");
    yield_!(x.clone());
    let x = x.len();
    format!("len={x}")
}

#[test]
fn shadowing_across_yields_changes_type_and_value() {
    let mut c = shadow_sequence();
    assert_eq!(
        drive(&mut c, [0, 7, 3, 0]),
        [
            Yielded("x=1".to_string()),
            Yielded("x=17".to_string()),
            Yielded("17+3".to_string()),
            Complete("len=4".to_string())
        ]
    );
}

// Shadowing a binding in an inner block (or loop body) while the outer one is used after
// the block: the inner binding is renamed internally, so both can be carried.

#[coro::coroutine]
fn shadow_in_inner_block(log: Log) -> impl Coroutine<Yield = i32, Return = i32> {
    let x = 5;
    {
        let x = "inner";
        yield_!(x.len() as i32);
        log.push(format!("inner x={x}"));
        let x = 100;
        yield_!(x);
    }
    // The outer `x` is visible again.
    yield_!(x);
    let x = x + 1;
    x
}

#[test]
fn shadowing_in_an_inner_block_restores_the_outer_binding() {
    let log = Log::new();
    assert_eq!(
        run(shadow_in_inner_block(log.clone())),
        [Yielded(5), Yielded(100), Yielded(5), Complete(6)]
    );
    assert_eq!(log.take(), events!["inner x=inner"]);
}

#[coro::coroutine]
fn shadow_in_loop() -> impl Iterator<Item = String> {
    let s = String::from("a");
    for i in 0..3 {
        let s = format!("{s}{i}");
        yield_!(s.clone());
        let s = s.to_uppercase();
        yield_!(s);
    }
    yield_!(s);
}

#[test]
fn shadowing_inside_a_loop_body_does_not_leak_out() {
    assert_eq!(
        shadow_in_loop().collect::<Vec<_>>(),
        ["a0", "A0", "a1", "A1", "a2", "A2", "a"]
    );
}

#[coro::coroutine]
fn shadow_in_inner_block_outer_unused_after(log: Log) -> impl Coroutine<Yield = i32, Return = i32> {
    let x = 5;
    yield_!(x);
    {
        let x = "inner";
        yield_!(x.len() as i32);
        log.push(format!("inner x={x}"));
    }
    let x = 7;
    yield_!(x);
    x + 1
}

#[test]
fn shadowing_in_an_inner_block_when_the_outer_binding_is_not_used_after_it() {
    let log = Log::new();
    assert_eq!(
        run(shadow_in_inner_block_outer_unused_after(log.clone())),
        [Yielded(5), Yielded(5), Yielded(7), Complete(8)]
    );
    assert_eq!(log.take(), events!["inner x=inner"]);
}

#[coro::coroutine]
fn pattern_shadows() -> impl Iterator<Item = u32> {
    let x = String::from("outer");
    for x in 0..2u32 {
        yield_!(x);
    }
    if let Some(x) = Some(7u32) {
        yield_!(x);
    }
    match Some(9u32) {
        Some(x) => yield_!(x),
        None => {}
    }
    yield_!(x.len() as u32);
}

#[test]
fn a_pattern_binding_that_hides_a_local_needed_after_it() {
    assert_eq!(pattern_shadows().collect::<Vec<_>>(), [0, 1, 7, 9, 5]);
}

// ---------------------------------------------------------------------------------------
// Destructuring

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
    name: String,
}

#[coro::coroutine]
fn destructure_tuple() -> impl Coroutine<i32, Yield = i32, Return = (i32, i32, i32, i32)> {
    let (a, (b, mut c)) = (1, (yield_!(0), 3));
    let d = yield_!(a + b);
    c += d;
    let (e, _) = (yield_!(c), "ignored");
    (a, b, c, e)
}

#[test]
fn destructuring_tuples() {
    let mut c = destructure_tuple();
    assert_eq!(
        drive(&mut c, [0, 10, 20, 30]),
        [
            Yielded(0),
            Yielded(11),
            Yielded(23),
            Complete((1, 10, 23, 30))
        ]
    );
}

#[coro::coroutine]
fn destructure_struct(p: Point) -> impl Coroutine<i32, Yield = String, Return = Point> {
    let Point {
        x,
        y: mut height,
        name,
    } = p;
    let dx = yield_!(name.clone());
    height *= 2;
    let dy = yield_!(format!("{x},{height}"));
    Point {
        x: x + dx,
        y: height + dy,
        name,
    }
}

#[test]
fn destructuring_structs() {
    let mut c = destructure_struct(Point {
        x: 1,
        y: 2,
        name: "p".into(),
    });
    assert_eq!(
        drive(&mut c, [0, 10, 20]),
        [
            Yielded("p".to_string()),
            Yielded("1,4".to_string()),
            Complete(Point {
                x: 11,
                y: 24,
                name: "p".into()
            })
        ]
    );
}

#[coro::coroutine]
fn destructure_slices(arr: [String; 4]) -> impl Iterator<Item = String> {
    let [first, middle @ .., last] = arr;
    yield_!(first);
    for m in middle {
        yield_!(m);
    }
    yield_!(last);
    let [a, b, ..] = [1, 2, 3, 4, 5];
    yield_!(format!("{a}{b}"));
}

#[test]
fn destructuring_arrays_with_rest_patterns() {
    let arr = ["a", "b", "c", "d"].map(String::from);
    assert_eq!(
        destructure_slices(arr).collect::<Vec<_>>(),
        ["a", "b", "c", "d", "12"]
    );
}

#[coro::coroutine]
fn let_else(input: Vec<&'static str>, log: Log) -> impl Coroutine<Yield = i32, Return = i32> {
    let mut sum = 0;
    for s in input {
        let Ok(n) = s.parse::<i32>() else {
            log.push(format!("not a number: {s}"));
            return -1;
        };
        yield_!(n);
        sum += n;
    }
    sum
}

#[test]
fn let_else_binds_across_yields_and_returns_in_else() {
    let log = Log::new();
    assert_eq!(
        run(let_else(vec!["1", "2"], log.clone())),
        [Yielded(1), Yielded(2), Complete(3)]
    );
    assert_eq!(
        run(let_else(vec!["1", "x", "2"], log.clone())),
        [Yielded(1), Complete(-1)]
    );
    assert_eq!(log.take(), events!["not a number: x"]);
}

#[coro::coroutine]
fn let_else_on_a_yield() -> impl Coroutine<Option<u8>, Yield = &'static str, Return = u32> {
    let mut total = 0u32;
    loop {
        let Some(v) = yield_!("more?") else {
            break;
        };
        total += u32::from(v);
    }
    total
}

#[test]
fn let_else_whose_initializer_is_a_yield() {
    let mut c = let_else_on_a_yield();
    assert_eq!(
        drive(&mut c, [None, Some(2), Some(3), None]),
        [
            Yielded("more?"),
            Yielded("more?"),
            Yielded("more?"),
            Complete(5)
        ]
    );
}

#[coro::coroutine]
fn if_let_and_while_let_bindings(items: Vec<Option<(u8, String)>>) -> impl Iterator<Item = String> {
    let mut it = items.into_iter();
    while let Some(item) = it.next() {
        if let Some((n, s)) = item {
            yield_!(format!("{n}"));
            yield_!(s);
        } else {
            yield_!(String::from("-"));
        }
    }
}

#[test]
fn if_let_bindings_live_across_yields() {
    let items = vec![Some((1, "one".to_string())), None, Some((2, "two".into()))];
    assert_eq!(
        if_let_and_while_let_bindings(items).collect::<Vec<_>>(),
        ["1", "one", "-", "2", "two"]
    );
}

#[coro::coroutine]
fn pattern_params(
    (a, b): (i32, String),
    Point { x, name, .. }: Point,
    [p, q]: [u8; 2],
) -> impl Iterator<Item = String> {
    yield_!(format!("{a}"));
    yield_!(b);
    yield_!(format!("{x} {name}"));
    yield_!(format!("{}", p + q));
}

#[test]
fn destructuring_patterns_in_parameters() {
    let g = pattern_params(
        (1, "b".into()),
        Point {
            x: 2,
            y: 0,
            name: "n".into(),
        },
        [3, 4],
    );
    assert_eq!(g.collect::<Vec<_>>(), ["1", "b", "2 n", "7"]);
}

// ---------------------------------------------------------------------------------------
// mut bindings

#[coro::coroutine]
fn mut_bindings(mut budget: u32) -> impl Coroutine<u32, Yield = u32, Return = Vec<u32>> {
    let mut spent = Vec::new();
    let (mut lo, hi) = (0, 100);
    while budget > 0 {
        let cost = yield_!(budget);
        let cost = cost.min(budget);
        budget -= cost;
        spent.push(cost);
        lo += 1;
    }
    spent.push(lo);
    spent.push(hi);
    spent
}

#[test]
fn mut_bindings_and_mut_params_are_updated_across_yields() {
    let mut c = mut_bindings(10);
    assert_eq!(
        drive(&mut c, [0, 3, 4, 50]),
        [
            Yielded(10),
            Yielded(7),
            Yielded(3),
            Complete(vec![3, 4, 3, 3, 100])
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Block expressions

#[coro::coroutine]
fn block_values(log: Log) -> impl Coroutine<i32, Yield = &'static str, Return = (i32, i32, i32)> {
    let a = {
        let t = yield_!("a");
        t * 2
    };
    let b = {
        log.push("b has no yield");
        a + 1
    };
    let c = {
        let inner = {
            let u = yield_!("c inner");
            if u > 0 {
                let w = yield_!("c positive");
                u + w
            } else {
                u
            }
        };
        inner * 100
    };
    (a, b, c)
}

#[test]
fn block_expressions_with_values() {
    let log = Log::new();
    let mut c = block_values(log.clone());
    assert_eq!(
        drive(&mut c, [0, 4, 1, 2]),
        [
            Yielded("a"),
            Yielded("c inner"),
            Yielded("c positive"),
            Complete((8, 9, 300))
        ]
    );
    let mut c = block_values(log.clone());
    assert_eq!(
        drive(&mut c, [0, 4, -1]),
        [Yielded("a"), Yielded("c inner"), Complete((8, 9, -100))]
    );
    assert_eq!(log.take(), events!["b has no yield", "b has no yield"]);
}

// ---------------------------------------------------------------------------------------
// Closures

#[coro::coroutine]
fn closures(log: Log) -> impl Coroutine<i32, Yield = String, Return = String> {
    let greeting = String::from("hello");
    // Captures `greeting` by move; lives across the yields.
    // (Captured through a method call: a capture through `format!("{greeting}")`, `&greeting`
    // or `==` does not compile, see `move_closure_capturing_through_a_format_argument` in
    // lowering_pending.rs.)
    let greet = move |who: &str| greeting.clone() + ", " + who;
    let total = 10;
    // Borrows `total`; dead before the first yield.
    let add = |d: i32| total + d;
    let eleven = add(1);
    let sent = yield_!(greet("a"));
    // A closure defined and called between two yields.
    let times = |k: i32| sent * k;
    log.push(format!("times(3)={}", times(3)));
    let mut count = 0;
    let mut counter = move || {
        count += 1;
        count
    };
    counter();
    yield_!(greet("b"));
    let n = counter();
    format!("{} {eleven} {n}", greet("c"))
}

#[test]
fn closures_capturing_by_move_and_by_borrow() {
    let log = Log::new();
    let mut c = closures(log.clone());
    assert_eq!(
        drive(&mut c, [0, 7, 0]),
        [
            Yielded("hello, a".to_string()),
            Yielded("hello, b".to_string()),
            Complete("hello, c 11 2".to_string())
        ]
    );
    assert_eq!(log.take(), events!["times(3)=21"]);
}

#[coro::coroutine]
fn closure_passed_around(k: u32) -> impl Iterator<Item = u32> {
    let scale = move |x: u32| x * k;
    let v: Vec<u32> = (1..=3).map(scale).collect();
    for x in v {
        yield_!(scale(x));
    }
}

#[test]
fn copy_closure_used_by_an_adapter_and_across_yields() {
    assert_eq!(closure_passed_around(2).collect::<Vec<_>>(), [4, 8, 12]);
}

// ---------------------------------------------------------------------------------------
// Items, macros, annotations

#[coro::coroutine]
fn items_in_body_used_before_the_first_yield() -> impl Iterator<Item = i64> {
    use std::ops::Mul;
    const K: i64 = 3;
    static BASE: i64 = 100;
    fn helper(x: i64) -> i64 {
        x.mul(K)
    }
    struct Wrapper(i64);
    impl Wrapper {
        fn get(&self) -> i64 {
            self.0 + BASE
        }
    }
    let w = Wrapper(1);
    let (a, b, c) = (helper(2), w.get(), K);
    yield_!(a);
    // `w`'s type is a local item; calling its method after the yield works. Naming the
    // items themselves after a yield does not: see `items_declared_in_the_body` in
    // lowering_pending.rs.
    yield_!(w.get() + b);
    yield_!(c);
}

#[test]
fn items_declared_in_the_body_and_used_before_the_first_yield() {
    assert_eq!(
        items_in_body_used_before_the_first_yield().collect::<Vec<_>>(),
        [6, 202, 3]
    );
}

#[coro::coroutine]
fn locals_used_only_in_macros(log: Log) -> impl Coroutine<Yield = (), Return = String> {
    let name = String::from("world");
    let n = 3;
    let v = vec![1, 2];
    let flag = Some(4);
    yield_!();
    // After the yield these locals are mentioned only inside macro arguments: an inline
    // format capture, a positional argument, `vec!`, `matches!`, `assert!`.
    log.push(format!("hello {name}"));
    let w = vec![n; 2];
    assert!(v.len() == 2, "v is {:?}", v);
    let m = matches!(flag, Some(x) if x > 3);
    format!("{w:?} {m}")
}

#[test]
fn locals_mentioned_only_in_macro_arguments_are_saved() {
    let log = Log::new();
    assert_eq!(
        run(locals_used_only_in_macros(log.clone())),
        [Yielded(()), Complete("[3, 3] true".to_string())]
    );
    assert_eq!(log.take(), events!["hello world"]);
}

#[coro::coroutine]
fn annotated_lets() -> impl Coroutine<u8, Yield = (), Return = (u64, Vec<u8>, String)> {
    let widened: u64 = yield_!().into();
    let mut bytes: Vec<u8> = Vec::with_capacity(2);
    bytes.push(yield_!());
    let s: String = String::from_utf8(bytes.clone()).unwrap_or_default();
    let _: u8 = yield_!(); // sent value bound to `_`, ignored
    (widened, bytes, s)
}

#[test]
fn type_annotated_bindings() {
    let mut c = annotated_lets();
    assert_eq!(
        drive(&mut c, [0, 200, b'A', 9]),
        [
            Yielded(()),
            Yielded(()),
            Yielded(()),
            Complete((200, vec![65], "A".to_string()))
        ]
    );
}

#[coro::coroutine]
fn underscore_bindings(log: Log) -> impl Coroutine<String, Yield = u8, Return = usize> {
    let _ = yield_!(1);
    let _unused = yield_!(2);
    let kept = yield_!(3);
    log.push(format!("kept {kept}"));
    kept.len()
}

#[test]
fn underscore_and_unused_bindings() {
    let log = Log::new();
    let mut c = underscore_bindings(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, ["", "a", "bb", "ccc"].map(String::from)),
        [Yielded(1), Yielded(2), Yielded(3), Complete(3)]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "-> Yielded(2)",
            "-> Yielded(3)",
            "kept ccc",
            "-> Complete(3)"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Deferred initialisation (`let x;` assigned after a suspension): `x` is carried only
// where every path has assigned it (drop order against rustc: tests/fidelity_accept.rs).

#[coro::coroutine]
fn deferred_init_from_a_yield() -> impl Coroutine<i32, Yield = (), Return = i32> {
    let x;
    x = yield_!();
    x * 2
}

#[coro::coroutine]
fn deferred_init_after_a_yield(flag: bool) -> impl Coroutine<Yield = (), Return = &'static str> {
    let label;
    yield_!();
    if flag {
        label = "yes";
    } else {
        label = "no";
    }
    label
}

#[test]
fn deferred_initialisation_across_a_yield() {
    let mut c = deferred_init_from_a_yield();
    assert_eq!(drive(&mut c, [0, 21]), [Yielded(()), Complete(42)]);
    assert_eq!(
        run(deferred_init_after_a_yield(true)),
        [Yielded(()), Complete("yes")]
    );
    assert_eq!(
        run(deferred_init_after_a_yield(false)),
        [Yielded(()), Complete("no")]
    );
}
