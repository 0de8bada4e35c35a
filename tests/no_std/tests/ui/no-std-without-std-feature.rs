// `coro` with `default-features = false` must not turn std on: the scheduler, which
// needs it, is not there. (Before the facade forwarded its features, it was.)
use coro::scheduler::Scheduler;

fn main() {
    let _ = Scheduler::new();
}
