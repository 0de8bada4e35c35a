//! Control flow across suspension points: straight-line code, branches, matches, every
//! kind of loop, labeled jumps, early returns and `?`.

mod lowering_common;

use std::collections::{BTreeMap, HashMap};

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};
use lowering_common::{Log, drive, drive_logged, run};

// ---------------------------------------------------------------------------------------
// Straight-line code

#[coro::coroutine]
fn straight(log: Log) -> impl Coroutine<i32, Yield = &'static str, Return = i32> {
    log.push("start");
    let a = yield_!("first");
    log.push(format!("got {a}"));
    let b = yield_!("second");
    log.push(format!("got {b}"));
    let c = a * 100 + b * 10;
    yield_!("third");
    log.push("end");
    c + 1
}

#[test]
fn straight_line_code() {
    let log = Log::new();
    let mut c = straight(log.clone());
    let trace = drive_logged(&log, &mut c, [99, 1, 2, 3]);
    assert_eq!(
        trace,
        [
            Yielded("first"),
            Yielded("second"),
            Yielded("third"),
            Complete(121)
        ]
    );
    assert_eq!(
        log.take(),
        events![
            "start",
            "-> Yielded(\"first\")",
            "got 1",
            "-> Yielded(\"second\")",
            "got 2",
            "-> Yielded(\"third\")",
            "end",
            "-> Complete(121)",
        ]
    );
}

#[coro::coroutine]
fn no_yield_at_all(x: u8) -> impl Coroutine<Yield = u8, Return = u8> {
    let y = x * 2;
    y + 1
}

#[test]
fn body_without_yield_completes_on_first_resume() {
    assert_eq!(run(no_yield_at_all(4)), [Complete(9)]);
}

// ---------------------------------------------------------------------------------------
// if / else if / else

#[coro::coroutine]
fn classify(n: i32, log: Log) -> impl Coroutine<i32, Yield = &'static str, Return = i32> {
    let before = n * 2;
    let got = if n < 0 {
        let s = yield_!("negative");
        log.push("in negative");
        s - 1
    } else if n == 0 {
        log.push("in zero");
        0
    } else if n < 10 {
        let a = yield_!("small");
        let b = yield_!("small again");
        a + b
    } else {
        yield_!("big");
        log.push("in big");
        1000
    };
    log.push(format!("after if: before={before} got={got}"));
    yield_!("joined");
    got + before
}

#[test]
fn if_else_if_else() {
    let log = Log::new();
    let mut c = classify(-3, log.clone());
    assert_eq!(
        drive(&mut c, [0, 7, 0]),
        [Yielded("negative"), Yielded("joined"), Complete(6 - 6)]
    );
    assert_eq!(
        log.take(),
        events!["in negative", "after if: before=-6 got=6"]
    );

    let mut c = classify(0, log.clone());
    assert_eq!(drive(&mut c, [0, 0]), [Yielded("joined"), Complete(0)]);
    assert_eq!(log.take(), events!["in zero", "after if: before=0 got=0"]);

    let mut c = classify(4, log.clone());
    assert_eq!(
        drive(&mut c, [0, 20, 3, 0]),
        [
            Yielded("small"),
            Yielded("small again"),
            Yielded("joined"),
            Complete(23 + 8)
        ]
    );
    assert_eq!(log.take(), events!["after if: before=8 got=23"]);

    let mut c = classify(50, log.clone());
    assert_eq!(
        drive(&mut c, [0, 0, 0]),
        [Yielded("big"), Yielded("joined"), Complete(1100)]
    );
    assert_eq!(
        log.take(),
        events!["in big", "after if: before=100 got=1000"]
    );
}

#[coro::coroutine]
fn if_without_else(flag: bool) -> impl Iterator<Item = u8> {
    yield_!(1);
    if flag {
        yield_!(2);
    }
    yield_!(3);
}

#[test]
fn if_without_else_joins() {
    assert_eq!(if_without_else(true).collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(if_without_else(false).collect::<Vec<_>>(), [1, 3]);
}

// ---------------------------------------------------------------------------------------
// match

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Circle(u32),
    Rect { w: u32, h: u32 },
    Empty,
}

