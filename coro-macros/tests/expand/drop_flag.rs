fn drop_flag(g: Guard, c: bool) -> impl Iterator<Item = u32> {
    let h = Guard::new("h");
    if c {
        consume(h);
    }
    yield_!(1);
    log(g.name());
}
