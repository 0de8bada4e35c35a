//! Bodies close to the mistakes the macro now reports with its own message (a sent value
//! bound to an annotated `let`, a bare `yield_!()`): each must still compile and mean what
//! rustc makes of it, so a check that is stricter than rustc fails here.

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_};

type Bytes = Vec<u8>;

/// The annotation names the sent type another way (an alias, inference in it, a path):
/// the types are equal, so the `let` compiles as in rustc.
#[coro::coroutine]
fn same_type_other_spelling() -> impl Coroutine<Bytes, Yield = usize, Return = u64> {
    let a: Vec<u8> = yield_!(0);
    let b: Vec<_> = yield_!(a.len());
    let c: ::std::vec::Vec<u8> = yield_!(b.len());
    (a.len() + b.len() + c.len()) as u64
}

/// Annotations a sent value coerces to, as it would at a native `yield`: a reference to
/// an array to a slice, `&String` to `&str`, `&mut` to `&`, a `Box` to a `Box<dyn ..>`.
#[coro::coroutine]
fn coercions() -> impl Coroutine<&'static [u8; 3], Yield = (), Return = usize> {
    let s: &[u8] = yield_!();
    s.len()
}

#[coro::coroutine]
fn deref_coercion() -> impl Coroutine<&'static String, Yield = (), Return = usize> {
    let s: &str = yield_!();
    s.len()
}

#[coro::coroutine]
fn unsize_box() -> impl Coroutine<Box<u8>, Yield = (), Return = String> {
    let b: Box<dyn std::fmt::Debug> = yield_!();
    format!("{b:?}")
}

/// A bare `yield_!()` where `Yield` is `()`, spelled out or an alias of it.
type Unit = ();

#[coro::coroutine]
fn unit_alias() -> impl Coroutine<Yield = Unit, Return = u8> {
    yield_!();
    yield_!(());
    3
}

#[coro::coroutine]
fn unit_items() -> impl Iterator<Item = ()> {
    yield_!();
}

static WORD: String = String::new();

#[test]
fn stricter_than_rustc_nowhere() {
    let mut c = same_type_other_spelling();
    assert_eq!(c.resume(vec![]), Yielded(0));
    assert_eq!(c.resume(vec![1, 2]), Yielded(2));
    assert_eq!(c.resume(vec![1]), Yielded(1));
    assert_eq!(c.resume(vec![1, 2, 3]), Complete(6));

    let mut c = coercions();
    assert_eq!(c.resume(&[0; 3]), Yielded(()));
    assert_eq!(c.resume(&[1, 2, 3]), Complete(3));

    let mut c = deref_coercion();
    assert_eq!(c.resume(&WORD), Yielded(()));
    assert_eq!(c.resume(&WORD), Complete(0));

    let mut c = unsize_box();
    assert_eq!(c.resume(Box::new(0)), Yielded(()));
    assert_eq!(c.resume(Box::new(7)), Complete("7".to_string()));

    let mut c = unit_alias();
    assert_eq!(c.resume(()), Yielded(()));
    assert_eq!(c.resume(()), Yielded(()));
    assert_eq!(c.resume(()), Complete(3));
    assert_eq!(unit_items().count(), 1);
}

/// The boxed forms the recursion error shows compile and recurse: a generator through
/// `coro::boxed_iter`, a coroutine through `Box<dyn coro::DynCoroutine<..>>`.
#[coro::coroutine]
fn countdown_boxed(n: u32) -> impl Iterator<Item = u32> {
    if n > 0 {
        yield_!(n);
        coro::yield_from!(coro::boxed_iter(countdown_boxed(n - 1)));
    }
}

#[coro::coroutine]
fn depth_boxed(n: u32) -> impl Coroutine<i32, Yield = u32, Return = i32> {
    let got = yield_!(n);
    if n == 0 {
        return got;
    }
    let sub: Box<dyn coro::DynCoroutine<i32, Yield = u32, Return = i32>> =
        Box::new(depth_boxed(n - 1));
    got + coro::yield_from!(sub)
}

#[test]
fn recursion_through_a_box() {
    assert_eq!(countdown_boxed(3).collect::<Vec<_>>(), [3, 2, 1]);
    let mut d = depth_boxed(1);
    assert_eq!(d.start(), Some(Yielded(1)));
    assert_eq!(d.resume(10), Yielded(0));
    assert_eq!(d.resume(5), Complete(15));
}
