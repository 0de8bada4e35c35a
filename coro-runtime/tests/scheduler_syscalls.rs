//! Each system call, and each error reply (Beazley's GetTid / NewTask / KillTask /
//! WaitTask, with typed answers).

mod scheduler_common;

use std::any::Any;
use std::ops::ControlFlow;
use std::time::Duration;

use coro_runtime::scheduler::{
    KillError, Reply, RunExit, Scheduler, Syscall, Task, TaskHandle, TaskId, TaskState, WaitError,
    get_tid, kill, sleep, spawn, spawn_detached, stop, wait, yield_now,
};
use coro_runtime::{Coroutine, CoroutineState};
use scheduler_common::{DropCounter, Guard, Log, TaskExt, done, looping};

const MS: Duration = Duration::from_millis(1);

#[test]
fn get_tid_returns_the_callers_own_id() {
    let mut sched = Scheduler::new().unwrap();
    let a = sched.spawn(get_tid());
    let b = sched.spawn(get_tid().then(|first| get_tid().map(move |second| (first, second))));
    sched.run().unwrap();
    assert_eq!(sched.take_result(a), Ok(a.id()));
    assert_eq!(sched.take_result(b), Ok((b.id(), b.id())));
    assert_eq!((a.id().get(), b.id().get()), (1, 2));
}

#[test]
fn spawn_returns_the_new_id_and_wait_returns_the_typed_value() {
    // parent: child = yield_from!(spawn(worker)); yield_from!(wait(child))
    let mut sched = Scheduler::new().unwrap();
    let worker = sleep(MS).map(|()| String::from("worker result"));
    let parent = sched.spawn(
        spawn(worker)
            .then(|child: TaskHandle<String>| wait(child).map(move |result| (child, result))),
    );
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    let (child, result) = sched.take_result(parent).unwrap();
    assert_eq!(child.id(), TaskId::new(2));
    assert_eq!(result, Ok(String::from("worker result")));
    // The outcome went to the waiter; nothing is left to take.
    assert_eq!(
        sched.take_result(child),
        Err(WaitError::Finished(child.id()))
    );
}

#[test]
fn wait_by_bare_id_returns_box_dyn_any() {
    let mut sched = Scheduler::new().unwrap();
    let worker = sched.spawn(sleep(MS).map(|()| 42_u64));
    let waiter = sched.spawn(wait(worker.id()));
    sched.run().unwrap();
    let value: Box<dyn Any> = sched.take_result(waiter).unwrap().unwrap();
    assert_eq!(value.downcast_ref::<u64>(), Some(&42));
}

#[test]
fn waiting_for_a_task_that_already_finished_gets_its_kept_outcome() {
    let mut sched = Scheduler::new().unwrap();
    let quick = sched.spawn(done(7_i32));
    // The waiter sleeps first, so `quick` has long finished when it waits.
    let waiter = sched.spawn(sleep(MS * 5).then(move |()| wait(quick)));
    sched.run().unwrap();
    assert_eq!(sched.take_result(waiter), Ok(Ok(7)));
}

#[test]
fn a_waiter_blocks_until_the_task_finishes() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let l = log.clone();
    let slow = sched.spawn(sleep(MS * 20).map(move |()| {
        l.push("slow done");
        "slow"
    }));
    let l = log.clone();
    let waiter = sched.spawn(wait(slow).map(move |r| {
        l.push("waiter woke");
        r
    }));
    sched.run_for(MS * 5).unwrap();
    assert_eq!(
        sched.state(waiter.id()),
        Some(TaskState::WaitingForTask(slow.id()))
    );
    sched.run().unwrap();
    assert_eq!(log.lines(), ["slow done", "waiter woke"]);
    assert_eq!(sched.take_result(waiter), Ok(Ok("slow")));
}

