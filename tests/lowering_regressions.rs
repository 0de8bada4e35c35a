//! Regression tests for lowering bugs that once stopped these bodies from compiling: a
//! body ending in a diverging statement, a `move` closure capturing through a format
//! argument, and items declared in the body and used after a suspension.

mod lowering_common;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};
use lowering_common::{Log, drive, run};

// ---------------------------------------------------------------------------------------
// A body that ends with a diverging statement (`return ..;`, `panic!(..);`) after a
// suspension: the macro appends `Complete(())` for the missing tail value, which does not
// type-check when `Return` is not `()`: error[E0308] "expected `i32`, found `()`" at the
// attribute.

#[coro::coroutine]
fn return_statement_last() -> impl Coroutine<Yield = (), Return = i32> {
    yield_!();
    return 5;
}

#[coro::coroutine]
fn return_yield_statement_last() -> impl Coroutine<i32, Yield = (), Return = i32> {
    return yield_!();
}

#[coro::coroutine]
fn panic_statement_last(fail: bool) -> impl Coroutine<Yield = (), Return = i32> {
    yield_!();
    if !fail {
        return 1;
    }
    panic!("failed");
}

#[test]
fn return_with_semicolon_as_last_statement() {
    assert_eq!(run(return_statement_last()), [Yielded(()), Complete(5)]);
    let mut c = return_yield_statement_last();
    assert_eq!(drive(&mut c, [0, 7]), [Yielded(()), Complete(7)]);
    assert_eq!(run(panic_statement_last(false)), [Yielded(()), Complete(1)]);
}

// ---------------------------------------------------------------------------------------
// A `move` closure that captures a local through a non-moving mention (a format argument,
// `&s`, `s == ..`): the macro does not see the capture as a move, keeps the local in the
// suspend state and gets error[E0382] "use of moved value: `greeting`".

#[coro::coroutine]
fn move_closure_captures(log: Log) -> impl Coroutine<Yield = String, Return = usize> {
    let greeting = String::from("hello");
    let greet = move |who: &str| format!("{greeting}, {who}");
    let name = String::from("x");
    let is_x = move || name == "x";
    let v = vec![1, 2, 3];
    let len = move || (&v).len();
    yield_!(greet("a"));
    log.push(format!("is_x {}", is_x()));
    yield_!(greet("b"));
    len()
}

#[test]
fn move_closure_capturing_through_a_format_argument() {
    let log = Log::new();
    assert_eq!(
        run(move_closure_captures(log.clone())),
        [
            Yielded("hello, a".to_string()),
            Yielded("hello, b".to_string()),
            Complete(3)
        ]
    );
    assert_eq!(log.take(), ["is_x true".to_string()]);
}

// ---------------------------------------------------------------------------------------
// Items declared in the body (const, static, fn, struct, use) are only in scope in the
// basic block that declares them: naming one after a suspension fails with
// error[E0425] "cannot find value `K` in this scope" (same for `helper`, `Wrapper`,
// `BASE`, and `Mul` is not in scope for `.mul`).

#[coro::coroutine]
fn items_in_body() -> impl Iterator<Item = i64> {
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
    yield_!(0);
    yield_!(helper(2));
    yield_!(Wrapper(1).get());
    yield_!(K);
    yield_!(BASE);
    yield_!(2i64.mul(5));
}

#[test]
fn items_declared_in_the_body() {
    assert_eq!(items_in_body().collect::<Vec<_>>(), [0, 6, 101, 3, 100, 10]);
}

// ---------------------------------------------------------------------------------------
// Spurious warning: a parenthesised callee before a yielding argument is spilled to a
// temporary as `let tmp = (..);`, and rustc warns "unnecessary parentheses around
// assigned value" (unused_parens) on the user's code. Denied here so it fails the build.

fn pick(first: bool) -> fn(i32) -> i32 {
    if first { |a| a + 1000 } else { |a| a + 2000 }
}

#[coro::coroutine]
#[deny(unused_parens)]
fn parenthesised_callee(flag: bool) -> impl Coroutine<i32, Yield = (), Return = i32> {
    (if flag { pick(true) } else { pick(false) })(yield_!())
}

#[test]
fn parenthesised_callee_with_a_yielding_argument_compiles_without_warnings() {
    let mut c = parenthesised_callee(true);
    assert_eq!(drive(&mut c, [0, 5]), [Yielded(()), Complete(1005)]);
}

// ---------------------------------------------------------------------------------------
// A let chain on a borrow whose bindings are dead before a later yield: the bindings are
// references, so they must not be kept across the yield (which would hold a borrow of
// `event` in the suspended state, E0505/E0597). rustc's own coroutines accept this.

#[coro::coroutine]
fn let_chain_on_a_borrow() -> impl Coroutine<Option<String>, Yield = usize, Return = usize> {
    let mut seen = 0;
    loop {
        let event: Option<String> = yield_!(seen);
        // Only non-moving mentions of `name` (a comparison, a format argument): without
        // the borrow rule it would be kept, as a possible destructor, across the yield.
        if let Some(name) = &event
            && name == "bus"
        {
            seen += format!("{name}").len();
            yield_!(seen);
        }
        if event.is_none() {
            return seen;
        }
    }
}

#[test]
fn a_dead_borrow_from_a_let_chain_is_not_kept_across_a_yield() {
    let mut co = let_chain_on_a_borrow();
    assert_eq!(co.resume(None), Yielded(0));
    assert_eq!(co.resume(Some("bus".into())), Yielded(3));
    assert_eq!(co.resume(None), Yielded(3));
    assert_eq!(co.resume(Some("car".into())), Yielded(3));
    assert_eq!(co.resume(None), Complete(3));
}
