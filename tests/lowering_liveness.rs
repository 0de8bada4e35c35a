//! Liveness with kills: an assignment `x = e;` that overwrites a local before anything
//! reads it ends the old value's life, so a suspension before it does not save the local
//! (rustc's coroutines do the same). The kill applies only to `mut` locals the macro knows
//! have no destructor, only to an assignment in straight-line code (not inside a branch),
//! and only when nothing before it, its own right side included, reads the local.
//!
//! Sizes are compared with what the coroutine must hold (x86_64, rustc 1.95 observed in the
//! comments); every test also checks the values, which the kill must not change.

mod lowering_common;

use std::mem::{size_of, size_of_val};

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};
use lowering_common::{DropCounter, Guard, Log, drive};

// ---------------------------------------------------------------------------------------
// W2: the running mean is overwritten after the resume, before it is read.

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let mut total = 0.0;
    let mut count = 0u64;
    let mut mean = 0.0;
    loop {
        let x: f64 = yield_!(mean);
        total += x;
        count += 1;
        mean = total / count as f64;
    }
}

/// The same body, but the new mean is computed from the old one: `mean` is read after the
/// resume, so it must be saved.
#[coro::coroutine]
fn smoothed() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let mut total = 0.0;
    let mut count = 0u64;
    let mut mean = 0.0;
    loop {
        let x: f64 = yield_!(mean);
        total += x;
        count += 1;
        mean = (mean + total / count as f64) / 2.0;
    }
}

#[test]
fn an_overwritten_mean_is_not_saved() {
    // `total` and `count` are saved, `mean` is not: 16 bytes and the tag (observed 24;
    // 32 before the kill, as `smoothed` still is).
    let a = averager();
    assert!(size_of_val(&a) <= 24, "{}", size_of_val(&a));
    assert!(size_of_val(&a) < size_of_val(&smoothed()));
    let mut a = averager();
    assert_eq!(
        drive(&mut a, [0.0, 10.0, 20.0, 30.0]),
        [Yielded(0.0), Yielded(10.0), Yielded(15.0), Yielded(20.0)]
    );
}

#[test]
fn a_local_read_by_its_own_assignment_is_saved() {
    // `mean = (mean + ..) / 2.0` reads `mean` before it overwrites it (observed 32).
    let s = smoothed();
    assert!(size_of_val(&s) >= 24 + 8, "{}", size_of_val(&s));
    let mut s = smoothed();
    assert_eq!(
        drive(&mut s, [0.0, 10.0, 20.0]),
        [Yielded(0.0), Yielded(5.0), Yielded(10.0)]
    );
}

#[coro::coroutine]
fn incremented() -> impl Coroutine<Yield = u64, Return = u64> {
    let mut x: u64 = 5;
    yield_!(0);
    x = x + 1;
    yield_!(x);
    x
}

#[test]
fn x_equals_x_plus_one_saves_x() {
    // `x` is saved at the first yield (observed 16; 8 would be the tag alone).
    let c = incremented();
    assert!(size_of_val(&c) >= 16, "{}", size_of_val(&c));
    let mut c = incremented();
    assert_eq!(
        drive(&mut c, [(), (), ()]),
        [Yielded(0), Yielded(6), Complete(6)]
    );
}

// ---------------------------------------------------------------------------------------
// W5: `out = match b { .. yield_!(..) .. };` overwrites `out` after every suspension in
// the match, so none of them saves it.

#[coro::coroutine]
fn tokens() -> impl Coroutine<u8, Yield = [u64; 4], Return = ()> {
    let mut out: [u64; 4] = [0; 4];
    loop {
        let b: u8 = yield_!(out);
        out = match b {
            b'"' => {
                let mut len = 0u64;
                loop {
                    let c: u8 = yield_!([0; 4]);
                    if c == b'"' {
                        break;
                    }
                    len += 1;
                }
                [1, len, 0, 0]
            }
            b'0'..=b'9' => {
                let mut n = (b - b'0') as u64;
                let end = loop {
                    let c: u8 = yield_!([0; 4]);
                    if c.is_ascii_digit() {
                        n = n * 10 + (c - b'0') as u64;
                    } else {
                        break c;
                    }
                };
                [2, n, end as u64, 0]
            }
            other => [3, other as u64, 0, 0],
        };
    }
}