#[test]
fn detached_tasks_leave_no_outcome_behind() {
    let mut sched = Scheduler::new().unwrap();
    let parent = sched.spawn(spawn_detached(get_tid()));
    let outside = sched.spawn_detached(yield_now());
    sched.run().unwrap();
    let child = sched.take_result(parent).unwrap();
    assert_eq!(sched.state(child), None);
    assert_eq!(sched.state(outside), None);
    assert_eq!(
        sched.take_result(child).unwrap_err(),
        WaitError::Finished(child)
    );
    // But a task waiting for a detached task while it runs does get the value.
    let d = sched.spawn_detached(sleep(MS).map(|()| 5_u8));
    let waiter = sched.spawn(wait(d));
    sched.run().unwrap();
    let value = sched.take_result(waiter).unwrap().unwrap();
    assert_eq!(value.downcast_ref::<u8>(), Some(&5));
    assert!(Task::new(yield_now()).detached().is_detached());
}

/// A hand-written task that holds a drop guard and sleeps for an hour: Python's
/// `try: yield sleep(3600) finally: cleanup()`.
struct Guarded {
    _guard: Guard,
    started: bool,
}

impl Coroutine<Reply> for Guarded {
    type Yield = Syscall;
    type Return = ();
    fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, ()> {
        if self.started {
            return CoroutineState::Complete(());
        }
        self.started = true;
        CoroutineState::Yielded(Syscall::Sleep(Duration::from_secs(3600)))
    }
}

#[test]
fn kill_drops_the_tasks_locals_at_once() {
    let drops = DropCounter::default();
    let mut sched = Scheduler::new().unwrap();
    let victim = sched.spawn(Guarded {
        _guard: drops.guard(),
        started: false,
    });
    // The killer checks the counter right after its kill returns, before anything else runs.
    let d = drops.clone();
    let killer = sched
        .spawn(yield_now().then(move |()| kill(victim).map(move |result| (result, d.count()))));
    let t0 = std::time::Instant::now();
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    assert!(t0.elapsed() < Duration::from_secs(5));
    assert_eq!(sched.take_result(killer), Ok((Ok(()), 1)));
    assert_eq!(drops.count(), 1);
    assert_eq!(
        sched.take_result(victim),
        Err(WaitError::Killed {
            target: victim.id(),
            by: Some(killer.id())
        })
    );
}

#[test]
fn killing_from_outside_drops_at_once_too() {
    let drops = DropCounter::default();
    let mut sched = Scheduler::new().unwrap();
    let victim = sched.spawn(Guarded {
        _guard: drops.guard(),
        started: false,
    });
    sched.run_for(MS).unwrap();
    assert_eq!(drops.count(), 0);
    sched.kill(victim).unwrap();
    assert_eq!(drops.count(), 1);
    assert!(sched.is_empty());
}

#[test]
fn a_killed_tasks_waiter_learns_it_was_killed() {
    let mut sched = Scheduler::new().unwrap();
    let victim = sched.spawn(sleep(Duration::from_secs(3600)));
    let waiter = sched.spawn(wait(victim));
    let killer = sched.spawn(sleep(MS * 5).then(move |()| kill(victim)));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(sched.take_result(killer), Ok(Ok(())));
    assert_eq!(
        sched.take_result(waiter),
        Ok(Err(WaitError::Killed {
            target: victim.id(),
            by: Some(killer.id())
        }))
    );
}

#[test]
fn killing_a_waiting_task_releases_its_target() {
    // waiter waits for `slow`, is killed; afterwards another task may wait for `slow`.
    let mut sched = Scheduler::new().unwrap();
    let slow = sched.spawn(sleep(MS * 100).map(|()| 1_u8));
    let first = sched.spawn(wait(slow));
    let second = sched.spawn(
        yield_now()
            .then(move |()| kill(first))
            .then(move |killed| wait(slow).map(move |r| (killed, r))),
    );
    sched.run().unwrap();
    assert_eq!(sched.take_result(second), Ok((Ok(()), Ok(1))));
    assert!(matches!(
        sched.take_result(first),
        Err(WaitError::Killed { .. })
    ));
}

