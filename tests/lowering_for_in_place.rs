//! `for p in e { yield_!(v) }`: when the loop's one statement is a yield, coro advances
//! the iterator where it lies in the state and yields again (docs/LOWERING.md, "A `for`
//! whose body only yields"). That fast path is typed before the code that fixes the
//! iterator's type, so it is taken only for patterns and operands that type-check there;
//! every shape here must compile and run alike whether it is taken or not. Drop, panic and
//! run-out orders are checked against rustc in tests/fidelity_silent.rs.

use coro::{Coroutine, yield_};

#[coro::coroutine]
fn a(v: Vec<i32>) -> impl Iterator<Item = u64> {
    for x in v {
        yield_!(x as u64)
    }
}
#[coro::coroutine]
fn b(v: Vec<(i32, i32)>) -> impl Iterator<Item = i32> {
    for (x, y) in v {
        yield_!(x + y)
    }
}
#[coro::coroutine]
fn c(v: Vec<i32>) -> impl Iterator<Item = (i32, i32)> {
    for x in v {
        yield_!((x, -x))
    }
}
#[coro::coroutine]
fn d(v: &[i32]) -> impl Iterator<Item = i32> + '_ {
    for &x in v {
        yield_!(x)
    }
}
#[coro::coroutine]
fn e(v: Vec<String>) -> impl Iterator<Item = String> {
    for s in v {
        yield_!(s)
    }
}
#[coro::coroutine]
fn f(v: Vec<i32>) -> impl Iterator<Item = Option<i32>> {
    for x in v {
        yield_!(Some(x))
    }
}
#[coro::coroutine]
fn g(v: Vec<i32>) -> impl Iterator<Item = i32> {
    for x in v.into_iter().rev() {
        yield_!(x.abs())
    }
}
#[coro::coroutine]
fn h(v: Vec<[i32; 2]>) -> impl Iterator<Item = i32> {
    for [x, _] in v {
        yield_!(x * 2)
    }
}
#[coro::coroutine]
fn i(m: u64) -> impl Coroutine<String, Yield = u64, Return = ()> {
    for i in 1..=m {
        yield_!(i);
    }
}
#[coro::coroutine]
fn j(m: u64) -> impl Iterator<Item = u64> {
    let k = 3;
    for i in 0..m {
        yield_!(i * k)
    }
}
#[coro::coroutine]
fn k(v: Vec<i32>) -> impl Iterator<Item = i32> {
    for x in v {
        yield_!(x.pow(2))
    }
}
#[coro::coroutine]
fn m(v: Vec<Vec<i32>>) -> impl Iterator<Item = usize> {
    for (n, x) in v.into_iter().enumerate() {
        yield_!(n + x.len())
    }
}
#[coro::coroutine]
fn l(v: Vec<(i32, i32)>) -> impl Iterator<Item = i32> {
    for p in v {
        yield_!(p.0)
    }
}
#[test]
fn lone_yield_bodies_of_every_shape() {
    assert_eq!(a(vec![1, 2]).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(b(vec![(1, 2)]).collect::<Vec<_>>(), [3]);
    assert_eq!(c(vec![1]).collect::<Vec<_>>(), [(1, -1)]);
    assert_eq!(d(&[4, 5]).collect::<Vec<_>>(), [4, 5]);
    assert_eq!(e(vec!["x".into()]).collect::<Vec<_>>(), ["x"]);
    assert_eq!(f(vec![1]).collect::<Vec<_>>(), [Some(1)]);
    assert_eq!(g(vec![1, -2]).collect::<Vec<_>>(), [2, 1]);
    assert_eq!(h(vec![[1, 2]]).collect::<Vec<_>>(), [2]);
    let mut c = i(2);
    c.start();
    assert!(matches!(
        c.resume("a".into()),
        coro::CoroutineState::Yielded(2)
    ));
    assert_eq!(j(3).collect::<Vec<_>>(), [0, 3, 6]);
    assert_eq!(k(vec![3]).collect::<Vec<_>>(), [9]);
    assert_eq!(l(vec![(3, 4)]).collect::<Vec<_>>(), [3]);
}
#[coro::coroutine]
fn n(v: Vec<i32>) -> impl Iterator<Item = impl std::fmt::Display> {
    for x in v {
        yield_!(x + 1)
    }
}
#[coro::coroutine]
fn o<T: std::ops::Neg<Output = T>>(v: Vec<T>) -> impl Iterator<Item = T> {
    for x in v {
        yield_!(-(-x))
    }
}
#[coro::coroutine]
fn p(v: Vec<u8>) -> impl Iterator<Item = impl std::fmt::Debug> {
    for x in v {
        yield_!(x as u32 * 2)
    }
}
#[test]
fn operators_under_an_inferred_yield_type() {
    assert_eq!(n(vec![1]).map(|x| x.to_string()).collect::<Vec<_>>(), ["2"]);
    assert_eq!(format!("{:?}", p(vec![1]).collect::<Vec<_>>()), "[2]");
}
fn idt<T>(t: T) -> T {
    t
}
#[derive(Debug, PartialEq)]
struct W<T> {
    a: T,
}
#[coro::coroutine]
fn q<T>(v: Vec<T>) -> impl Iterator<Item = W<T>> {
    for x in v {
        yield_!(W { a: idt(x) })
    }
}
#[coro::coroutine]
fn r(v: Vec<i32>) -> impl Iterator<Item = impl std::fmt::Debug> {
    for x in v {
        yield_!(Some((x, 1)))
    }
}
#[test]
fn calls_and_struct_literals_of_the_binding() {
    assert_eq!(q(vec![1]).collect::<Vec<_>>(), [W { a: 1 }]);
    assert_eq!(
        format!("{:?}", r(vec![1]).collect::<Vec<_>>()),
        "[Some((1, 1))]"
    );
}

#[coro::coroutine]
fn swapped(v: Vec<(i32, String)>) -> impl Iterator<Item = (String, i32)> {
    for (x, s) in v {
        yield_!((s, x))
    }
}

#[coro::coroutine]
fn sevens(n: u32) -> impl Iterator<Item = u8> {
    for _ in 0..n {
        yield_!(7);
    }
}

#[coro::coroutine]
fn nested(m: u64) -> impl Iterator<Item = (u64, u64)> {
    for i in 0..m {
        for j in 0..i {
            yield_!((i, j));
        }
    }
}

#[test]
fn tuple_and_wildcard_patterns_and_nested_loops() {
    assert_eq!(
        swapped(vec![(1, "a".into()), (2, "b".into())]).collect::<Vec<_>>(),
        [("a".to_string(), 1), ("b".to_string(), 2)]
    );
    assert_eq!(sevens(3).collect::<Vec<_>>(), [7, 7, 7]);
    assert_eq!(nested(3).collect::<Vec<_>>(), [(1, 0), (2, 0), (2, 1)]);
}

#[coro::coroutine]
fn sendable(v: Vec<u64>) -> impl Iterator<Item = u64> + Send + Clone {
    for x in v {
        yield_!(x)
    }
}

#[test]
fn a_for_resumed_in_place_under_send_and_clone() {
    fn is_send<T: Send>(_: &T) {}
    let mut it = sendable(vec![1, 2, 3]);
    is_send(&it);
    assert_eq!(it.next(), Some(1));
    // The clone goes on from the iterator's place in the state, as the original does.
    let copy = it.clone();
    assert_eq!(it.collect::<Vec<_>>(), [2, 3]);
    assert_eq!(copy.collect::<Vec<_>>(), [2, 3]);
}
