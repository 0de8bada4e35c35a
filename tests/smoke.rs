use coro::{Coroutine, CoroutineState, yield_, yield_from};

#[coro::coroutine]
fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    println!("starting countdown");
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
    println!("done");
}

#[coro::coroutine]
fn averager() -> impl Coroutine<f64, Yield = Option<f64>, Return = ()> {
    let (mut total, mut count) = (0.0, 0);
    let mut average = None;
    loop {
        let value = yield_!(average);
        total += value;
        count += 1;
        average = Some(total / count as f64);
    }
}

#[coro::coroutine]
fn producer() -> impl Coroutine<Yield = i32, Return = &'static str> {
    yield_!(1);
    yield_!(2);
    "done"
}

#[coro::coroutine]
fn wrapper() -> impl Coroutine<Yield = i32, Return = &'static str> {
    let result = yield_from!(producer());
    println!("subgenerator returned: {result}");
    result
}

#[test]
fn smoke() {
    assert_eq!(countdown(3).collect::<Vec<_>>(), [3, 2, 1]);
    let mut a = averager();
    assert_eq!(a.resume(0.0), CoroutineState::Yielded(None));
    assert_eq!(a.resume(10.0), CoroutineState::Yielded(Some(10.0)));
    assert_eq!(a.resume(20.0), CoroutineState::Yielded(Some(15.0)));
    let mut w = wrapper();
    assert_eq!(w.resume(()), CoroutineState::Yielded(1));
    assert_eq!(w.resume(()), CoroutineState::Yielded(2));
    assert_eq!(w.resume(()), CoroutineState::Complete("done"));
}
