//! `#[coro::coroutine(static)]` speaks the whole protocol of the default flavour: an
//! iterator when nothing is sent, `start`/`send`/`throw`/`close`/`status`, `primed`,
//! `yield_from!` in both directions between the flavours (throw and close passing
//! through), and scheduler tasks. Drop traces against rustc are in fidelity_static.rs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use coro::prelude::*;
use coro::{yield_, yield_from};

type Log = Rc<RefCell<Vec<String>>>;

struct Guard(&'static str, Log);
impl Drop for Guard {
    fn drop(&mut self) {
        self.1.borrow_mut().push(format!("drop {}", self.0));
    }
}

/// The first example: a generator over the words of a file it reads itself.
#[coro::coroutine(static)]
fn tokens(path: &str) -> impl Iterator<Item = String> + '_ {
    let text = std::fs::read_to_string(path).unwrap();
    for word in text.split_whitespace() {
        yield_!(word.to_string());
    }
}

#[test]
fn a_generator_over_the_words_of_a_file_it_owns() {
    let path = std::env::temp_dir().join(format!("coro-static-{}.txt", std::process::id()));
    std::fs::write(&path, "to be  or\nnot to be").unwrap();
    let words: Vec<String> = tokens(path.to_str().unwrap()).collect();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(words, ["to", "be", "or", "not", "to", "be"]);
}

#[coro::coroutine(static)]
fn map_entries() -> impl Iterator<Item = (String, u32)> {
    let mut m = HashMap::new();
    m.insert("a".to_string(), 1);
    m.insert("b".to_string(), 2);
    m.insert("c".to_string(), 3);
    for (k, v) in m.iter() {
        yield_!((k.clone(), *v));
    }
    for k in m.keys() {
        yield_!((k.to_uppercase(), 0));
    }
}

#[test]
fn iter_and_keys_of_a_local_hash_map() {
    let mut got: Vec<_> = map_entries().collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("A".into(), 0),
            ("B".into(), 0),
            ("C".into(), 0),
            ("a".into(), 1),
            ("b".into(), 2),
            ("c".into(), 3)
        ]
    );
}

#[test]
fn a_generator_is_a_fused_iterator_that_moves_freely() {
    #[coro::coroutine(static)]
    fn chars_of(s: String) -> impl Iterator<Item = char> {
        let owned = s;
        for c in owned.chars() {
            yield_!(c);
        }
    }
    let mut g = chars_of("ab".into());
    assert_eq!(g.next(), Some('a'));
    // The body lives in its own allocation: moving the coroutine moves a pointer.
    let mut moved = Box::new(g);
    assert_eq!(moved.next(), Some('b'));
    let mut back = *moved;
    assert_eq!(back.next(), None);
    assert_eq!(back.next(), None);
    assert_eq!(back.status(), Status::Complete);
}

#[coro::coroutine(static)]
fn running_total(log: Log) -> impl Coroutine<Result<u32, String>, Yield = u32, Return = u32> {
    let _g = Guard("total", log.clone());
    let mut seen = Vec::new();
    loop {
        let sum: u32 = seen.iter().sum();
        match yield_!(sum) {
            Ok(0) => return sum,
            Ok(n) => seen.push(n),
            Err(e) => log.borrow_mut().push(format!("caught {e}")),
        }
    }
}

#[test]
fn start_send_throw_and_status() {
    let log = Log::default();
    let mut t = running_total(log.clone());
    assert_eq!(t.status(), Status::Created);
    assert_eq!(t.start(), Some(CoroutineState::Yielded(0)));
    assert_eq!(t.status(), Status::Suspended);
    assert_eq!(t.send(5), CoroutineState::Yielded(5));
    assert_eq!(t.throw("bad".into()), Ok(CoroutineState::Yielded(5)));
    assert_eq!(t.send(2), CoroutineState::Yielded(7));
    assert_eq!(t.send(0), CoroutineState::Complete(7));
    assert_eq!(t.status(), Status::Complete);
    assert_eq!(*log.borrow(), ["caught bad", "drop total"]);
    assert_eq!(
        format!("{t:?}"),
        "running_total { status: complete, static }"
    );
}

