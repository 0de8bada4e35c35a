#![allow(dead_code)]
use coro::{Coroutine, CoroutineState, yield_, yield_from};

#[coro::coroutine]
fn forloop(v: Vec<i32>) -> impl Iterator<Item = i32> {
    for x in v {
        if x % 2 == 0 {
            continue;
        }
        yield_!(x * 10);
    }
}

#[coro::coroutine]
fn matcher(v: Vec<Option<i32>>) -> impl Iterator<Item = i32> {
    for o in v {
        match o {
            Some(x) if x > 5 => {
                yield_!(x);
                yield_!(x + 1);
            }
            Some(x) => yield_!(-x),
            None => break,
        }
    }
}

#[coro::coroutine]
fn chain() -> impl Iterator<Item = u8> {
    yield_from!(vec![1u8, 2]);
    yield_from!([3u8, 4]);
    yield_from!(5u8..7);
}

struct Counter {
    n: u32,
}
impl Counter {
    #[coro::coroutine]
    fn count(&mut self) -> impl Iterator<Item = u32> + '_ {
        while self.n < 3 {
            self.n += 1;
            yield_!(self.n);
        }
    }
}

#[coro::coroutine]
fn words<'a>(s: &'a str) -> impl Iterator<Item = &'a str> {
    for w in s.split_whitespace() {
        yield_!(w);
    }
}

#[coro::coroutine]
fn labeled() -> impl Iterator<Item = (i32, i32)> {
    let found = 'outer: loop {
        for i in 0..3 {
            for j in 0..3 {
                yield_!((i, j));
                if i + j == 3 {
                    break 'outer i * 10 + j;
                }
            }
        }
    };
    yield_!((found, -1));
}

#[coro::coroutine]
fn tryer(
    v: Vec<&'static str>,
) -> impl Coroutine<Yield = i32, Return = Result<i32, std::num::ParseIntError>> {
    let mut sum = 0;
    for s in v {
        let n: i32 = s.parse()?;
        sum += n;
        yield_!(sum);
    }
    Ok(sum)
}

#[coro::coroutine]
fn exprs() -> impl Coroutine<i32, Yield = i32, Return = i32> {
    let a = yield_!(1) + yield_!(2);
    let v = [yield_!(3), yield_!(4)];
    let b = if yield_!(5) > 0 { yield_!(6) } else { 0 };
    a + v[0] + v[1] + b + yield_!(yield_!(7))
}

#[coro::coroutine]
fn shadow() -> impl Iterator<Item = String> {
    let x = String::from("a");
    yield_!(x.clone());
    let x = format!("{x}b");
    yield_!(x.clone());
    let x = x.len().to_string();
    yield_!(x);
}

fn drive<C: Coroutine<S>, S>(mut c: C, sends: Vec<S>) -> Vec<CoroutineState<C::Yield, C::Return>> {
    sends.into_iter().map(|s| c.resume(s)).collect()
}

#[test]
fn t_forloop() {
    assert_eq!(
        forloop(vec![1, 2, 3, 4, 5]).collect::<Vec<_>>(),
        [10, 30, 50]
    );
}
#[test]
fn t_matcher() {
    assert_eq!(
        matcher(vec![Some(7), Some(2), None, Some(9)]).collect::<Vec<_>>(),
        [7, 8, -2]
    );
}
#[test]
fn t_chain_() {
    assert_eq!(chain().collect::<Vec<_>>(), [1, 2, 3, 4, 5, 6]);
}
#[test]
fn t_counter() {
    let mut c = Counter { n: 0 };
    assert_eq!(c.count().collect::<Vec<_>>(), [1, 2, 3]);
    assert_eq!(c.n, 3);
}
#[test]
fn t_words_() {
    assert_eq!(words("a bb ccc").collect::<Vec<_>>(), ["a", "bb", "ccc"]);
}
#[test]
fn t_labeled_() {
    assert_eq!(
        labeled().collect::<Vec<_>>(),
        [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (12, -1)]
    );
}
#[test]
fn t_tryer_() {
    use CoroutineState::*;
    let t = drive(tryer(vec!["1", "2", "x", "4"]), vec![(); 3]);
    assert!(matches!(t[..], [Yielded(1), Yielded(3), Complete(Err(_))]));
}
#[test]
fn t_exprs_() {
    use CoroutineState::*;
    assert_eq!(
        drive(exprs(), vec![0, 10, 20, 30, 40, 1, 50, 60, 70]),
        [
            Yielded(1),
            Yielded(2),
            Yielded(3),
            Yielded(4),
            Yielded(5),
            Yielded(6),
            Yielded(7),
            Yielded(60),
            Complete(10 + 20 + 30 + 40 + 50 + 70)
        ]
    );
}
#[test]
fn t_shadow_() {
    assert_eq!(shadow().collect::<Vec<_>>(), ["a", "ab", "2"]);
}
