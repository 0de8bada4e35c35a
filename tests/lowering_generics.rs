//! Signatures: type parameters, const generics, where clauses, `impl Trait` arguments,
//! lifetimes and borrowed parameters, methods taking `&self`, `&mut self` and `self`,
//! visibility and attributes.

mod lowering_common;

use std::collections::BTreeMap;
use std::fmt::Display;

use coro::CoroutineState::{Complete, Yielded};
use coro::{Coroutine, yield_, yield_from};
use lowering_common::{Log, drive, run};

// ---------------------------------------------------------------------------------------
// Type parameters, const generics, where clauses, impl Trait arguments

#[coro::coroutine]
fn repeat<T: Clone>(x: T, n: usize) -> impl Iterator<Item = T> {
    for _ in 0..n {
        yield_!(x.clone());
    }
}

#[test]
fn type_parameter_with_a_bound() {
    assert_eq!(
        repeat("ab".to_string(), 3).collect::<Vec<_>>(),
        ["ab", "ab", "ab"]
    );
    assert_eq!(repeat(7u8, 2).collect::<Vec<_>>(), [7, 7]);
    assert_eq!(repeat((), 0).count(), 0);
}

#[coro::coroutine]
fn chunks<const N: usize>(v: Vec<u8>) -> impl Iterator<Item = [u8; N]> {
    let mut buf = [0u8; N];
    let mut filled = 0;
    for b in v {
        buf[filled] = b;
        filled += 1;
        if filled == N {
            yield_!(buf);
            filled = 0;
        }
    }
}

#[test]
fn const_generic_parameter() {
    assert_eq!(
        chunks::<2>(vec![1, 2, 3, 4, 5]).collect::<Vec<_>>(),
        [[1, 2], [3, 4]]
    );
    assert_eq!(
        chunks::<3>(vec![1, 2, 3, 4, 5, 6]).collect::<Vec<_>>(),
        [[1, 2, 3], [4, 5, 6]]
    );
}

#[coro::coroutine]
fn pairs<I>(it: I) -> impl Iterator<Item = (I::Item, I::Item)>
where
    I: IntoIterator,
    I::Item: PartialEq,
{
    // Non-overlapping pairs, skipping pairs of equal items.
    let mut prev = None;
    for x in it {
        match prev.take() {
            Some(p) if p == x => {}
            Some(p) => yield_!((p, x)),
            None => prev = Some(x),
        }
    }
}

#[test]
fn where_clause_and_associated_types() {
    assert_eq!(
        pairs(vec!['a', 'b', 'c', 'd']).collect::<Vec<_>>(),
        [('a', 'b'), ('c', 'd')]
    );
    assert_eq!(
        pairs([1, 2, 3, 3, 5, 6, 7]).collect::<Vec<_>>(),
        [(1, 2), (5, 6)]
    );
}

#[coro::coroutine]
fn labelled(
    items: impl IntoIterator<Item = impl Display>,
    prefix: impl Display,
) -> impl Iterator<Item = String> {
    for (i, item) in items.into_iter().enumerate() {
        yield_!(format!("{prefix}{i}:{item}"));
    }
}

#[test]
fn impl_trait_arguments() {
    assert_eq!(
        labelled([1.5, 2.0], '#').collect::<Vec<_>>(),
        ["#0:1.5", "#1:2"]
    );
    assert_eq!(
        labelled(vec!["x"], String::from(">")).collect::<Vec<_>>(),
        [">0:x"]
    );
}

#[coro::coroutine]
fn echo_generic<T: Clone + Default>(rounds: u32) -> impl Coroutine<T, Yield = T, Return = Vec<T>> {
    let mut seen = Vec::new();
    let mut last = T::default();
    for _ in 0..rounds {
        let v = yield_!(last.clone());
        seen.push(v.clone());
        last = v;
    }
    seen
}

#[test]
fn generic_send_yield_and_return_types() {
    let mut c = echo_generic::<String>(2);
    assert_eq!(
        drive(&mut c, ["", "a", "b"].map(String::from)),
        [
            Yielded(String::new()),
            Yielded("a".to_string()),
            Complete(vec!["a".to_string(), "b".to_string()])
        ]
    );
    let mut c = echo_generic::<i8>(1);
    assert_eq!(drive(&mut c, [0, -1]), [Yielded(0), Complete(vec![-1])]);
}

