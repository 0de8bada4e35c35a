fn countdown(mut n: u32) -> impl Iterator<Item = u32> {
    while n > 0 {
        yield_!(n);
        n -= 1;
    }
}
