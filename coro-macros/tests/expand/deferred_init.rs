fn greeting(formal: bool) -> impl Coroutine<Yield = (), Return = usize> {
    let name;
    let n;
    if formal {
        name = String::from("Sir");
        yield_!(());
        n = str::len(&name);
    } else {
        yield_!(());
        n = 0;
    }
    yield_!(());
    n
}
