fn guarded(name: String) -> impl Iterator<Item = usize> {
    let guard = Guard::new(&name);
    let len = name.len();
    yield_!(len);
    let doubled = len * 2;
    yield_!(doubled);
}
