//! `yield_!` inside expressions: operands are evaluated left to right, side effects of the
//! operands before a yield happen before it suspends, those after it happen after the
//! resume, and short-circuit operators do not suspend when they do not evaluate the right
//! side.
//!
//! Every coroutine logs its side effects into a `Log`; the driver logs `-> <state>` after
//! each resume, so the log shows exactly where each effect happened relative to the
//! suspensions.

mod lowering_common;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};
use lowering_common::{Log, drive, drive_logged};

fn pair(log: &Log, a: i32, b: i32) -> i32 {
    log.push(format!("pair({a}, {b})"));
    a * 10 + b
}

// ---------------------------------------------------------------------------------------
// Function calls

#[coro::coroutine]
fn call_args(log: Log) -> impl Coroutine<i32, Yield = &'static str, Return = i32> {
    pair(&log, yield_!("a"), yield_!("b"))
}

#[test]
fn function_call_with_two_yielding_arguments() {
    let log = Log::new();
    let mut c = call_args(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 1, 2]),
        [Yielded("a"), Yielded("b"), Complete(12)]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(\"a\")",
            "-> Yielded(\"b\")",
            "pair(1, 2)",
            "-> Complete(12)"
        ]
    );
}

fn three(log: &Log, a: i32, b: i32, c: i32) -> i32 {
    log.push(format!("three({a}, {b}, {c})"));
    a * 100 + b * 10 + c
}

#[coro::coroutine]
fn call_args_with_effects(log: Log) -> impl Coroutine<i32, Yield = i32, Return = i32> {
    three(
        &log,
        log.side("first", 1),
        yield_!(log.side("operand", 7)),
        log.side("third", 3),
    )
}

#[test]
fn function_call_arguments_around_a_yield_are_evaluated_in_order() {
    let log = Log::new();
    let mut c = call_args_with_effects(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 5]),
        [Yielded(7), Complete(153)]
    );
    assert_eq!(
        log.take(),
        events![
            "first",
            "operand",
            "-> Yielded(7)",
            "third",
            "three(1, 5, 3)",
            "-> Complete(153)"
        ]
    );
}

fn pick(log: &Log, first: bool) -> fn(i32) -> i32 {
    log.push("pick callee");
    if first { |a| a + 1000 } else { |a| a + 2000 }
}

#[coro::coroutine]
fn callee_expression(log: Log) -> impl Coroutine<i32, Yield = (), Return = i32> {
    // The callee itself is an expression evaluated before the arguments.
    pick(&log, true)(yield_!())
}

#[test]
fn callee_expression_is_evaluated_before_the_yielding_argument() {
    let log = Log::new();
    let mut c = callee_expression(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 5]),
        [Yielded(()), Complete(1005)]
    );
    assert_eq!(
        log.take(),
        events!["pick callee", "-> Yielded(())", "-> Complete(1005)"]
    );
}

// ---------------------------------------------------------------------------------------
// Binary operators

#[coro::coroutine]
fn binary_ops(log: Log) -> impl Coroutine<i32, Yield = i32, Return = (i32, i32, i32)> {
    let x = 40;
    let sum = x + yield_!(1);
    let product = log.side("lhs", 3) * yield_!(2);
    let nested = (yield_!(3) - log.side("middle", 1)) * yield_!(4);
    (sum, product, nested)
}

#[test]
fn binary_operators_with_a_yielding_operand() {
    let log = Log::new();
    let mut c = binary_ops(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 2, 5, 10, 3]),
        [
            Yielded(1),
            Yielded(2),
            Yielded(3),
            Yielded(4),
            Complete((42, 15, 27))
        ]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "lhs",
            "-> Yielded(2)",
            "-> Yielded(3)",
            "middle",
            "-> Yielded(4)",
            "-> Complete((42, 15, 27))"
        ]
    );
}

#[coro::coroutine]
fn place_mutated_by_the_yield_operand() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut x = 1;
    // Rust reads `x` (1) before evaluating the right operand, which sets it to 11.
    x + yield_!({
        x += 10;
        x
    })
}

#[test]
fn left_operand_is_read_before_a_yield_operand_that_mutates_it() {
    // What plain Rust does with the same expression.
    let mut x = 1;
    let reference = x + {
        x += 10;
        x - 11 + 100 // the value "sent in"
    };
    assert_eq!(reference, 101);

    let mut c = place_mutated_by_the_yield_operand();
    assert_eq!(drive(&mut c, [0, 100]), [Yielded(11), Complete(101)]);
}