#[test]
fn a_task_can_kill_itself() {
    let drops = DropCounter::default();
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let (guard, l) = (drops.guard(), log.clone());
    let suicidal = sched.spawn(get_tid().then(move |me| {
        let _keep = guard;
        kill(me).map(move |_| l.push("after own kill: unreachable"))
    }));
    sched.run().unwrap();
    assert!(log.lines().is_empty());
    assert_eq!(drops.count(), 1);
    assert_eq!(
        sched.take_result(suicidal),
        Err(WaitError::Killed {
            target: suicidal.id(),
            by: Some(suicidal.id())
        })
    );
}

#[test]
fn kill_errors() {
    let mut sched = Scheduler::new().unwrap();
    let finished = sched.spawn(yield_now());
    sched.run().unwrap();
    let unknown = TaskId::new(999);
    let killer = sched.spawn(kill(unknown).then(move |a| kill(finished).map(move |b| (a, b))));
    sched.run().unwrap();
    assert_eq!(
        sched.take_result(killer),
        Ok((
            Err(KillError::Unknown(unknown)),
            Err(KillError::Finished(finished.id()))
        ))
    );
    assert_eq!(
        sched.kill(TaskId::new(0)),
        Err(KillError::Unknown(TaskId::new(0)))
    );
    assert_eq!(sched.kill(killer), Err(KillError::Finished(killer.id())));
    assert_eq!(
        KillError::Finished(TaskId::new(3)).to_string(),
        "cannot kill task 3: it has already finished"
    );
}

#[test]
fn wait_errors_unknown_finished_and_self() {
    let mut sched = Scheduler::new().unwrap();
    let finished = sched.spawn(yield_now());
    sched.run().unwrap();
    sched.take_result(finished).unwrap(); // collected
    let unknown = TaskId::new(999);
    let waiter = sched.spawn(
        wait(unknown)
            .then(move |a| wait(finished).map(move |b| (a.map(drop), b)))
            .then(|(a, b)| get_tid().then(move |me| wait(me).map(move |c| (a, b, c.map(drop))))),
    );
    sched.run().unwrap();
    let me = waiter.id();
    assert_eq!(
        sched.take_result(waiter),
        Ok((
            Err(WaitError::Unknown(unknown)),
            Err(WaitError::Finished(finished.id())),
            Err(WaitError::WaitOnSelf(me)),
        ))
    );
}

#[test]
fn only_one_task_may_wait_for_a_task() {
    let mut sched = Scheduler::new().unwrap();
    let slow = sched.spawn(sleep(MS * 10).map(|()| "v"));
    let first = sched.spawn(wait(slow));
    let second = sched.spawn(wait(slow));
    sched.run().unwrap();
    assert_eq!(sched.take_result(first), Ok(Ok("v")));
    assert_eq!(
        sched.take_result(second),
        Ok(Err(WaitError::AlreadyWaited {
            target: slow.id(),
            waiter: Some(first.id())
        }))
    );
}

#[test]
fn waiting_in_a_cycle_is_refused() {
    // 1 waits for 2, 2 waits for 3, then 3 tries to wait for 1.
    let mut sched = Scheduler::new().unwrap();
    let (t1, t2, t3) = (TaskId::new(1), TaskId::new(2), TaskId::new(3));
    let a = sched.spawn(wait(t2));
    sched.spawn(wait(t3));
    let seen = std::rc::Rc::new(std::cell::RefCell::new(None));
    let s = seen.clone();
    sched.spawn(yield_now().then(move |()| wait(t1)).map(move |r| {
        *s.borrow_mut() = Some(r.map(drop));
    }));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    let err = seen.borrow_mut().take().unwrap().unwrap_err();
    assert_eq!(
        err,
        WaitError::Deadlock {
            target: t1,
            cycle: vec![t1, t2, t3]
        }
    );
    assert_eq!(
        err.to_string(),
        "cannot wait for task 1: it would deadlock (task 1 waits for task 2 waits for task 3 \
         waits for task 1)"
    );
    // c finished, so b and then a got their outcomes and everything ended.
    assert!(sched.take_result(a).unwrap().is_ok());
}