#[test]
fn close_drops_the_locals_once() {
    let log = Log::default();
    let mut t = running_total(log.clone());
    t.start();
    t.send(1);
    assert_eq!(
        format!("{t:?}"),
        "running_total { status: suspended, static }"
    );
    t.close();
    assert_eq!(t.status(), Status::Complete);
    assert_eq!(*log.borrow(), ["drop total"]);
    t.close();
    drop(t);
    assert_eq!(*log.borrow(), ["drop total"]);
}

#[test]
#[should_panic(expected = "running_total: resumed after completion")]
fn resuming_a_closed_coroutine_panics_with_its_name() {
    let mut t = running_total(Log::default());
    t.close();
    t.send(1);
}

#[test]
fn a_panic_leaves_it_complete() {
    #[coro::coroutine(static)]
    fn fragile() -> impl Coroutine<Yield = u32, Return = ()> + Iterator<Item = u32> {
        let v = vec![1, 2];
        for x in &v {
            if *x == 2 {
                panic!("two");
            }
            yield_!(*x);
        }
    }
    let mut f = fragile();
    assert_eq!(f.next(), Some(1));
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.next()));
    assert!(caught.is_err());
    assert_eq!(f.status(), Status::Poisoned);
    assert_eq!(format!("{f:?}"), "fragile { status: poisoned, static }");
    assert_eq!(f.next(), None);
    let again = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f.resume(())));
    let msg = again.unwrap_err();
    assert_eq!(
        msg.downcast_ref::<String>().unwrap(),
        "fragile: resumed after its body panicked"
    );
}

#[coro::coroutine(static, primed)]
fn primed_echo() -> impl Coroutine<String, Yield = String, Return = ()> {
    let mut heard = Vec::new();
    loop {
        let line = yield_!(heard.join(" "));
        heard.push(line);
    }
}

#[test]
fn static_and_primed_together() {
    let mut e = primed_echo();
    assert_eq!(e.status(), Status::Suspended);
    assert_eq!(e.send("a".to_string()), CoroutineState::Yielded("a".into()));
    assert_eq!(
        e.send("b".to_string()),
        CoroutineState::Yielded("a b".into())
    );
}

// ---- yield_from! between the flavours ---------------------------------------------------

#[coro::coroutine]
fn default_sub(log: Log) -> impl Coroutine<Result<u32, String>, Yield = u32, Return = u32> {
    let _g = Guard("default sub", log.clone());
    let mut total = 0;
    loop {
        match yield_!(total) {
            Ok(0) => return total,
            Ok(n) => total += n,
            Err(e) => log.borrow_mut().push(format!("default sub caught {e}")),
        }
    }
}

#[coro::coroutine(static)]
fn static_outer(log: Log) -> impl Coroutine<Result<u32, String>, Yield = u32, Return = String> {
    let _g = Guard("static outer", log.clone());
    let names = ["first", "second"];
    let mut out = String::new();
    for name in &names {
        let got = yield_from!(default_sub(log.clone()));
        out.push_str(&format!("{name}={got} "));
    }
    let third = yield_from!(running_total(log.clone()));
    out.push_str(&format!("third={third}"));
    out
}

#[test]
fn a_static_coroutine_delegates_to_a_default_one_and_back() {
    let log = Log::default();
    let mut c = static_outer(log.clone());
    assert_eq!(c.start(), Some(CoroutineState::Yielded(0)));
    assert_eq!(c.send(4), CoroutineState::Yielded(4));
    assert_eq!(c.throw("x".into()), Ok(CoroutineState::Yielded(4)));
    assert_eq!(c.send(0), CoroutineState::Yielded(0)); // second sub starts
    assert_eq!(c.send(1), CoroutineState::Yielded(1));
    assert_eq!(c.send(0), CoroutineState::Yielded(0)); // running_total starts
    assert_eq!(c.send(9), CoroutineState::Yielded(9));
    assert_eq!(
        c.send(0),
        CoroutineState::Complete("first=4 second=1 third=9".into())
    );
    assert_eq!(
        *log.borrow(),
        [
            "default sub caught x",
            "drop default sub",
            "drop default sub",
            "drop total",
            "drop static outer"
        ]
    );
}