#[coro::coroutine]
fn match_yield_in_arms(shape: Shape) -> impl Coroutine<u32, Yield = u32, Return = String> {
    let label = match shape {
        Shape::Circle(r) => {
            let scale = yield_!(r);
            // `r` is a binding of the arm, used after the yield.
            format!("circle {}", r * scale)
        }
        Shape::Rect { w, h } if w == h => {
            let s = yield_!(w);
            format!("square {s}")
        }
        Shape::Rect { w, h } => {
            let a = yield_!(w);
            let b = yield_!(h);
            format!("rect {w}x{h} sent {a},{b}")
        }
        Shape::Empty => String::from("empty"),
    };
    yield_!(0);
    label
}

#[test]
fn match_with_yields_in_arms() {
    let mut c = match_yield_in_arms(Shape::Circle(3));
    assert_eq!(
        drive(&mut c, [0, 5, 0]),
        [Yielded(3), Yielded(0), Complete("circle 15".to_string())]
    );
    let mut c = match_yield_in_arms(Shape::Rect { w: 4, h: 4 });
    assert_eq!(
        drive(&mut c, [0, 9, 0]),
        [Yielded(4), Yielded(0), Complete("square 9".to_string())]
    );
    let mut c = match_yield_in_arms(Shape::Rect { w: 2, h: 7 });
    assert_eq!(
        drive(&mut c, [0, 10, 20, 0]),
        [
            Yielded(2),
            Yielded(7),
            Yielded(0),
            Complete("rect 2x7 sent 10,20".to_string())
        ]
    );
    let mut c = match_yield_in_arms(Shape::Empty);
    assert_eq!(
        drive(&mut c, [0, 0]),
        [Yielded(0), Complete("empty".to_string())]
    );
}

#[coro::coroutine]
fn match_yield_in_scrutinee(
    log: Log,
) -> impl Coroutine<Option<i32>, Yield = &'static str, Return = i32> {
    let mut total = 0;
    loop {
        match yield_!("next?") {
            Some(n) if n < 0 => {
                log.push("negative: stop");
                break;
            }
            Some(n) => total += n,
            None => log.push("none"),
        }
    }
    total
}

#[test]
fn match_on_a_yield() {
    let log = Log::new();
    let mut c = match_yield_in_scrutinee(log.clone());
    assert_eq!(
        drive(&mut c, [None, Some(3), None, Some(4), Some(-1)]),
        [
            Yielded("next?"),
            Yielded("next?"),
            Yielded("next?"),
            Yielded("next?"),
            Complete(7)
        ]
    );
    assert_eq!(log.take(), events!["none", "negative: stop"]);
}

#[coro::coroutine]
fn match_arm_block(values: Vec<Option<u8>>, log: Log) -> impl Iterator<Item = u8> {
    for v in values {
        match v {
            Some(0) => log.push("zero, no yield"),
            Some(x) => {
                log.push(format!("before {x}"));
                yield_!(x);
                log.push(format!("after {x}"));
                yield_!(x * 2);
            }
            None => {
                yield_!(255);
            }
        }
        log.push("end of iteration");
    }
}

#[test]
fn match_with_yields_in_arm_blocks() {
    let log = Log::new();
    let got: Vec<u8> = match_arm_block(vec![Some(1), Some(0), None, Some(5)], log.clone())
        .inspect(|y| log.push(format!("-> {y}")))
        .collect();
    assert_eq!(got, [1, 2, 255, 5, 10]);
    assert_eq!(
        log.take(),
        events![
            "before 1",
            "-> 1",
            "after 1",
            "-> 2",
            "end of iteration",
            "zero, no yield",
            "end of iteration",
            "-> 255",
            "end of iteration",
            "before 5",
            "-> 5",
            "after 5",
            "-> 10",
            "end of iteration",
        ]
    );
}

// ---------------------------------------------------------------------------------------
// loop / while / while let

