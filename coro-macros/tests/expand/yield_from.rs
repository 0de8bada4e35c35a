fn wrapper() -> impl Coroutine<Yield = i32, Return = &'static str> {
    let result = yield_from!(producer());
    yield_from!([1, 2]);
    result
}
