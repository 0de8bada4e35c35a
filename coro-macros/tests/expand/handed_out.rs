fn echo(greeting: String) -> impl Coroutine<String, Yield = String, Return = ()> {
    let mut reply = greeting;
    let session = String::from("session");
    loop {
        let cmd = yield_!(reply);
        reply = format!("{session}: {cmd}");
    }
}