#[coro::coroutine]
fn loop_break_value(start: i32) -> impl Coroutine<i32, Yield = i32, Return = (i32, i32)> {
    let mut i = start;
    let found = loop {
        let v = yield_!(i);
        if v > 10 {
            break v * 2;
        }
        i += v;
    };
    (found, i)
}

#[test]
fn loop_with_break_value() {
    let mut c = loop_break_value(1);
    assert_eq!(
        drive(&mut c, [0, 2, 3, 11]),
        [Yielded(1), Yielded(3), Yielded(6), Complete((22, 6))]
    );
}

#[coro::coroutine]
fn while_loop(mut n: u32, log: Log) -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut sum = 0;
    while n > 0 {
        let sent = yield_!(n);
        sum += sent;
        n -= 1;
    }
    log.push("after while");
    sum
}

#[test]
fn while_loop_across_yields() {
    let log = Log::new();
    let mut c = while_loop(3, log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [100, 1, 2, 3]),
        [Yielded(3), Yielded(2), Yielded(1), Complete(6)]
    );
    assert_eq!(
        log.take(),
        events![
            "-> Yielded(3)",
            "-> Yielded(2)",
            "-> Yielded(1)",
            "after while",
            "-> Complete(6)"
        ]
    );
    // A loop that never runs.
    let mut c = while_loop(0, log.clone());
    assert_eq!(drive(&mut c, [0]), [Complete(0)]);
}

#[coro::coroutine]
fn while_let(mut stack: Vec<u32>) -> impl Iterator<Item = u32> {
    while let Some(top) = stack.pop() {
        yield_!(top);
        if top > 1 && top % 2 == 0 {
            stack.push(top / 2);
            stack.push(top / 2);
        }
    }
}

#[test]
fn while_let_across_yields() {
    assert_eq!(
        while_let(vec![3, 4]).collect::<Vec<_>>(),
        [4, 2, 1, 1, 2, 1, 1, 3]
    );
}

// ---------------------------------------------------------------------------------------
// for

#[coro::coroutine]
fn for_vec(words: Vec<String>) -> impl Coroutine<usize, Yield = String, Return = usize> {
    let mut total = 0;
    for w in words {
        let n = yield_!(w.to_uppercase());
        total += n * w.len();
    }
    total
}

#[test]
fn for_over_vec() {
    let mut c = for_vec(vec!["ab".into(), "cde".into()]);
    assert_eq!(
        drive(&mut c, [0, 10, 100]),
        [
            Yielded("AB".to_string()),
            Yielded("CDE".to_string()),
            Complete(320)
        ]
    );
}

#[coro::coroutine]
fn for_range(lo: u64, hi: u64) -> impl Iterator<Item = u64> {
    for i in lo..hi {
        yield_!(i * i);
    }
    for i in (0..=2).rev() {
        yield_!(i);
    }
}

#[test]
fn for_over_ranges() {
    assert_eq!(for_range(2, 5).collect::<Vec<_>>(), [4, 9, 16, 2, 1, 0]);
    assert_eq!(for_range(5, 5).collect::<Vec<_>>(), [2, 1, 0]);
}

#[coro::coroutine]
fn for_maps(
    hash: HashMap<String, u32>,
    btree: BTreeMap<u32, char>,
) -> impl Iterator<Item = String> {
    for (k, v) in hash {
        yield_!(format!("{k}={v}"));
    }
    for (k, v) in btree {
        yield_!(format!("{k}:{v}"));
    }
}

#[test]
fn for_over_hashmap_and_btreemap() {
    let hash: HashMap<String, u32> = [("a", 1), ("b", 2), ("c", 3)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    let btree: BTreeMap<u32, char> = [(3, 'z'), (1, 'x'), (2, 'y')].into_iter().collect();
    let got: Vec<String> = for_maps(hash, btree).collect();
    // The HashMap's order is unspecified: compare its part sorted.
    let mut from_hash = got[..3].to_vec();
    from_hash.sort();
    assert_eq!(from_hash, ["a=1", "b=2", "c=3"]);
    assert_eq!(got[3..], ["1:x", "2:y", "3:z"]);
}

/// A custom `IntoIterator` whose iterator logs each `next` and its drop.
struct Countdown {
    from: u32,
    log: Log,
}

struct CountdownIter {
    n: u32,
    log: Log,
}

impl IntoIterator for Countdown {
    type Item = u32;
    type IntoIter = CountdownIter;
    fn into_iter(self) -> CountdownIter {
        self.log.push("into_iter");
        CountdownIter {
            n: self.from,
            log: self.log,
        }
    }
}

impl Iterator for CountdownIter {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        self.log.push(format!("next at {}", self.n));
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n + 1)
        }
    }
}

