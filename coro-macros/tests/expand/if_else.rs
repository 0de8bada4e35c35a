fn parity(n: u32) -> impl Iterator<Item = &'static str> {
    if n % 2 == 0 {
        yield_!("even");
    } else {
        yield_!("odd");
    }
}