#[coro::coroutine]
fn default_outer(log: Log) -> impl Coroutine<Result<u32, String>, Yield = u32, Return = u32> {
    let _g = Guard("default outer", log.clone());
    let inner = yield_from!(running_total(log.clone()));
    inner * 10
}

#[test]
fn a_default_coroutine_delegates_to_a_static_one_and_close_passes_through() {
    let log = Log::default();
    let mut c = default_outer(log.clone());
    c.start();
    assert_eq!(c.throw("y".into()), Ok(CoroutineState::Yielded(0)));
    assert_eq!(c.send(3), CoroutineState::Yielded(3));
    c.close();
    assert_eq!(
        *log.borrow(),
        ["caught y", "drop total", "drop default outer"]
    );

    let log = Log::default();
    let mut c = default_outer(log.clone());
    c.start();
    c.send(2);
    assert_eq!(c.send(0), CoroutineState::Complete(20));
    assert_eq!(*log.borrow(), ["drop total", "drop default outer"]);
}

#[test]
fn a_static_coroutine_delegates_to_an_iterator() {
    #[coro::coroutine(static)]
    fn flatten(rows: Vec<Vec<u8>>) -> impl Iterator<Item = u8> {
        let rows = rows;
        for row in &rows {
            yield_from!(row.iter().copied());
        }
    }
    assert_eq!(
        flatten(vec![vec![1, 2], vec![], vec![3]]).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

// ---- scheduler --------------------------------------------------------------------------

#[test]
fn a_static_coroutine_runs_as_a_scheduler_task() {
    use coro::scheduler::{Reply, Scheduler, Syscall, yield_now};

    #[coro::coroutine(static)]
    fn worker(
        name: &'static str,
        log: Log,
    ) -> impl Coroutine<Reply, Yield = Syscall, Return = usize> {
        let steps = vec![format!("{name} 1"), format!("{name} 2")];
        for step in &steps {
            log.borrow_mut().push(step.clone());
            yield_from!(yield_now());
        }
        steps.len()
    }

    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let a = sched.spawn(worker("A", log.clone()));
    let b = sched.spawn(worker("B", log.clone()));
    sched.run().unwrap();
    assert_eq!(*log.borrow(), ["A 1", "B 1", "A 2", "B 2"]);
    assert_eq!(sched.take_result(a), Ok(2));
    assert_eq!(sched.take_result(b), Ok(2));
}

#[test]
fn send_follows_the_body() {
    fn assert_send<T: Send>(_: &T) {}
    #[coro::coroutine(static)]
    fn sendable() -> impl Iterator<Item = usize> + Send {
        let v = vec![1, 2, 3];
        for x in &v {
            yield_!(*x);
        }
    }
    let s = sendable();
    assert_send(&s);
    assert_eq!(
        std::thread::spawn(move || s.sum::<usize>()).join().unwrap(),
        6
    );
}

#[test]
fn a_static_coroutine_is_three_words() {
    // The body is behind a pointer; beside it, the coroutine's id and where it is.
    assert_eq!(
        std::mem::size_of_val(&tokens("unused")),
        3 * std::mem::size_of::<usize>()
    );
}

#[test]
fn cfg_in_a_static_body_is_rustcs() {
    #[coro::coroutine(static)]
    fn configured() -> impl Iterator<Item = u32> {
        let v = vec![1, 2];
        for x in &v {
            yield_!(*x);
            #[cfg(any())]
            yield_!(100);
        }
        #[cfg(test)]
        yield_!(3);
        #[cfg(any())]
        let missing = yield_!(4);
    }
    assert_eq!(configured().collect::<Vec<_>>(), [1, 2, 3]);
}

// ---- a static coroutine delegating to a static coroutine (polled in place) -------------

#[coro::coroutine(static)]
fn static_sub_of_static(
    log: Log,
) -> impl Coroutine<Result<u32, String>, Yield = u32, Return = u32> {
    let _g = Guard("outer", log.clone());
    let names = vec!["a".to_string()];
    let mut got = 0;
    for _ in &names {
        got += yield_from!(running_total(log.clone()));
    }
    got
}

#[test]
fn throw_and_close_reach_a_static_sub_polled_in_place() {
    let log = Log::default();
    let mut c = static_sub_of_static(log.clone());
    assert_eq!(c.start(), Some(CoroutineState::Yielded(0)));
    assert_eq!(c.send(5), CoroutineState::Yielded(5));
    assert_eq!(c.throw("x".into()), Ok(CoroutineState::Yielded(5)));
    c.close();
    assert_eq!(*log.borrow(), ["caught x", "drop total", "drop outer"]);

    let log = Log::default();
    let mut c = static_sub_of_static(log.clone());
    c.start();
    c.send(2);
    assert_eq!(c.send(0), CoroutineState::Complete(2));
    assert_eq!(*log.borrow(), ["drop total", "drop outer"]);
}

#[coro::coroutine(static)]
fn counter_from(n: u32) -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut total = n;
    loop {
        let got = yield_!(total);
        if got == 0 {
            return total;
        }
        total += got;
    }
}

#[coro::coroutine(static)]
fn delegate_to_started(sub_start: u32) -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let mut sub = counter_from(sub_start);
    let _ = sub.start(); // started here: yield_from! resumes it with u32::default()
    yield_from!(sub) * 10
}

