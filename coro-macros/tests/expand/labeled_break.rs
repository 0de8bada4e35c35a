fn first_pair(limit: u32) -> impl Coroutine<Yield = (u32, u32), Return = u32> {
    let found = 'outer: loop {
        for i in 0..limit {
            for j in 0..limit {
                yield_!((i, j));
                if i + j == limit {
                    break 'outer i * j;
                }
            }
        }
        break 0;
    };
    found
}