#[coro::coroutine]
fn sum_into<T, U>(items: Vec<T>) -> impl Coroutine<Yield = U, Return = U>
where
    T: Into<U>,
    U: std::ops::Add<Output = U> + Copy + Default,
{
    let mut acc = U::default();
    for item in items {
        acc = acc + item.into();
        yield_!(acc);
    }
    acc
}

#[test]
fn two_type_parameters_and_trait_bounds_in_where() {
    let c = sum_into::<u8, u32>(vec![200, 100]);
    assert_eq!(run(c), [Yielded(200), Yielded(300), Complete(300)]);
}

#[coro::coroutine]
fn delegate_generic<C>(sub: C) -> impl Coroutine<Yield = C::Yield, Return = Option<C::Return>>
where
    C: Coroutine,
{
    let r = yield_from!(sub);
    Some(r)
}

#[test]
fn generic_yield_from_operand() {
    let c = delegate_generic(sum_into::<u8, u16>(vec![1, 2]));
    assert_eq!(run(c), [Yielded(1), Yielded(3), Complete(Some(3))]);
}

#[coro::coroutine]
fn btree_keys<K: Ord + Clone, V>(map: BTreeMap<K, V>) -> impl Iterator<Item = K> {
    for (k, _) in map {
        yield_!(k);
    }
}

#[test]
fn generic_over_a_collection() {
    let m: BTreeMap<_, _> = [("b", 2), ("a", 1)].into_iter().collect();
    assert_eq!(btree_keys(m).collect::<Vec<_>>(), ["a", "b"]);
}

// ---------------------------------------------------------------------------------------
// Lifetimes and borrowed parameters

#[coro::coroutine]
fn words<'a>(s: &'a str) -> impl Iterator<Item = &'a str> {
    for w in s.split_whitespace() {
        yield_!(w);
    }
}

#[test]
fn borrowed_str_split_on_whitespace() {
    let text = String::from("  the quick\tbrown \n fox ");
    let got: Vec<&str> = words(&text).collect();
    assert_eq!(got, ["the", "quick", "brown", "fox"]);
    // The yielded slices point into `text`.
    assert!(
        got.iter()
            .all(|w| text.as_bytes().as_ptr_range().contains(&w.as_ptr()))
    );
    assert_eq!(words("").count(), 0);
}

#[coro::coroutine]
fn longest_so_far<'a>(items: &'a [String]) -> impl Iterator<Item = &'a str> {
    let mut best: &str = "";
    for s in items {
        if s.len() > best.len() {
            best = s;
            yield_!(best);
        }
    }
}

#[test]
fn borrowed_slice_parameter() {
    let v: Vec<String> = ["a", "abc", "ab", "abcd"].map(String::from).to_vec();
    assert_eq!(longest_so_far(&v).collect::<Vec<_>>(), ["a", "abc", "abcd"]);
}

#[coro::coroutine]
fn elided(v: &[u32]) -> impl Iterator<Item = &u32> {
    for x in v {
        if *x % 2 == 0 {
            yield_!(x);
        }
    }
}

#[test]
fn elided_lifetime_in_a_borrowed_parameter() {
    let v = vec![1, 2, 3, 4];
    assert_eq!(elided(&v).copied().collect::<Vec<_>>(), [2, 4]);
}

#[coro::coroutine]
fn two_lifetimes<'a, 'b>(
    a: &'a str,
    b: &'b str,
) -> impl Coroutine<Yield = &'a str, Return = &'b str> {
    yield_!(a);
    yield_!(&a[1..]);
    b
}

#[test]
fn two_lifetime_parameters() {
    let a = String::from("xyz");
    let c = {
        let b = "static b";
        two_lifetimes(&a, b)
    };
    assert_eq!(
        run(c),
        [Yielded("xyz"), Yielded("yz"), Complete("static b")]
    );
}

#[coro::coroutine]
fn mut_borrow_param(out: &mut Vec<u32>) -> impl Coroutine<u32, Yield = usize, Return = ()> {
    loop {
        let v = yield_!(out.len());
        if v == 0 {
            break;
        }
        out.push(v);
    }
}

#[test]
fn mutable_borrowed_parameter_is_updated_across_yields() {
    let mut out = vec![9];
    {
        let mut c = mut_borrow_param(&mut out);
        assert_eq!(
            drive(&mut c, [0, 5, 6, 0]),
            [Yielded(1), Yielded(2), Yielded(3), Complete(())]
        );
    }
    assert_eq!(out, [9, 5, 6]);
}

