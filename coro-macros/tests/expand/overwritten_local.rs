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
