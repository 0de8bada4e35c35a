fn once() -> impl Iterator<Item = u32> {
    yield_!(1);
}