impl Drop for CountdownIter {
    fn drop(&mut self) {
        self.log.push("drop iter");
    }
}

#[coro::coroutine]
fn for_custom(log: Log) -> impl Coroutine<Yield = u32, Return = ()> {
    let source = Countdown {
        from: 2,
        log: log.clone(),
    };
    for x in source {
        log.push(format!("body {x}"));
        yield_!(x);
    }
    log.push("after loop");
}

#[test]
fn for_over_custom_into_iterator_keeps_the_iterator_across_yields() {
    let log = Log::new();
    let mut c = for_custom(log.clone());
    assert_eq!(
        drive_logged(&log, &mut c, [(), (), ()]),
        [Yielded(2), Yielded(1), Complete(())]
    );
    assert_eq!(
        log.take(),
        events![
            "into_iter",
            "next at 2",
            "body 2",
            "-> Yielded(2)",
            "next at 1",
            "body 1",
            "-> Yielded(1)",
            "next at 0",
            "drop iter",
            "after loop",
            "-> Complete(())",
        ]
    );
}

#[test]
fn for_over_custom_into_iterator_dropped_while_suspended() {
    let log = Log::new();
    let mut c = for_custom(log.clone());
    assert_eq!(c.resume(()), Yielded(2));
    drop(c);
    assert_eq!(
        log.take(),
        events!["into_iter", "next at 2", "body 2", "drop iter"]
    );
    // Every clone of the log the coroutine held is gone.
    assert_eq!(log.handles(), 1);
}

// ---------------------------------------------------------------------------------------
// Nesting

#[derive(Debug, Clone)]
enum Cmd {
    Repeat(u32),
    Skip,
}

#[coro::coroutine]
fn deeply_nested_owned(cmds: Vec<Cmd>) -> impl Coroutine<i32, Yield = String, Return = i32> {
    let mut score = 0;
    let mut round = 0;
    while round < 2 {
        for (i, cmd) in cmds.clone().into_iter().enumerate() {
            match cmd {
                Cmd::Repeat(k) => {
                    let mut j = 0;
                    loop {
                        if j == k {
                            break;
                        }
                        if (i + j as usize) % 2 == 0 {
                            let s = yield_!(format!("r{round} c{i} j{j} even"));
                            score += s;
                        } else {
                            let s = yield_!(format!("r{round} c{i} j{j} odd"));
                            score -= s;
                        }
                        j += 1;
                    }
                }
                Cmd::Skip => {
                    if round == 1 {
                        score += yield_!(format!("r{round} c{i} skip"));
                    }
                }
            }
        }
        round += 1;
    }
    score
}

#[test]
fn nesting_four_deep() {
    // while > for > match > loop > if, with yields at the two deepest levels and in a
    // sibling arm; every loop variable (`round`, `i`, `k`, `j`) is used after a yield.
    let mut c = deeply_nested_owned(vec![Cmd::Repeat(2), Cmd::Skip, Cmd::Repeat(1)]);
    let trace = drive(&mut c, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    let expected_yields = [
        "r0 c0 j0 even",
        "r0 c0 j1 odd",
        "r0 c2 j0 even",
        "r1 c0 j0 even",
        "r1 c0 j1 odd",
        "r1 c1 skip",
        "r1 c2 j0 even",
    ];
    let mut expected: Vec<_> = expected_yields
        .iter()
        .map(|s| Yielded(s.to_string()))
        .collect();
    // sends 1..=7 land in: +1 -2 +3 +4 -5 +6 +7
    expected.push(Complete(1 - 2 + 3 + 4 - 5 + 6 + 7));
    assert_eq!(trace, expected);
}

#[coro::coroutine]
fn nested_with_everything(log: Log) -> impl Iterator<Item = (u8, u8, u8)> {
    let mut a = 0u8;
    'outer: loop {
        if a >= 2 {
            break;
        }
        let mut b = 0u8;
        'mid: while b < 2 {
            for c in 0..3u8 {
                match (a + b + c) % 3 {
                    0 => {
                        if c == 2 {
                            log.push(format!("skip rest of b={b} at a={a}"));
                            b += 1;
                            continue 'mid;
                        }
                        yield_!((a, b, c));
                    }
                    1 => {
                        yield_!((a, b, c + 100));
                    }
                    _ => {
                        if a == 1 && b == 1 {
                            log.push("break outer");
                            break 'outer;
                        }
                    }
                }
            }
            b += 1;
        }
        a += 1;
    }
    log.push(format!("done a={a}"));
}

