//! `Send` and `Clone` follow what a coroutine keeps across its yields, checked at compile
//! time: each function below only compiles if its bound holds.

use std::rc::Rc;

use coro::yield_;

fn assert_send<T: Send>(_: &T) {}
fn assert_clone<T: Clone>(_: &T) {}

/// An `Rc` dropped before the yield is not kept, so the generator is still `Send`.
#[coro::coroutine]
fn rc_dropped_before_the_yield(n: u32) -> impl Iterator<Item = u32> + Send {
    let shared = Rc::new(n);
    let copy = *shared;
    drop(shared);
    yield_!(copy);
}

/// A `String` and a `Vec` kept across yields: `Send` and `Clone`.
#[coro::coroutine]
fn owned_locals(words: Vec<String>) -> impl Iterator<Item = String> + Send + Clone {
    let mut seen = String::new();
    for i in 0..words.len() {
        seen.push_str(&words[i]);
        yield_!(seen.clone());
    }
}

#[test]
fn send_and_clone_follow_the_saved_locals() {
    let a = rc_dropped_before_the_yield(7);
    assert_send(&a);
    assert_eq!(
        std::thread::spawn(move || a.collect::<Vec<_>>())
            .join()
            .unwrap(),
        [7]
    );

    let mut g = owned_locals(vec!["a".into(), "b".into(), "c".into()]);
    assert_send(&g);
    assert_clone(&g);
    assert_eq!(g.next().as_deref(), Some("a"));
    let fork = g.clone();
    assert_eq!(g.collect::<Vec<_>>(), ["ab", "abc"]);
    assert_eq!(fork.collect::<Vec<_>>(), ["ab", "abc"]);
}
