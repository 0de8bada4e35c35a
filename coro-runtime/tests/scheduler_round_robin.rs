//! Round-robin fairness: the seed's `ready.popleft()` / `ready.append()` loop.
//!
//! ```python
//! def task(name, steps):
//!     for i in range(1, steps + 1):
//!         print(f"{name}: step {i}")
//!         yield
//!
//! sched = Scheduler()
//! sched.add(task("A", 3))
//! sched.add(task("B", 2))
//! sched.run()   # A: step 1, B: step 1, A: step 2, B: step 2, A: step 3
//! ```

mod scheduler_common;

use coro_runtime::scheduler::{
    Reply, RunExit, Scheduler, Syscall, TaskId, get_tid, spawn_local, yield_now,
};
use coro_runtime::{Coroutine, CoroutineState};
use scheduler_common::{Log, TaskExt};

/// The seed's `task(name, steps)`, by hand.
struct Steps {
    name: &'static str,
    done: u32,
    steps: u32,
    log: Log,
}

impl Coroutine<Reply> for Steps {
    type Yield = Syscall;
    type Return = u32;

    fn resume(&mut self, _reply: Reply) -> CoroutineState<Syscall, u32> {
        if self.done == self.steps {
            return CoroutineState::Complete(self.steps);
        }
        self.done += 1;
        self.log.push(format!("{}: step {}", self.name, self.done));
        CoroutineState::Yielded(Syscall::YieldNow)
    }
}

fn steps(name: &'static str, steps: u32, log: &Log) -> Steps {
    Steps {
        name,
        done: 0,
        steps,
        log: log.clone(),
    }
}

#[test]
fn seed_interleaving_a_and_b() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let a = sched.spawn(steps("A", 3, &log));
    let b = sched.spawn(steps("B", 2, &log));
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    assert_eq!(
        log.lines(),
        [
            "A: step 1",
            "B: step 1",
            "A: step 2",
            "B: step 2",
            "A: step 3"
        ]
    );
    assert_eq!(sched.take_result(a), Ok(3));
    assert_eq!(sched.take_result(b), Ok(2));
}

#[test]
fn resume_counts_match_the_seed_loop() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let a = sched.spawn(steps("A", 3, &log));
    let b = sched.spawn(steps("B", 2, &log));
    sched.run().unwrap();
    // One resume per `yield`, plus the one that raises StopIteration.
    assert_eq!(sched.stats(a.id()).unwrap().resumes, 4);
    assert_eq!(sched.stats(b.id()).unwrap().resumes, 3);
}

#[test]
fn many_tasks_take_strict_turns() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    for name in ["A", "B", "C", "D"] {
        sched.spawn(steps(name, 3, &log));
    }
    sched.run().unwrap();
    let expected: Vec<String> = (1..=3)
        .flat_map(|i| ["A", "B", "C", "D"].map(|n| format!("{n}: step {i}")))
        .collect();
    assert_eq!(log.lines(), expected);
}

#[test]
fn a_spawned_task_is_queued_before_its_parent_resumes() {
    // parent: child = yield NewTask(steps("C", 2)); then steps("P", 2)
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    sched.spawn(steps("O", 3, &log));
    let (l1, l2) = (log.clone(), log.clone());
    let parent = sched.spawn(spawn_local(steps("C", 2, &log)).then(move |child| {
        l1.push(format!("P: spawned {}", child.id()));
        steps("P", 2, &l2)
    }));
    sched.run().unwrap();
    assert_eq!(
        log.lines(),
        [
            "O: step 1",
            // the parent yields Spawn: child (task 3) queued, then the parent
            "O: step 2",
            "C: step 1",
            "P: spawned task 3",
            "P: step 1",
            "O: step 3",
            "C: step 2",
            "P: step 2",
        ]
    );
    assert_eq!(sched.take_result(parent), Ok(2));
}

#[test]
fn immediate_syscalls_go_to_the_back_of_the_queue() {
    // A task asking for its id does not jump the queue: Beazley's GetTid reschedules.
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let l = log.clone();
    let asker = sched.spawn(get_tid().then(move |tid| {
        l.push(format!("got {tid}"));
        yield_now()
    }));
    sched.spawn(steps("B", 2, &log));
    sched.run().unwrap();
    assert_eq!(log.lines(), ["B: step 1", "got task 1", "B: step 2"]);
    assert_eq!(sched.take_result(asker), Ok(()));
    assert_eq!(asker.id(), TaskId::new(1));
}