/// The same tokenizer, but a byte the match does not know keeps the previous output:
/// `out` is read after the resume on that path, so every suspension saves it.
#[coro::coroutine]
fn tokens_keeping() -> impl Coroutine<u8, Yield = [u64; 4], Return = ()> {
    let mut out: [u64; 4] = [0; 4];
    loop {
        let b: u8 = yield_!(out);
        out = match b {
            b'"' => {
                let mut len = 0u64;
                loop {
                    let c: u8 = yield_!([0; 4]);
                    if c == b'"' {
                        break;
                    }
                    len += 1;
                }
                [1, len, 0, 0]
            }
            _ => out,
        };
    }
}

#[test]
fn an_output_overwritten_by_a_yielding_match_is_not_saved() {
    // The largest suspension holds a `u64` counter: 8 bytes and the tag (observed 16). The
    // 32-byte `out` would not fit.
    let t = tokens();
    assert!(size_of_val(&t) <= 16, "{}", size_of_val(&t));
    assert!(size_of_val(&tokens_keeping()) >= 32 + 8);
    let mut t = tokens();
    let input = *b"x\"ab\"12,";
    let mut sends = vec![0u8];
    sends.extend(input);
    assert_eq!(
        drive(&mut t, sends),
        [
            Yielded([0; 4]),         // started
            Yielded([3, 120, 0, 0]), // x
            Yielded([0; 4]),         // "
            Yielded([0; 4]),         // a
            Yielded([0; 4]),         // b
            Yielded([1, 2, 0, 0]),   // "
            Yielded([0; 4]),         // 1
            Yielded([0; 4]),         // 2
            Yielded([2, 12, b',' as u64, 0]),
        ]
    );
    let mut k = tokens_keeping();
    assert_eq!(
        drive(&mut k, [0, b'"', b'a', b'"', b'x', b'y']),
        [
            Yielded([0; 4]),
            Yielded([0; 4]),
            Yielded([0; 4]),
            Yielded([1, 1, 0, 0]),
            Yielded([1, 1, 0, 0]),
            Yielded([1, 1, 0, 0]),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Where an assignment does not kill.

#[coro::coroutine]
fn conditional(big: u64) -> impl Coroutine<bool, Yield = u64, Return = ()> {
    let mut x: u64 = big;
    loop {
        let reset: bool = yield_!(x);
        if reset {
            x = 0;
            yield_!(1);
        }
        x += 1;
    }
}

#[test]
fn an_assignment_inside_a_branch_does_not_kill() {
    // The `else` path reads the old `x` after the resume: it is saved (observed 24: `x`,
    // the argument and the tag).
    let c = conditional(7);
    assert!(size_of_val(&c) >= 16, "{}", size_of_val(&c));
    let mut c = conditional(7);
    assert_eq!(
        drive(&mut c, [false, false, true, false, false]),
        [Yielded(7), Yielded(8), Yielded(1), Yielded(1), Yielded(2)]
    );
}

#[coro::coroutine]
fn captured() -> impl Coroutine<Yield = u64, Return = ()> {
    let mut x: u64 = 40;
    yield_!(0);
    let next = (|| x + 2)();
    x = next;
    yield_!(x);
}

#[test]
fn a_closure_that_captures_the_local_reads_it() {
    // `x` is read by the closure before it is overwritten: saved (observed 16).
    assert!(size_of_val(&captured()) >= 16);
    assert_eq!(
        drive(&mut captured(), [(), (), ()]),
        [Yielded(0), Yielded(42), Complete(())]
    );
}

// ---------------------------------------------------------------------------------------
// Kills in other places.

#[coro::coroutine]
fn restarted(mut n: u64) -> impl Iterator<Item = u64> {
    let pair: [u64; 2] = [n, n + 1];
    yield_!(pair[0]);
    n = 100;
    yield_!(n + pair[1]);
    n = 200;
    yield_!(n);
}

#[test]
fn an_argument_overwritten_after_a_yield_is_not_saved() {
    // The first yield saves `pair` and not `n`: 16 bytes and the tag (observed 24; 32
    // with `n`).
    let r = restarted(1);
    assert!(size_of_val(&r) <= 24, "{}", size_of_val(&r));
    assert_eq!(restarted(1).collect::<Vec<_>>(), [1, 102, 200]);
}

#[coro::coroutine]
fn per_iteration(limit: u32) -> impl Iterator<Item = u32> {
    let mut square: u32 = 0;
    let mut i = 0u32;
    loop {
        square = i * i;
        if square > limit {
            break;
        }
        yield_!(square);
        i += 1;
    }
}

#[test]
fn a_loop_that_first_overwrites_a_local_does_not_carry_it_around() {
    assert_eq!(per_iteration(20).collect::<Vec<_>>(), [0, 1, 4, 9, 16]);
    // `square` is read after the yield by nothing: only `limit`, `i` and the tag.
    assert!(size_of_val(&per_iteration(20)) <= 12);
}

#[coro::coroutine]
fn joined(flag: bool) -> impl Coroutine<Yield = u64, Return = u64> {
    let mut x: u64 = 7;
    yield_!(x);
    x = if flag {
        yield_!(1);
        10
    } else {
        20
    };
    x + 1
}

#[test]
fn an_assignment_after_a_yielding_branch_kills_at_the_join() {
    assert_eq!(
        drive(&mut joined(true), [(), (), ()]),
        [Yielded(7), Yielded(1), Complete(11)]
    );
    assert_eq!(
        drive(&mut joined(false), [(), ()]),
        [Yielded(7), Complete(21)]
    );
    // `x` is not saved at either yield: the argument and the tag (observed 2).
    assert!(size_of_val(&joined(true)) <= 8);
}

// ---------------------------------------------------------------------------------------
// The new binding keeps the local's type.

#[coro::coroutine]
fn wraps() -> impl Iterator<Item = u32> {
    let mut x: u8 = 1;
    yield_!(x as u32);
    // As a `u8`, `200 + 100` wraps; a fresh `let` would have made it an `i32`.
    x = 200;
    x = x.wrapping_add(100);
    yield_!(x as u32);
}

static ABC: [u8; 3] = *b"abc";
static LONGER: [u8; 5] = *b"hello";

#[coro::coroutine]
fn slices() -> impl Iterator<Item = usize> {
    let mut s: &[u8] = &[];
    yield_!(s.len());
    // `&[u8; 3]` coerces to the local's `&[u8]`, so the second assignment type-checks.
    s = &ABC;
    yield_!(s.len());
    s = &LONGER;
    yield_!(s.len());
}

#[coro::coroutine]
fn raw_name() -> impl Iterator<Item = u32> {
    let mut r#match = 1u32;
    yield_!(r#match);
    r#match = 2;
    yield_!(r#match);
}

#[test]
fn the_reassigned_local_keeps_its_declared_type() {
    assert_eq!(wraps().collect::<Vec<_>>(), [1, 44]);
    assert_eq!(slices().collect::<Vec<_>>(), [0, 3, 5]);
    assert_eq!(raw_name().collect::<Vec<_>>(), [1, 2]);
}

// ---------------------------------------------------------------------------------------
// A local that may have a destructor is not killed: the assignment drops its old value.

#[coro::coroutine]
fn replaced(drops: DropCounter) -> impl Coroutine<Yield = i32, Return = i32> {
    let mut c = drops.make(1);
    yield_!(c.value);
    c = drops.make(2);
    yield_!(c.value);
    c.value * 10
}

#[test]
fn an_overwritten_value_with_a_destructor_is_dropped_at_the_assignment() {
    let drops = DropCounter::new();
    let mut r = replaced(drops.clone());
    assert_eq!(r.resume(()), Yielded(1));
    // Suspended before the assignment: the first value is saved, not dropped.
    assert_eq!(drops.get(), 0);
    assert_eq!(r.resume(()), Yielded(2));
    // The assignment dropped it, once.
    assert_eq!(drops.get(), 1);
    assert_eq!(r.resume(()), Complete(20));
    assert_eq!(drops.get(), 2);
    drop(r);
    assert_eq!(drops.get(), 2);

    // Dropped while suspended before the assignment: the first value, exactly once.
    let drops = DropCounter::new();
    let mut r = replaced(drops.clone());
    assert_eq!(r.resume(()), Yielded(1));
    drop(r);
    assert_eq!(drops.get(), 1);
}

#[coro::coroutine]
fn renamed() -> impl Iterator<Item = usize> {
    let mut s = String::from("first");
    yield_!(0);
    s = String::from("second!");
    yield_!(s.len());
}

#[test]
fn an_overwritten_string_is_still_saved() {
    // The `String` is saved at the first yield, until the assignment drops it.
    assert!(size_of_val(&renamed()) >= size_of::<String>());
    assert_eq!(renamed().collect::<Vec<_>>(), [0, 7]);
}

// ---------------------------------------------------------------------------------------
// A local moved out by `yield_!(x)` and then overwritten: the old value is gone, so the
// assignment has nothing to drop and no suspension before it saves the local, whatever its
// type. (Before, this failed to compile for a type that is not `Copy`: the local was saved
// after being moved.)

/// The W5 tokenizer's shape: the output is handed out by the yield at the top of the loop
/// and set again after a match whose arms yield.
#[coro::coroutine]
fn framed(log: Log) -> impl Coroutine<u8, Yield = Option<Guard>, Return = ()> {
    let mut out = None;
    let mut frames = 0u32;
    loop {
        let b: u8 = yield_!(out);
        out = match b {
            b'[' => {
                let mut len = 0u32;
                loop {
                    let c: u8 = yield_!(None);
                    if c == b']' {
                        break;
                    }
                    len += 1;
                }
                frames += 1;
                Some(log.guard(&format!("frame{frames}:{len}")))
            }
            _ => None,
        };
    }
}

#[test]
fn an_output_handed_out_by_a_yield_is_not_saved() {
    let log = Log::new();
    let f = framed(log.clone());
    // Saved at the inner yields: `log`, `frames`, `len` (observed 24 bytes). A saved
    // `Option<Guard>` alone would be 32.
    assert!(
        size_of_val(&f) < size_of::<Option<Guard>>(),
        "{}",
        size_of_val(&f)
    );
    let mut f = f;
    let mut frames = Vec::new();
    for &b in b"x[ab]y[c]" {
        let Yielded(out) = f.resume(b) else {
            panic!("completed")
        };
        frames.extend(out);
        // Each frame is handed out, and only the test drops it.
        assert_eq!(log.take(), Vec::<String>::new());
    }
    let names: Vec<&str> = frames.iter().map(Guard::name).collect();
    assert_eq!(names, ["frame1:2", "frame2:1"]);
    drop(frames);
    assert_eq!(log.take(), ["drop frame1:2", "drop frame2:1"]);
    drop(f);
    assert_eq!(log.take(), Vec::<String>::new());
}

/// A server loop: the reply is handed out, the command comes back, the next reply is
/// made from it. `session` and `cmd` are declared after `reply`, so `reply` must still
/// drop after them when all three go out of scope together (at the `return`).
#[coro::coroutine]
fn echo(log: Log) -> impl Coroutine<Guard, Yield = Guard, Return = ()> {
    let mut reply = log.guard("hello");
    let session = log.guard("session");
    loop {
        let cmd = yield_!(reply);
        reply = log.guard(&format!("re:{}", cmd.name()));
        if cmd.name() == "quit" {
            log.push("return");
            return;
        }
    }
}

#[test]
fn a_reply_set_again_keeps_its_drop_order() {
    let log = Log::new();
    let e = echo(log.clone());
    // `log` and `session` are saved, the reply is always handed out (observed 48 bytes).
    assert!(
        size_of_val(&e) < 2 * size_of::<Guard>(),
        "{}",
        size_of_val(&e)
    );
    let mut e = e;
    let Some(Yielded(hello)) = e.start() else {
        panic!("completed")
    };
    assert_eq!(hello.name(), "hello");
    drop(hello);
    let Yielded(reply) = e.resume(log.guard("a")) else {
        panic!("completed")
    };
    assert_eq!(reply.name(), "re:a");
    drop(reply);
    assert_eq!(log.take(), ["drop hello", "drop a", "drop re:a"]);
    assert!(matches!(e.resume(log.guard("quit")), Complete(())));
    // Reverse declaration order, as Rust drops them: `cmd`, `session`, then `reply`.
    assert_eq!(
        log.take(),
        ["return", "drop quit", "drop session", "drop re:quit"]
    );
}