#[coro::coroutine]
fn compound_assign(log: Log) -> impl Coroutine<i32, Yield = &'static str, Return = Vec<i32>> {
    let mut total = 5;
    total += yield_!("add");
    total *= yield_!("mul");
    let mut v = vec![0, 0, 0];
    v[log.side("index", 1)] -= yield_!("sub");
    v.push(total);
    v
}

#[test]
fn compound_assignment_with_a_yield() {
    let log = Log::new();
    let mut c = compound_assign(log.clone());
    assert_eq!(
        drive(&mut c, [0, 3, 4, 9]),
        [
            Yielded("add"),
            Yielded("mul"),
            Yielded("sub"),
            Complete(vec![0, -9, 0, 32])
        ]
    );
    assert_eq!(log.take(), events!["index"]);
}

#[coro::coroutine]
fn compound_assign_order(log: Log) -> impl Coroutine<i32, Yield = &'static str, Return = Vec<i32>> {
    let mut v = vec![0, 0, 0];
    v[log.side("index", 1)] -= yield_!(log.side("rhs", "sub"));
    v
}

#[test]
fn compound_assignment_on_a_primitive_evaluates_the_right_side_first_like_rust() {
    // Plain Rust: for a primitive `place op= value`, the value is evaluated before the
    // place expression (the Reference, "Compound assignment expressions").
    let reference = Log::new();
    let mut v = vec![0, 0, 0];
    v[reference.side("index", 1)] -= reference.side("rhs", 9);
    v.push(1);
    assert_eq!(reference.take(), events!["rhs", "index"]);
    assert_eq!(v, [0, -9, 0, 1]);

    let log = Log::new();
    let mut c = compound_assign_order(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 9]),
        [Yielded("sub"), Complete(vec![0, -9, 0])]
    );
    assert_eq!(
        log.take(),
        events![
            "rhs",
            "-> Yielded(\"sub\")",
            "index",
            "-> Complete([0, -9, 0])"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Arrays, tuples, struct literals

#[coro::coroutine]
fn array_literal(log: Log) -> impl Coroutine<u8, Yield = u8, Return = [u8; 4]> {
    let v = [yield_!(1), log.side("middle", 50), yield_!(2), 99];
    v
}

#[test]
fn array_literal_of_yields() {
    let log = Log::new();
    let mut c = array_literal(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 10, 20]),
        [Yielded(1), Yielded(2), Complete([10, 50, 20, 99])]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(1)",
            "middle",
            "-> Yielded(2)",
            "-> Complete([10, 50, 20, 99])"
        ]
    );
}

#[coro::coroutine]
fn repeat_array() -> impl Coroutine<u8, Yield = (), Return = [u8; 3]> {
    [yield_!(); 3]
}

#[test]
fn array_repeat_with_a_yield() {
    let mut c = repeat_array();
    assert_eq!(drive(&mut c, [0, 7]), [Yielded(()), Complete([7, 7, 7])]);
}

#[derive(Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
    label: String,
}

#[coro::coroutine]
fn struct_and_tuple(
    log: Log,
) -> impl Coroutine<i32, Yield = &'static str, Return = (Point, (i32, i32, String))> {
    let p = Point {
        label: log.side("label", String::from("p")),
        y: yield_!("y"),
        x: log.side("x", 5),
    };
    let t = (log.side("t0", 1), yield_!("t1"), format!("t2 {}", p.x));
    (p, t)
}

#[test]
fn struct_literal_and_tuple_fields_in_source_order() {
    let log = Log::new();
    let mut c = struct_and_tuple(log.clone());
    let trace = drive_logged(&log, &mut c, [0, 7, 8]);
    assert_eq!(
        trace,
        [
            Yielded("y"),
            Yielded("t1"),
            Complete((
                Point {
                    x: 5,
                    y: 7,
                    label: "p".into()
                },
                (1, 8, "t2 5".into())
            ))
        ]
    );
    let events = log.take();
    assert_eq!(
        events[..5],
        events![
            "label",
            "-> Yielded(\"y\")",
            "x",
            "t0",
            "-> Yielded(\"t1\")"
        ]
    );
    assert!(events[5].starts_with("-> Complete("));
    assert_eq!(events.len(), 6);
}

#[derive(Debug, PartialEq, Clone, Default)]
struct Config {
    a: u8,
    b: u8,
    c: u8,
}

#[coro::coroutine]
fn struct_update(base: Config) -> impl Coroutine<u8, Yield = (), Return = Config> {
    Config {
        b: yield_!(),
        ..base
    }
}

#[test]
fn struct_literal_with_base_expression() {
    let mut c = struct_update(Config { a: 1, b: 2, c: 3 });
    assert_eq!(
        drive(&mut c, [0, 9]),
        [Yielded(()), Complete(Config { a: 1, b: 9, c: 3 })]
    );
}

