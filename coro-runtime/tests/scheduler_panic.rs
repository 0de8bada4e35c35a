//! A panicking task is caught, removed and reported; the others go on.

mod scheduler_common;

use std::ops::ControlFlow;
use std::time::Duration;

use coro_runtime::scheduler::{
    Reply, RunExit, Scheduler, Syscall, TaskState, WaitError, get_tid, sleep, wait, yield_now,
};
use coro_runtime::{Coroutine, CoroutineState};
use scheduler_common::{DropCounter, Guard, Log, TaskExt, looping};

/// Yields `before` times, then panics with `message`; holds a drop guard throughout.
struct Bomb {
    before: u32,
    message: &'static str,
    _guard: Guard,
}

impl Coroutine<Reply> for Bomb {
    type Yield = Syscall;
    type Return = u32;
    fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, u32> {
        if self.before == 0 {
            panic!("{}", self.message);
        }
        self.before -= 1;
        CoroutineState::Yielded(Syscall::YieldNow)
    }
}

fn counter(
    name: &'static str,
    n: u32,
    log: &Log,
) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> + 'static {
    let log = log.clone();
    looping(1, move |i| {
        log.push(format!("{name} {i}"));
        yield_now()
            .map(move |()| {
                if i == n {
                    ControlFlow::Break(i)
                } else {
                    ControlFlow::Continue(i + 1)
                }
            })
            .boxed()
    })
}

#[test]
fn a_panicking_task_is_removed_and_the_others_continue() {
    let drops = DropCounter::default();
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let bomb = sched.spawn(Bomb {
        before: 2,
        message: "boom",
        _guard: drops.guard(),
    });
    let other = sched.spawn(counter("other", 5, &log));
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    assert_eq!(
        log.lines(),
        ["other 1", "other 2", "other 3", "other 4", "other 5"]
    );
    assert_eq!(sched.take_result(other), Ok(5));
    // Its locals were dropped when it was removed.
    assert_eq!(drops.count(), 1);
    assert_eq!(sched.state(bomb.id()), Some(TaskState::Finished));
    assert_eq!(sched.stats(bomb.id()).unwrap().resumes, 3);
    assert_eq!(
        sched.take_result(bomb),
        Err(WaitError::Panicked {
            target: bomb.id(),
            message: String::from("boom")
        })
    );
}

#[test]
fn the_waiter_of_a_panicking_task_learns_it_failed() {
    let drops = DropCounter::default();
    let mut sched = Scheduler::new().unwrap();
    let bomb = sched.spawn(sleep(Duration::from_millis(5)).then({
        let guard = drops.guard();
        move |()| Bomb {
            before: 0,
            message: "formatted boom 42",
            _guard: guard,
        }
    }));
    let waiter = sched.spawn(wait(bomb));
    sched.run().unwrap();
    let err = sched.take_result(waiter).unwrap().unwrap_err();
    assert_eq!(
        err,
        WaitError::Panicked {
            target: bomb.id(),
            message: String::from("formatted boom 42")
        }
    );
    assert_eq!(err.to_string(), "task 1 panicked: formatted boom 42");
    assert_eq!(drops.count(), 1);
}

#[test]
fn a_panic_on_the_very_first_resume_is_caught() {
    let drops = DropCounter::default();
    let mut sched = Scheduler::new().unwrap();
    let bomb = sched.spawn(Bomb {
        before: 0,
        message: "at start",
        _guard: drops.guard(),
    });
    let fine = sched.spawn(get_tid());
    sched.run().unwrap();
    assert!(matches!(
        sched.take_result(bomb),
        Err(WaitError::Panicked { .. })
    ));
    assert_eq!(sched.take_result(fine), Ok(fine.id()));
}

#[test]
fn non_string_panic_payloads_are_reported_too() {
    struct Weird;
    impl Coroutine<Reply> for Weird {
        type Yield = Syscall;
        type Return = ();
        fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, ()> {
            std::panic::panic_any(17_i32)
        }
    }
    let mut sched = Scheduler::new().unwrap();
    let weird = sched.spawn(Weird);
    sched.run().unwrap();
    match sched.take_result(weird) {
        Err(WaitError::Panicked { message, .. }) => assert!(message.contains("non-string")),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_destructor_that_panics_on_kill_does_not_take_the_scheduler_down() {
    struct LoudDrop;
    impl Drop for LoudDrop {
        fn drop(&mut self) {
            panic!("drop panicked");
        }
    }
    struct Holder {
        _loud: LoudDrop,
    }
    impl Coroutine<Reply> for Holder {
        type Yield = Syscall;
        type Return = ();
        fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, ()> {
            CoroutineState::Yielded(Syscall::Sleep(Duration::from_secs(3600)))
        }
    }
    let mut sched = Scheduler::new().unwrap();
    let holder = sched.spawn(Holder { _loud: LoudDrop });
    sched.run_for(Duration::from_millis(1)).unwrap();
    assert_eq!(sched.kill(holder), Ok(()));
    assert!(matches!(
        sched.take_result(holder),
        Err(WaitError::Killed { .. })
    ));

    // One that panics while being dropped after returning is reported as panicked.
    struct Returns {
        _loud: LoudDrop,
    }
    impl Coroutine<Reply> for Returns {
        type Yield = Syscall;
        type Return = ();
        fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, ()> {
            CoroutineState::Complete(())
        }
    }
    let returns = sched.spawn(Returns { _loud: LoudDrop });
    sched.run().unwrap();
    assert!(matches!(
        sched.take_result(returns),
        Err(WaitError::Panicked { .. })
    ));
}

#[test]
fn many_panicking_tasks_among_many_good_ones() {
    let drops = DropCounter::default();
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let mut bombs = Vec::new();
    let mut goods = Vec::new();
    for i in 0..20 {
        bombs.push(sched.spawn(Bomb {
            before: i % 4,
            message: "bang",
            _guard: drops.guard(),
        }));
        goods.push(sched.spawn(counter("good", 6, &log)));
    }
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(drops.count(), 20);
    for b in bombs {
        assert!(matches!(
            sched.take_result(b),
            Err(WaitError::Panicked { .. })
        ));
    }
    for g in goods {
        assert_eq!(sched.take_result(g), Ok(6));
    }
}

/// A panicking `on_exit` hook leaves `run`, but the outcome it was told about is not lost:
/// the task waiting for it gets it on the next `run`, instead of waiting forever.
#[test]
fn a_panicking_exit_hook_loses_no_outcome() {
    let mut sched = Scheduler::new().unwrap();
    let child = sched.spawn(yield_now().map(|()| 5_u32));
    let parent = sched.spawn(wait(child));
    sched.on_exit(move |tid, _| {
        if tid == child.id() {
            panic!("hook failed");
        }
    });
    let first = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| sched.run()));
    assert!(first.is_err(), "the hook's panic leaves run");
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(sched.take_result(parent), Ok(Ok(5)));
}