// ---------------------------------------------------------------------------------------
// Methods

#[derive(Debug, Default, PartialEq)]
struct Counter {
    count: u32,
    history: Vec<u32>,
    name: String,
}

impl Counter {
    const STEP: u32 = 1;

    fn label(&self, n: u32) -> String {
        format!("{}#{n}", self.name)
    }

    #[coro::coroutine]
    fn peek(&self) -> impl Iterator<Item = String> {
        for h in self.history.iter() {
            yield_!(self.label(*h));
        }
        yield_!(self.label(self.count));
    }

    #[coro::coroutine]
    fn tick(&mut self) -> impl Coroutine<u32, Yield = u32, Return = u32> {
        loop {
            let by = yield_!(self.count);
            if by == 0 {
                break;
            }
            self.history.push(self.count);
            self.count += by * Self::STEP;
        }
        self.count
    }

    #[coro::coroutine]
    fn into_names(self) -> impl Iterator<Item = String> {
        let Self { name, history, .. } = self;
        for h in history {
            yield_!(format!("{name}:{h}"));
        }
    }

    #[coro::coroutine]
    fn build(n: u32) -> impl Coroutine<Yield = u32, Return = Self> {
        let mut c = Self::default();
        for i in 0..n {
            c.history.push(i);
            yield_!(i);
        }
        c.count = n;
        c
    }
}

#[test]
fn method_taking_shared_self() {
    let c = Counter {
        count: 3,
        history: vec![1, 2],
        name: "c".into(),
    };
    let a: Vec<String> = c.peek().collect();
    // Two generators borrowing the same struct at once.
    let mut g1 = c.peek();
    let mut g2 = c.peek();
    assert_eq!(g1.next().as_deref(), Some("c#1"));
    assert_eq!(g2.next().as_deref(), Some("c#1"));
    assert_eq!(g1.next().as_deref(), Some("c#2"));
    assert_eq!(a, ["c#1", "c#2", "c#3"]);
}

#[test]
fn method_taking_mut_self_mutates_the_struct_across_yields() {
    let mut c = Counter {
        count: 10,
        ..Default::default()
    };
    {
        let mut t = c.tick();
        assert_eq!(
            drive(&mut t, [99, 5, 2, 0]),
            [Yielded(10), Yielded(15), Yielded(17), Complete(17)]
        );
    }
    assert_eq!(c.count, 17);
    assert_eq!(c.history, [10, 15]);

    // Dropped while suspended: the mutations made so far stay.
    {
        let mut t = c.tick();
        assert_eq!(drive(&mut t, [0, 3]), [Yielded(17), Yielded(20)]);
    }
    assert_eq!(c.count, 20);
    assert_eq!(c.history, [10, 15, 17]);
}

#[test]
fn method_taking_self_by_value() {
    let c = Counter {
        count: 0,
        history: vec![4, 5],
        name: "n".into(),
    };
    assert_eq!(c.into_names().collect::<Vec<_>>(), ["n:4", "n:5"]);
}