// ---------------------------------------------------------------------------------------
// Method calls

struct Recorder {
    log: Log,
    items: Vec<i32>,
}

impl Recorder {
    fn add(mut self, x: i32) -> Self {
        self.log.push(format!("add({x})"));
        self.items.push(x);
        self
    }
}

fn make(log: &Log) -> Recorder {
    log.push("make()");
    Recorder {
        log: log.clone(),
        items: Vec::new(),
    }
}

#[coro::coroutine]
fn method_calls(
    log: Log,
) -> impl Coroutine<i32, Yield = &'static str, Return = (Vec<i32>, Vec<i32>)> {
    let mut v = Vec::new();
    v.push(yield_!("push"));
    v.push(yield_!("push again"));
    let r = make(&log)
        .add(yield_!("add"))
        .add(log.side("plain", 100))
        .add(yield_!("add again"));
    (v, r.items)
}

#[test]
fn method_receivers_and_arguments() {
    let log = Log::new();
    let mut c = method_calls(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 1, 2, 3, 4]),
        [
            Yielded("push"),
            Yielded("push again"),
            Yielded("add"),
            Yielded("add again"),
            Complete((vec![1, 2], vec![3, 100, 4]))
        ]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(\"push\")",
            "-> Yielded(\"push again\")",
            "make()",
            "-> Yielded(\"add\")",
            "add(3)",
            "plain",
            "add(100)",
            "-> Yielded(\"add again\")",
            "add(4)",
            "-> Complete(([1, 2], [3, 100, 4]))",
        ]
    );
}

#[coro::coroutine]
fn method_on_yield_result() -> impl Coroutine<String, Yield = u8, Return = usize> {
    yield_!(1).trim().len() + yield_!(2).len()
}

#[test]
fn method_called_on_a_sent_value() {
    let mut c = method_on_yield_result();
    assert_eq!(
        drive(&mut c, ["".into(), "  ab  ".into(), "xyz".into()]),
        [Yielded(1), Yielded(2), Complete(5)]
    );
}

// ---------------------------------------------------------------------------------------
// Conditions and scrutinees

#[coro::coroutine]
fn if_on_yield(log: Log) -> impl Coroutine<bool, Yield = u8, Return = u8> {
    let mut n = 0;
    if yield_!(1) {
        log.push("then");
        n += 1;
    } else {
        log.push("else");
    }
    if yield_!(2) && yield_!(3) {
        n += 10;
    }
    n
}

#[test]
fn if_condition_is_a_yield() {
    let log = Log::new();
    let mut c = if_on_yield(log.clone());
    assert_eq!(
        drive(&mut c, [false, true, true, true]),
        [Yielded(1), Yielded(2), Yielded(3), Complete(11)]
    );
    assert_eq!(log.take(), events!["then"]);
    let mut c = if_on_yield(log.clone());
    assert_eq!(
        drive(&mut c, [false, false, false]),
        [Yielded(1), Yielded(2), Complete(0)]
    );
    assert_eq!(log.take(), events!["else"]);
}

#[coro::coroutine]
fn match_on_yield(log: Log) -> impl Coroutine<&'static str, Yield = i32, Return = i32> {
    let mut total = 0;
    for i in 0..3 {
        total += match yield_!(i) {
            "one" => 1,
            "two" => {
                log.push("two");
                2
            }
            other => other.len() as i32 * 100,
        };
    }
    total
}

#[test]
fn match_scrutinee_is_a_yield() {
    let log = Log::new();
    let mut c = match_on_yield(log.clone());
    assert_eq!(
        drive(&mut c, ["", "two", "abc", "one"]),
        [Yielded(0), Yielded(1), Yielded(2), Complete(303)]
    );
    assert_eq!(log.take(), events!["two"]);
}

#[coro::coroutine]
fn while_condition_yields() -> impl Coroutine<bool, Yield = u32, Return = u32> {
    let mut n = 0;
    while yield_!(n) {
        n += 1;
    }
    n
}

#[test]
fn while_condition_is_a_yield() {
    let mut c = while_condition_yields();
    assert_eq!(
        drive(&mut c, [false, true, true, false]),
        [Yielded(0), Yielded(1), Yielded(2), Complete(2)]
    );
}

// ---------------------------------------------------------------------------------------
// Nested yields

#[coro::coroutine]
fn yield_of_yield() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let v = yield_!(yield_!(1) * 2);
    v + 1
}