#[test]
fn nesting_loop_while_for_match_blocks() {
    let log = Log::new();
    let got: Vec<_> = nested_with_everything(log.clone()).collect();
    // a=0,b=0: c0 -> 0 yield; c1 -> 1 yield+100; c2 -> 2 nothing
    // a=0,b=1: c0 -> 1 yield+100; c1 -> 2 nothing; c2 -> 0, c==2: skip, b=2, `continue 'mid`
    // a=1,b=0: c0 -> 1; c1 -> 2 nothing; c2 -> 0 skip, b=1, `continue 'mid`
    // a=1,b=1: c0 -> 2, a==1 && b==1: break 'outer
    assert_eq!(got, [(0, 0, 0), (0, 0, 101), (0, 1, 100), (1, 0, 100),]);
    assert_eq!(
        log.take(),
        events![
            "skip rest of b=1 at a=0",
            "skip rest of b=0 at a=1",
            "break outer",
            "done a=1"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Labeled break / continue across yields

#[coro::coroutine]
fn labeled(log: Log) -> impl Coroutine<bool, Yield = (u32, u32), Return = u32> {
    let mut visited = 0;
    'rows: for row in 0..4 {
        'cols: for col in 0..4 {
            visited += 1;
            let cmd = yield_!((row, col));
            if cmd {
                if col == 0 {
                    log.push(format!("continue 'rows at {row},{col}"));
                    continue 'rows;
                }
                if row == 2 {
                    log.push(format!("break 'rows at {row},{col}"));
                    break 'rows;
                }
                log.push(format!("break 'cols at {row},{col}"));
                break 'cols;
            }
            if col == 1 {
                continue 'cols;
            }
            log.push(format!("end of col {col}"));
        }
        log.push(format!("end of row {row}"));
    }
    visited
}

#[test]
fn labeled_break_and_continue_out_of_nested_loops() {
    let log = Log::new();
    let mut c = labeled(log.clone());
    let trace = drive(
        &mut c,
        [
            false, // first resume: dropped
            true,  // (0,0): continue 'rows
            false, // (1,0)
            false, // (1,1): continue 'cols
            true,  // (1,2): break 'cols
            false, // (2,0)
            true,  // (2,1): break 'rows
        ],
    );
    assert_eq!(
        trace,
        [
            Yielded((0, 0)),
            Yielded((1, 0)),
            Yielded((1, 1)),
            Yielded((1, 2)),
            Yielded((2, 0)),
            Yielded((2, 1)),
            Complete(6)
        ]
    );
    assert_eq!(
        log.take(),
        events![
            "continue 'rows at 0,0",
            "end of col 0",
            "break 'cols at 1,2",
            "end of row 1",
            "end of col 0",
            "break 'rows at 2,1",
        ]
    );
}

#[coro::coroutine]
fn labeled_block() -> impl Coroutine<u8, Yield = &'static str, Return = u8> {
    let v = 'blk: {
        let first = yield_!("first");
        if first == 0 {
            break 'blk 100;
        }
        let second = yield_!("second");
        first + second
    };
    yield_!("after block");
    v
}