#[test]
fn a_started_static_sub_is_resumed_with_the_default_value() {
    let mut c = delegate_to_started(7);
    // The sub, already at its first yield, is resumed with 0 and returns at once.
    assert_eq!(c.start(), Some(CoroutineState::Complete(70)));
}

#[coro::coroutine(static)]
fn returns_at_once() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    7
}

#[coro::coroutine(static)]
fn one_then_return(x: u32) -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let s: u32 = yield_!(x);
    s * 10
}

#[coro::coroutine(static)]
fn airlock_protocol() -> impl Coroutine<u32, Yield = u32, Return = u32> {
    let a: u32 = yield_!(1);
    // Completes in the poll that resumed `a`'s point: the next point finds no value.
    let r = yield_from!(returns_at_once());
    let b: u32 = yield_!(a + r);
    // Resumed through the `yield_from!`, whose sub returns; the next point is reached
    // in the same poll, after the sub took the value.
    let c = yield_from!(one_then_return(b));
    let d: u32 = yield_!(c);
    d
}

/// A yield point tells its two polls apart by the airlock (the value a resume put there
/// is taken by the point it resumes): points reached in the same poll as a returning
/// `yield_from!` hand their value out rather than take the resume's.
#[test]
fn points_reached_after_a_returning_yield_from_hand_out() {
    let mut c = airlock_protocol();
    assert_eq!(c.start(), Some(CoroutineState::Yielded(1)));
    assert_eq!(c.resume(10), CoroutineState::Yielded(17));
    assert_eq!(c.resume(20), CoroutineState::Yielded(20));
    assert_eq!(c.resume(3), CoroutineState::Yielded(30));
    assert_eq!(c.resume(5), CoroutineState::Complete(5));
}

#[coro::coroutine(static)]
fn doubler() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut x: u32 = yield_!(0);
    loop {
        x = yield_!(x * 2);
    }
}

#[coro::coroutine(static)]
fn drives_another() -> impl Coroutine<u32, Yield = u32, Return = ()> {
    let mut inner = doubler();
    let _ = inner.start();
    let mut sent: u32 = yield_!(100);
    for _ in 0..3 {
        // The inner coroutine's resume, with its own airlock, inside this one's poll.
        let doubled = inner.resume(sent).yielded().unwrap();
        sent = yield_!(doubled);
    }
}

/// A static coroutine resumed inside another's body: each poll sees its own airlock.
#[test]
fn a_static_coroutine_driven_inside_another() {
    let mut c = drives_another();
    assert_eq!(c.start(), Some(CoroutineState::Yielded(100)));
    assert_eq!(c.resume(1), CoroutineState::Yielded(2));
    assert_eq!(c.resume(5), CoroutineState::Yielded(10));
    assert_eq!(c.resume(7), CoroutineState::Yielded(14));
    assert_eq!(c.resume(9), CoroutineState::Complete(()));
}
