fn upto(m: u64) -> impl Iterator<Item = u64> {
    for i in 1..=m {
        yield_!(i);
    }
}