#[test]
fn take_result_errors() {
    let mut sched = Scheduler::new().unwrap();
    let t = sched.spawn(sleep(MS));
    assert_eq!(sched.take_result(t), Err(WaitError::NotFinished(t.id())));
    assert_eq!(
        sched.take_result(TaskId::new(50)).unwrap_err(),
        WaitError::Unknown(TaskId::new(50))
    );
    sched.run().unwrap();
    assert_eq!(sched.take_result(t), Ok(()));
    assert_eq!(sched.take_result(t), Err(WaitError::Finished(t.id())));
}

#[test]
fn a_handle_from_another_scheduler_cannot_downcast_wrongly() {
    let mut other = Scheduler::new().unwrap();
    let foreign: TaskHandle<String> = other.spawn(done(String::new()));
    let mut sched = Scheduler::new().unwrap();
    sched.spawn(done(5_u32)); // task 1 here returns a u32
    sched.run().unwrap();
    assert_eq!(
        sched.take_result(foreign),
        Err(WaitError::Unknown(foreign.id()))
    );
}

/// A hand-written task that keeps the default `start` and so gets `Reply::Start` first.
struct NoStart {
    first: Option<String>,
}

impl Coroutine<Reply> for NoStart {
    type Yield = Syscall;
    type Return = String;
    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, String> {
        match self.first.take() {
            None => {
                self.first = Some(format!("{reply:?}"));
                CoroutineState::Yielded(Syscall::GetTid)
            }
            Some(first) => CoroutineState::Complete(format!("{first} then {reply:?}")),
        }
    }
}

#[test]
fn tasks_without_start_are_started_with_reply_start() {
    let mut sched = Scheduler::new().unwrap();
    let t = sched.spawn(NoStart { first: None });
    sched.run().unwrap();
    assert_eq!(sched.take_result(t).unwrap(), "Start then Tid(TaskId(1))");
}

#[test]
fn helpers_start_once_and_yield_their_syscall() {
    let mut c = sleep(MS);
    assert!(matches!(c.start(), Some(CoroutineState::Yielded(Syscall::Sleep(d))) if d == MS));
    assert!(c.start().is_none());
    assert!(matches!(
        c.resume(Reply::Done),
        CoroutineState::Complete(())
    ));

    let mut c = kill(TaskId::new(3));
    assert!(matches!(c.start(), Some(CoroutineState::Yielded(Syscall::Kill(id))) if id.get() == 3));
    assert!(c.start().is_none());

    let mut c = spawn(yield_now());
    assert!(matches!(
        c.start(),
        Some(CoroutineState::Yielded(Syscall::Spawn(_)))
    ));
    match c.resume(Reply::Spawned(TaskId::new(8))) {
        CoroutineState::Complete(handle) => assert_eq!(handle.id(), TaskId::new(8)),
        CoroutineState::Yielded(call) => panic!("unexpected {call:?}"),
    }

    let mut c = wait(TaskId::new(2));
    assert!(matches!(
        c.start(),
        Some(CoroutineState::Yielded(Syscall::Wait(_)))
    ));
    assert!(c.start().is_none());

    // A first `resume` starts too, ignoring its argument (as generated coroutines do).
    let mut c = get_tid();
    assert!(matches!(
        c.resume(Reply::Done),
        CoroutineState::Yielded(Syscall::GetTid)
    ));
    let mut c = stop();
    assert!(matches!(
        c.resume(Reply::Start),
        CoroutineState::Yielded(Syscall::Stop)
    ));
}