#[test]
fn labeled_block_with_break_value() {
    let mut c = labeled_block();
    assert_eq!(
        drive(&mut c, [9, 0, 9]),
        [Yielded("first"), Yielded("after block"), Complete(100)]
    );
    let mut c = labeled_block();
    assert_eq!(
        drive(&mut c, [9, 1, 2, 9]),
        [
            Yielded("first"),
            Yielded("second"),
            Yielded("after block"),
            Complete(3)
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Early return

#[coro::coroutine]
fn early_return(limit: u32, log: Log) -> impl Coroutine<u32, Yield = u32, Return = &'static str> {
    let mut i = 0;
    while i < 10 {
        for j in 0..3 {
            let sent = yield_!(i * 10 + j);
            if sent > limit {
                log.push("returning");
                return "over the limit";
            }
            if sent == 0 {
                return if j == 0 { "zero at j=0" } else { "zero" };
            }
        }
        i += 1;
    }
    log.push("fell off the end");
    "exhausted"
}

#[test]
fn early_return_from_inside_loops() {
    let log = Log::new();
    let mut c = early_return(5, log.clone());
    assert_eq!(
        drive(&mut c, [0, 1, 2, 3, 9, 1]),
        [
            Yielded(0),
            Yielded(1),
            Yielded(2),
            Yielded(10),
            Complete("over the limit")
        ]
    );
    assert_eq!(log.take(), events!["returning"]);

    let mut c = early_return(5, log.clone());
    assert_eq!(
        drive(&mut c, [0, 1, 1, 1, 0]),
        [
            Yielded(0),
            Yielded(1),
            Yielded(2),
            Yielded(10),
            Complete("zero at j=0")
        ]
    );
    let mut c = early_return(5, log.clone());
    assert_eq!(
        drive(&mut c, [0, 1, 0]),
        [Yielded(0), Yielded(1), Complete("zero")]
    );
    assert_eq!(log.take(), events![]);
}

#[coro::coroutine]
fn return_in_iterator(n: u32) -> impl Iterator<Item = u32> {
    for i in 0.. {
        if i == n {
            return;
        }
        yield_!(i);
    }
}

#[test]
fn bare_return_ends_a_generator() {
    let mut g = return_in_iterator(3);
    assert_eq!(g.by_ref().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(g.next(), None);
}

// ---------------------------------------------------------------------------------------
// `?`

fn half(n: i32) -> Option<i32> {
    if n % 2 == 0 { Some(n / 2) } else { None }
}

#[coro::coroutine]
fn question_option(log: Log) -> impl Coroutine<i32, Yield = i32, Return = Option<i32>> {
    let mut acc = 0;
    loop {
        let n = yield_!(acc);
        let h = half(n)?;
        log.push(format!("half of {n} is {h}"));
        acc += h;
        if acc > 100 {
            return Some(acc);
        }
    }
}

#[test]
fn question_mark_on_option() {
    let log = Log::new();
    let mut c = question_option(log.clone());
    assert_eq!(
        drive(&mut c, [1, 4, 10, 3, 8]),
        [Yielded(0), Yielded(2), Yielded(7), Complete(None)]
    );
    assert_eq!(log.take(), events!["half of 4 is 2", "half of 10 is 5"]);
    let mut c = question_option(log.clone());
    assert_eq!(drive(&mut c, [1, 300]), [Yielded(0), Complete(Some(150))]);
}

#[derive(Debug, PartialEq)]
enum MyError {
    Parse(String),
    TooBig(u32),
}

impl From<std::num::ParseIntError> for MyError {
    fn from(e: std::num::ParseIntError) -> Self {
        MyError::Parse(e.to_string())
    }
}

fn check(n: u32) -> Result<u32, MyError> {
    if n > 50 {
        Err(MyError::TooBig(n))
    } else {
        Ok(n)
    }
}

#[coro::coroutine]
fn question_result(log: Log) -> impl Coroutine<String, Yield = u32, Return = Result<u32, MyError>> {
    let mut total = 0;
    loop {
        // `?` on a std error converted with `From`, right after a yield.
        let line = yield_!(total);
        if line.is_empty() {
            break;
        }
        let n: u32 = line.trim().parse()?;
        // `?` on the coroutine's own error type.
        total += check(n)?;
        log.push(format!("total {total}"));
    }
    Ok(total)
}

#[test]
fn question_mark_on_result_completes_with_err() {
    let log = Log::new();
    let mut c = question_result(log.clone());
    assert_eq!(
        drive(&mut c, ["x", "1", " 2 ", "60"].map(String::from)),
        [
            Yielded(0),
            Yielded(1),
            Yielded(3),
            Complete(Err(MyError::TooBig(60)))
        ]
    );
    assert_eq!(log.take(), events!["total 1", "total 3"]);

    let mut c = question_result(log.clone());
    let trace = drive(&mut c, ["x", "5", "five"].map(String::from));
    assert_eq!(trace.len(), 3);
    assert_eq!(trace[..2], [Yielded(0), Yielded(5)]);
    assert_eq!(
        trace[2],
        Complete(Err(MyError::Parse(
            "five".parse::<u32>().unwrap_err().to_string()
        )))
    );

    let mut c = question_result(log.clone());
    assert_eq!(
        drive(&mut c, ["x", "7", ""].map(String::from)),
        [Yielded(0), Yielded(7), Complete(Ok(7))]
    );
}

#[coro::coroutine]
fn question_in_yield_operand(
    items: Vec<Result<u8, String>>,
) -> impl Coroutine<Yield = u8, Return = Result<usize, String>> {
    let mut n = 0;
    for item in items {
        yield_!(item?);
        n += 1;
    }
    Ok(n)
}

#[test]
fn question_mark_inside_the_yield_operand() {
    let c = question_in_yield_operand(vec![Ok(1), Ok(2), Err("bad".into()), Ok(3)]);
    assert_eq!(
        run(c),
        [Yielded(1), Yielded(2), Complete(Err("bad".to_string()))]
    );
    let c = question_in_yield_operand(vec![Ok(1)]);
    assert_eq!(run(c), [Yielded(1), Complete(Ok(1))]);
}

// ---------------------------------------------------------------------------------------
// Conditions that bind or suspend

#[coro::coroutine]
fn let_chains(items: Vec<Option<i32>>) -> impl Iterator<Item = i32> {
    for item in items {
        if let Some(x) = item
            && x > 0
        {
            yield_!(x);
        } else if let Some(y) = item {
            yield_!(y * 100);
        }
    }
}

#[test]
fn if_let_chains_and_else_if_let() {
    assert_eq!(
        let_chains(vec![Some(1), None, Some(-2), Some(3)]).collect::<Vec<_>>(),
        [1, -200, 3]
    );
}

#[coro::coroutine]
fn while_let_on_a_yield(log: Log) -> impl Coroutine<Option<u8>, Yield = usize, Return = Vec<u8>> {
    let mut got = Vec::new();
    while let Some(v) = yield_!(got.len()) {
        log.push(format!("got {v}"));
        got.push(v);
    }
    got
}

#[test]
fn while_let_whose_scrutinee_is_a_yield() {
    let log = Log::new();
    let mut c = while_let_on_a_yield(log.clone());
    assert_eq!(
        drive(&mut c, [Some(9), Some(1), Some(2), None]),
        [Yielded(0), Yielded(1), Yielded(2), Complete(vec![1, 2])]
    );
    assert_eq!(log.take(), events!["got 1", "got 2"]);
}

#[coro::coroutine]
fn for_over_a_sent_value() -> impl Coroutine<Vec<u8>, Yield = u8, Return = u32> {
    let mut total = 0u32;
    for x in yield_!(0) {
        total += u32::from(x);
        yield_!(x);
    }
    total
}

#[test]
fn for_loop_whose_iterable_is_a_yield() {
    let mut c = for_over_a_sent_value();
    assert_eq!(
        drive(&mut c, [vec![], vec![4, 5], vec![], vec![]]),
        [Yielded(0), Yielded(4), Yielded(5), Complete(9)]
    );
}

// ---------------------------------------------------------------------------------------
// Control flow that must NOT be rewritten, and jumps out of loops without yields

#[coro::coroutine]
fn closures_with_their_own_control_flow()
-> impl Coroutine<Yield = i32, Return = Result<i32, String>> {
    // `return` and `?` inside closures and nested fns belong to them, not to the coroutine.
    let f = |x: i32| {
        if x > 5 {
            return 1;
        }
        2
    };
    let parse = |s: &str| -> Result<i32, std::num::ParseIntError> { Ok(s.parse::<i32>()? * 2) };
    let first_big = |v: &[i32]| {
        for x in v {
            if *x > 1 {
                return *x;
            }
        }
        0
    };
    yield_!(f(10));
    yield_!(f(1));
    yield_!(parse("x").unwrap_or(-1));
    yield_!(parse("4").unwrap_or(-1));
    yield_!(first_big(&[1, 3, 4]));
    fn nested(x: i32) -> Option<i32> {
        let y = Some(x)?;
        if y > 0 {
            return Some(y);
        }
        None
    }
    yield_!(nested(3).unwrap_or(-5) + nested(-3).unwrap_or(-5));
    let r: Result<i32, String> = (|| {
        let v: i32 = "7".parse().map_err(|_| "e".to_string())?;
        Ok(v)
    })();
    Ok(r? + 1)
}

#[test]
fn return_and_question_mark_inside_closures_are_left_alone() {
    assert_eq!(
        run(closures_with_their_own_control_flow()),
        [
            Yielded(1),
            Yielded(2),
            Yielded(-1),
            Yielded(8),
            Yielded(3),
            Yielded(3 - 5),
            Complete(Ok(8))
        ]
    );
}

#[coro::coroutine]
fn jumps_from_a_loop_without_yields(log: Log) -> impl Coroutine<Yield = (i32, i32), Return = ()> {
    'outer: for i in 0..4 {
        yield_!((i, -1));
        // This inner loop has no yield: it is emitted as written, except for the jumps that
        // leave it for the lowered outer loop.
        for j in 0..4 {
            if j == 1 && i == 0 {
                log.push(format!("continue 'outer at {i},{j}"));
                continue 'outer;
            }
            if j == 2 {
                log.push(format!("break at {i},{j}"));
                break;
            }
            if i == 2 {
                log.push(format!("break 'outer at {i},{j}"));
                break 'outer;
            }
        }
        log.push(format!("end {i}"));
    }
    log.push("after");
}

#[test]
fn labeled_jumps_from_a_plain_inner_loop_to_a_lowered_outer_loop() {
    let log = Log::new();
    assert_eq!(
        run(jumps_from_a_loop_without_yields(log.clone())),
        [
            Yielded((0, -1)),
            Yielded((1, -1)),
            Yielded((2, -1)),
            Complete(())
        ]
    );
    assert_eq!(
        log.take(),
        events![
            "continue 'outer at 0,1",
            "break at 1,2",
            "end 1",
            "break 'outer at 2,0",
            "after"
        ]
    );
}

#[coro::coroutine]
fn return_from_a_loop_without_yields() -> impl Coroutine<Yield = i32, Return = i32> {
    for i in 0..3 {
        yield_!(i);
        for j in 0..10 {
            if i == 1 && j == 4 {
                return 100 + j;
            }
        }
    }
    -1
}

#[test]
fn return_from_a_plain_inner_loop_completes_the_coroutine() {
    assert_eq!(
        run(return_from_a_loop_without_yields()),
        [Yielded(0), Yielded(1), Complete(104)]
    );
}

// ---------------------------------------------------------------------------------------
// Code after a statement that does not fall through is unreachable: it is not lowered,
// but an item declared there is visible to the code before it, as in any block.

mod only_unreachable_yields {
    use coro::{Coroutine, yield_};

    #[coro::coroutine]
    pub fn item_after_return() -> impl Coroutine<Yield = i32, Return = i32> {
        return helper();
        yield_!(1);
        fn helper() -> i32 {
            5
        }
    }
}

#[test]
fn an_item_after_a_return_is_still_declared() {
    assert_eq!(
        run(only_unreachable_yields::item_after_return()),
        [Complete(5)]
    );
}