#[test]
fn associated_function_returning_self() {
    let c = Counter::build(2);
    let trace = run(c);
    assert_eq!(trace.len(), 3);
    assert_eq!(trace[..2], [Yielded(0), Yielded(1)]);
    let Complete(built) = &trace[2] else {
        panic!("expected completion")
    };
    assert_eq!((built.count, built.history.clone()), (2, vec![0, 1]));
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T: Clone + PartialEq> Stack<T> {
    #[coro::coroutine]
    fn drain_until(&mut self, stop: T) -> impl Iterator<Item = T> {
        while let Some(top) = self.items.pop() {
            if top == stop {
                self.items.push(top);
                return;
            }
            yield_!(top);
        }
    }
}

#[test]
fn method_of_a_generic_impl() {
    let mut s = Stack {
        items: vec![1, 2, 3, 4],
    };
    assert_eq!(s.drain_until(2).collect::<Vec<_>>(), [4, 3]);
    assert_eq!(s.items, [1, 2]);
}

trait Source {
    fn value(&self) -> i32;
}

struct Seven;

impl Source for Seven {
    fn value(&self) -> i32 {
        7
    }
}

#[coro::coroutine]
fn from_dyn(src: &dyn Source, n: usize) -> impl Iterator<Item = i32> {
    for i in 0..n {
        yield_!(src.value() * i as i32);
    }
}

#[test]
fn trait_object_parameter() {
    assert_eq!(from_dyn(&Seven, 3).collect::<Vec<_>>(), [0, 7, 14]);
}

// ---------------------------------------------------------------------------------------
// Visibility and attributes

mod inner {
    use coro::yield_;

    /// A documented public generator: the doc comment and `pub` are kept.
    #[coro::coroutine]
    #[inline]
    pub fn public_gen(n: u8) -> impl Iterator<Item = u8> {
        for i in 0..n {
            yield_!(i);
        }
    }

    #[coro::coroutine]
    pub(crate) fn crate_visible() -> impl Iterator<Item = u8> {
        yield_!(42);
    }

    // Exactly one of these two exists (tests are built with `cfg(test)`): if the `cfg`
    // attributes were dropped, the name would be defined twice and this file would not
    // compile.
    #[coro::coroutine]
    #[cfg(test)]
    pub fn configured() -> impl Iterator<Item = &'static str> {
        yield_!("enabled");
    }

    #[coro::coroutine]
    #[cfg(not(test))]
    pub fn configured() -> impl Iterator<Item = &'static str> {
        yield_!("disabled");
    }
}

#[test]
fn pub_fns_and_attributes_are_kept() {
    assert_eq!(inner::public_gen(3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(inner::crate_visible().collect::<Vec<_>>(), [42]);
    assert_eq!(inner::configured().collect::<Vec<_>>(), ["enabled"]);
}

/// The attribute can come after other attributes too.
#[must_use = "a coroutine does nothing unless resumed"]
#[coro::coroutine]
#[allow(clippy::needless_return)]
fn must_use_coroutine() -> impl Coroutine<Yield = u8, Return = u8> {
    yield_!(1);
    2
}

#[test]
#[deny(unfulfilled_lint_expectations)]
fn must_use_is_kept() {
    // `#[expect]` fails the build (denied above) if the call below is *not* warned about
    // as an unused `#[must_use]` value, i.e. if the macro dropped the attribute.
    #[expect(unused_must_use)]
    must_use_coroutine();
    assert_eq!(run(must_use_coroutine()), [Yielded(1), Complete(2)]);
}

#[test]
fn log_helper_is_usable_from_generic_code() {
    // A generic coroutine that also takes a non-generic shared handle.
    #[coro::coroutine]
    fn tagged<T: Display>(items: Vec<T>, log: Log) -> impl Iterator<Item = usize> {
        for (i, it) in items.into_iter().enumerate() {
            log.push(it.to_string());
            yield_!(i);
        }
    }
    let log = Log::new();
    assert_eq!(
        tagged(vec!['x', 'y'], log.clone()).collect::<Vec<_>>(),
        [0, 1]
    );
    assert_eq!(log.take(), events!["x", "y"]);
}

// ---------------------------------------------------------------------------------------
// Trait methods, auto traits

trait Numbers {
    fn numbers(&self) -> impl Iterator<Item = u32>;
}

struct Upto(u32);

impl Numbers for Upto {
    #[coro::coroutine]
    fn numbers(&self) -> impl Iterator<Item = u32> {
        let mut i = 0;
        while i < self.0 {
            yield_!(i);
            i += 1;
        }
    }
}

fn sum_numbers(n: &impl Numbers) -> u32 {
    n.numbers().sum()
}

#[test]
fn coroutine_implementing_a_trait_method_that_returns_impl_trait() {
    assert_eq!(Upto(3).numbers().collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(sum_numbers(&Upto(5)), 10);
}

#[coro::coroutine]
fn sendable(words: Vec<String>) -> impl Iterator<Item = usize> + Send + 'static {
    for w in words {
        yield_!(w.len());
    }
}

#[test]
fn a_coroutine_of_send_data_can_move_to_another_thread() {
    let mut g = sendable(vec!["a".into(), "bcd".into(), "ef".into()]);
    assert_eq!(g.next(), Some(1));
    // Suspended with a `vec::IntoIter<String>` inside: still `Send`.
    let rest = std::thread::spawn(move || g.collect::<Vec<_>>())
        .join()
        .unwrap();
    assert_eq!(rest, [3, 2]);
}