#[test]
fn a_helper_given_the_wrong_reply_panics_inside_its_task_only() {
    // A hand-written task that answers its own sub-call with the wrong reply.
    struct Confused(coro_runtime::scheduler::Call<TaskId>);
    impl Coroutine<Reply> for Confused {
        type Yield = Syscall;
        type Return = TaskId;
        fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, TaskId> {
            self.0.start();
            self.0.resume(Reply::Done)
        }
    }
    let mut sched = Scheduler::new().unwrap();
    let bad = sched.spawn(Confused(get_tid()));
    let good = sched.spawn(get_tid());
    sched.run().unwrap();
    match sched.take_result(bad) {
        Err(WaitError::Panicked { message, .. }) => {
            assert!(
                message.contains("`get_tid` was resumed with Done"),
                "{message}"
            )
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(sched.take_result(good), Ok(good.id()));
}

#[test]
fn stats_and_debug_output() {
    let mut sched = Scheduler::new().unwrap();
    let busy = sched.spawn(looping(0, |i| {
        yield_now()
            .map(move |()| {
                if i == 9 {
                    ControlFlow::Break(i)
                } else {
                    ControlFlow::Continue(i + 1)
                }
            })
            .boxed()
    }));
    let nap = sched.spawn(sleep(Duration::from_secs(3600)));
    sched.run_for(MS * 5).unwrap();
    assert_eq!(sched.stats(busy.id()).unwrap().resumes, 11);
    assert_eq!(sched.stats(nap.id()).unwrap().resumes, 1);
    assert_eq!(sched.task_ids(), [nap.id()]);
    let debug = format!("{sched:?}");
    assert!(debug.contains("TaskId(2): (Some(Sleeping"), "{debug}");
    assert!(debug.contains("finished: [TaskId(1)]"), "{debug}");
    assert_eq!(sched.stats(TaskId::new(77)), None);
}

/// A handle names a task of the scheduler that spawned it: on another scheduler, whose
/// task 1 has the same return type, it is unknown rather than that other task.
#[test]
fn a_handle_of_another_scheduler_is_unknown() {
    let mut a = Scheduler::new().unwrap();
    let mut b = Scheduler::new().unwrap();
    let from_a = a.spawn(get_tid());
    let from_b = b.spawn(get_tid());
    assert_eq!(from_a.id(), from_b.id()); // both are task 1
    a.run().unwrap();
    b.run().unwrap();
    assert_eq!(b.take_result(from_a), Err(WaitError::Unknown(from_a.id())));
    assert_eq!(b.take_result(from_b), Ok(from_b.id()));
    // Inside a task of `a`, waiting on `b`'s handle is unknown too; a bare id still works.
    let other = b.spawn(get_tid());
    let here = a.spawn(get_tid());
    let waiter = a.spawn(
        wait(other).then(move |foreign| wait(here.id()).map(move |own| (foreign, own.is_ok()))),
    );
    a.run().unwrap();
    let (foreign, own) = a.take_result(waiter).unwrap();
    assert_eq!(foreign.unwrap_err(), WaitError::Unknown(other.id()));
    assert!(own);
}

/// `kill` with a handle of another scheduler kills nothing here, even where a task has
/// the same number: from outside (`Scheduler::kill`) and from a task (`kill`).
#[test]
fn killing_with_a_handle_of_another_scheduler_kills_nothing() {
    let mut a = Scheduler::new().unwrap();
    let mut b = Scheduler::new().unwrap();
    let from_a = a.spawn(sleep(MS * 50));
    let sleeper_b = b.spawn(sleep(MS * 50)); // task 1 of b, like from_a in a
    assert_eq!(from_a.id(), sleeper_b.id());
    assert_eq!(b.kill(from_a), Err(KillError::Unknown(from_a.id())));
    assert!(b.state(sleeper_b.id()).is_some());
    // From inside a task of `b`.
    let killer = b.spawn(kill(from_a));
    b.run().unwrap();
    assert_eq!(
        b.take_result(killer),
        Ok(Err(KillError::Unknown(from_a.id())))
    );
    assert_eq!(b.take_result(sleeper_b), Ok(()));
    // The handle still works where it belongs.
    assert_eq!(a.kill(from_a), Ok(()));
}