#[test]
fn yield_of_a_yield() {
    let mut c = yield_of_yield();
    // Yields 1, is sent 5, yields 10, is sent 7, returns 8.
    assert_eq!(
        drive(&mut c, [0, 5, 7]),
        [Yielded(1), Yielded(10), Complete(8)]
    );
}

#[coro::coroutine]
fn echo_twice() -> impl Coroutine<u8, Yield = u8, Return = u8> {
    yield_!(yield_!(0))
}

#[test]
fn yield_of_a_yield_passes_the_sent_value_back_out() {
    let mut c = echo_twice();
    assert_eq!(
        drive(&mut c, [9, 3, 4]),
        [Yielded(0), Yielded(3), Complete(4)]
    );
}

// ---------------------------------------------------------------------------------------
// Short-circuit operators

#[coro::coroutine]
fn and_or(a: bool, log: Log) -> impl Coroutine<bool, Yield = &'static str, Return = (bool, bool)> {
    let and = log.side("lhs of &&", a) && yield_!("rhs of &&");
    log.push("between");
    let or = log.side("lhs of ||", a) || yield_!("rhs of ||");
    (and, or)
}

#[test]
fn and_with_false_left_side_does_not_yield() {
    let log = Log::new();
    let mut c = and_or(false, log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [true, true]),
        [Yielded("rhs of ||"), Complete((false, true))]
    );
    assert_eq!(
        log.take(),
        events![
            "lhs of &&",
            "between",
            "lhs of ||",
            "-> Yielded(\"rhs of ||\")",
            "-> Complete((false, true))"
        ]
    );
    let mut c = and_or(false, log.clone());
    assert_eq!(
        drive(&mut c, [true, false]),
        [Yielded("rhs of ||"), Complete((false, false))]
    );
}

#[test]
fn or_with_true_left_side_does_not_yield() {
    let log = Log::new();
    let mut c = and_or(true, log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [false, false]),
        [Yielded("rhs of &&"), Complete((false, true))]
    );
    assert_eq!(
        log.take(),
        events![
            "lhs of &&",
            "-> Yielded(\"rhs of &&\")",
            "between",
            "lhs of ||",
            "-> Complete((false, true))"
        ]
    );
    let mut c = and_or(true, log.clone());
    assert_eq!(
        drive(&mut c, [false, true]),
        [Yielded("rhs of &&"), Complete((true, true))]
    );
}

#[coro::coroutine]
fn chained_short_circuit() -> impl Coroutine<bool, Yield = u8, Return = bool> {
    (yield_!(1) && yield_!(2)) || yield_!(3)
}

#[test]
fn chained_short_circuit_yields_only_what_it_evaluates() {
    let mut c = chained_short_circuit();
    assert_eq!(
        drive(&mut c, [false, true, true]),
        [Yielded(1), Yielded(2), Complete(true)]
    );
    let mut c = chained_short_circuit();
    assert_eq!(
        drive(&mut c, [false, false, true]),
        [Yielded(1), Yielded(3), Complete(true)]
    );
    let mut c = chained_short_circuit();
    assert_eq!(
        drive(&mut c, [false, true, false, false]),
        [Yielded(1), Yielded(2), Yielded(3), Complete(false)]
    );
}

// ---------------------------------------------------------------------------------------
// Other expression kinds

#[coro::coroutine]
fn misc_exprs(log: Log) -> impl Coroutine<i64, Yield = &'static str, Return = Vec<i64>> {
    let arr = [10, 20, 30, 40];
    let mut out = Vec::new();
    // Index.
    out.push(arr[yield_!("index") as usize]);
    // Unary, cast, parentheses, reference.
    out.push(-(yield_!("neg")));
    out.push((yield_!("cast") as u8) as i64);
    out.push(*&yield_!("ref"));
    // Range.
    let r = yield_!("start")..log.side("end", 3);
    out.push(r.sum());
    // Field of a tuple built around a yield.
    out.push((log.side("t.0", 7), yield_!("t.1")).0);
    // Block in an argument.
    out.push(i64::max(
        {
            let t = yield_!("block");
            t * 2
        },
        1,
    ));
    // `return` with a yield in it ends the coroutine. (Not as the last statement: rustfmt
    // adds a `;` there, see `return_with_semicolon_as_last_statement` in
    // lowering_pending.rs.)
    if !out.is_empty() {
        return out.into_iter().chain([yield_!("return")]).collect();
    }
    Vec::new()
}

