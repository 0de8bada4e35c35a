// Helpers shared by the native programs of tests/fidelity (each `include!`s this file
// after its `use` lines): the event log, a guard that logs its drop, the driver that
// resumes a coroutine with the given values and logs each state, and `case`, which
// prints a case's name and its events. The stable side has the same in
// tests/fidelity_common/mod.rs.

thread_local!(static LOG: RefCell<Vec<String>> = RefCell::new(Vec::new()));
fn log(s: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(s.into()));
}
#[derive(Debug)]
struct Guard(&'static str);
impl Drop for Guard {
    fn drop(&mut self) {
        log(format!("drop {}", self.0));
    }
}
fn drive<C: Coroutine<i32>>(c: C, sends: &[i32])
where
    C::Yield: std::fmt::Debug,
    C::Return: std::fmt::Debug,
{
    let mut c = Box::pin(c);
    for &s in sends {
        let st = c.as_mut().resume(s);
        log(format!("-> {st:?}"));
        if let CoroutineState::Complete(_) = st {
            break;
        }
    }
    drop(c);
    log("dropped");
}
fn case(name: &str, f: impl FnOnce()) {
    println!("case {name}");
    f();
    for l in LOG.with(|l| std::mem::take(&mut *l.borrow_mut())) {
        println!("{l}");
    }
}