#[test]
fn index_unary_cast_ref_range_field_block_return() {
    let log = Log::new();
    let mut c = misc_exprs(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 2, 5, 300, 9, 1, 8, 4, 77]),
        [
            Yielded("index"),
            Yielded("neg"),
            Yielded("cast"),
            Yielded("ref"),
            Yielded("start"),
            Yielded("t.1"),
            Yielded("block"),
            Yielded("return"),
            Complete(vec![30, -5, 300 % 256, 9, 1 + 2, 7, 8, 77])
        ]
    );
    let events = log.take();
    let pos = |e: &str| events.iter().position(|x| x == e).unwrap();
    assert!(pos("-> Yielded(\"start\")") < pos("end"));
    assert!(pos("end") < pos("t.0"));
    assert!(pos("t.0") < pos("-> Yielded(\"t.1\")"));
}

#[coro::coroutine]
fn assign_targets() -> impl Coroutine<i32, Yield = (), Return = ([i32; 2], (i32, i32), i32)> {
    let mut a = [0, 0];
    let mut t = (0, 0);
    let mut x = 0;
    a[1] = yield_!();
    t.0 = yield_!();
    x += yield_!();
    (a, t, x)
}

#[test]
fn assignment_of_a_yield_to_index_and_field() {
    let mut c = assign_targets();
    assert_eq!(
        drive(&mut c, [0, 1, 2, 3]),
        [
            Yielded(()),
            Yielded(()),
            Yielded(()),
            Complete(([0, 1], (2, 0), 3))
        ]
    );
}

#[coro::coroutine]
fn break_with_yield() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let mut i = 0;
    let v = loop {
        i += 1;
        if i == 3 {
            break yield_!(-1) + i;
        }
        yield_!(i);
    };
    v
}

#[test]
fn break_value_is_a_yield() {
    let mut c = break_with_yield();
    assert_eq!(
        drive(&mut c, [0, 0, 0, 100]),
        [Yielded(1), Yielded(2), Yielded(-1), Complete(103)]
    );
}

#[coro::coroutine]
fn closure_call_with_yield_argument(log: Log) -> impl Coroutine<i32, Yield = (), Return = i32> {
    let k = 3;
    let f = move |a: i32, b: i32| a * k + b;
    f(log.side("a", 1), yield_!())
}

#[test]
fn closure_call_with_a_yielding_argument() {
    let log = Log::new();
    let mut c = closure_call_with_yield_argument(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [0, 5]),
        [Yielded(()), Complete(8)]
    );
    assert_eq!(log.take(), events!["a", "-> Yielded(())", "-> Complete(8)"]);
}

// A yield inside the assigned place (`v[yield_!(..)] = x`) is checked against rustc in
// tests/fidelity_accept.rs.

#[coro::coroutine]
fn deref_assign(target: &mut Vec<i32>) -> impl Coroutine<i32, Yield = (), Return = ()> {
    let slot = &mut target[0];
    *slot = 1;
    target.push(yield_!());
    target[1] *= yield_!();
}

#[test]
fn assignment_through_a_borrowed_parameter() {
    let mut v = vec![0];
    {
        let mut c = deref_assign(&mut v);
        assert_eq!(
            drive(&mut c, [0, 5, 3]),
            [Yielded(()), Yielded(()), Complete(())]
        );
    }
    assert_eq!(v, [1, 15]);
}

#[coro::coroutine]
fn qualified_macro_paths() -> impl Coroutine<u8, Yield = u8, Return = u8> {
    let a = coro::yield_!(1);
    let b = ::coro::yield_!(2);
    let c = coro::yield_from!(sub_for_paths());
    a + b + c
}

#[coro::coroutine]
fn sub_for_paths() -> impl Coroutine<u8, Yield = u8, Return = u8> {
    yield_!(3) * 10
}

#[test]
fn yield_macros_named_by_their_full_path() {
    let mut c = qualified_macro_paths();
    assert_eq!(
        drive(&mut c, [0, 1, 2, 4]),
        [Yielded(1), Yielded(2), Yielded(3), Complete(1 + 2 + 40)]
    );
}

/// `vec![..]` whose elements yield is lowered like an array: the elements in order, then
/// the vector (the repeat form too).
#[coro::coroutine]
fn vec_of_yields() -> impl coro::Coroutine<u32, Yield = u32, Return = (Vec<u32>, Vec<u32>)> {
    let list = vec![yield_!(1), 10, yield_!(2)];
    let repeated = vec![yield_!(3); 2];
    (list, repeated)
}

#[test]
fn vec_macro_elements_may_yield() {
    let mut c = vec_of_yields();
    assert_eq!(c.start(), Some(Yielded(1)));
    assert_eq!(c.resume(5), Yielded(2));
    assert_eq!(c.resume(6), Yielded(3));
    assert_eq!(c.resume(7), Complete((vec![5, 10, 6], vec![7, 7])));
}
