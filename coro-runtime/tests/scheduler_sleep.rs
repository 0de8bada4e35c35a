//! Sleeping in a min-heap of wake times (the seed's "Build this" exercise), deadlines and
//! stop requests.
//!
//! ```python
//! def sleep(seconds):
//!     yield ("sleep", time.monotonic() + seconds)
//!
//! def chatty(name, delay, times):
//!     for i in range(times):
//!         print(f"[{time.monotonic():.2f}] {name} #{i}")
//!         yield from sleep(delay)
//! ```

mod scheduler_common;

use std::cell::Cell;
use std::ops::ControlFlow;
use std::rc::Rc;
use std::time::{Duration, Instant};

use coro_runtime::scheduler::{
    RunExit, Scheduler, TaskState, sleep, sleep_until, stop, wait, yield_now,
};
use scheduler_common::{Log, TaskExt, done, looping};

const MS: Duration = Duration::from_millis(1);

/// sleep(ms), then log "woke {ms}" and return the time it woke.
fn napper(
    ms: u64,
    log: &Log,
) -> impl coro_runtime::Coroutine<
    coro_runtime::scheduler::Reply,
    Yield = coro_runtime::scheduler::Syscall,
    Return = Instant,
> + 'static {
    let log = log.clone();
    sleep(MS * ms as u32).map(move |()| {
        log.push(format!("woke {ms}"));
        Instant::now()
    })
}

#[test]
fn sleepers_wake_in_time_order_while_others_run() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let t0 = Instant::now();
    let naps: Vec<_> = [30, 10, 20].map(|ms| sched.spawn(napper(ms, &log))).into();

    // A busy task that keeps yielding until every napper is done, counting its turns.
    let turns = Rc::new(Cell::new(0_u64));
    let (t, l) = (turns.clone(), log.clone());
    sched.spawn(looping((), move |()| {
        t.set(t.get() + 1);
        let l = l.clone();
        yield_now()
            .map(move |()| {
                if l.lines().len() == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })
            .boxed()
    }));

    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(log.lines(), ["woke 10", "woke 20", "woke 30"]);
    for (nap, ms) in naps.into_iter().zip([30, 10, 20]) {
        let woke = sched.take_result(nap).unwrap();
        assert!(
            woke - t0 >= MS * ms,
            "task slept {ms} ms but woke after {:?}",
            woke - t0
        );
    }
    // The busy task kept running the whole time (thousands of turns in 30 ms).
    assert!(
        turns.get() > 100,
        "the busy task only ran {} times",
        turns.get()
    );
}

#[test]
fn sleepers_wake_in_time_order_when_nothing_else_runs() {
    // With no ready task the scheduler blocks in the poller until the next wake time.
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let t0 = Instant::now();
    let naps: Vec<_> = [30, 10, 20].map(|ms| sched.spawn(napper(ms, &log))).into();
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    let elapsed = t0.elapsed();
    assert_eq!(log.lines(), ["woke 10", "woke 20", "woke 30"]);
    assert!(elapsed >= MS * 30);
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    for nap in naps {
        sched.take_result(nap).unwrap();
    }
}

#[test]
fn chatty_tasks_interleave_by_wake_time() {
    // chatty("fast", 10 ms, 3) and chatty("slow", 60 ms, 2): fast #0, slow #0, fast #1,
    // fast #2 (20 ms), slow #1 (60 ms). Each sleep starts when its task resumes, so the
    // gap between fast #2 and slow #1 must outlast a loaded machine's scheduling delays.
    fn chatty(
        name: &'static str,
        delay_ms: u32,
        times: u32,
        log: &Log,
    ) -> impl coro_runtime::Coroutine<
        coro_runtime::scheduler::Reply,
        Yield = coro_runtime::scheduler::Syscall,
        Return = (),
    > + 'static {
        let log = log.clone();
        looping(0, move |i| {
            if i == times {
                return done(ControlFlow::Break(())).boxed();
            }
            log.push(format!("{name} #{i}"));
            sleep(MS * delay_ms)
                .map(move |()| ControlFlow::Continue(i + 1))
                .boxed()
        })
    }
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    sched.spawn(chatty("fast", 10, 3, &log));
    sched.spawn(chatty("slow", 60, 2, &log));
    sched.run().unwrap();
    assert_eq!(
        log.lines(),
        ["fast #0", "slow #0", "fast #1", "fast #2", "slow #1"]
    );
}

#[test]
fn equal_wake_times_keep_fifo_order() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let wake = Instant::now() + 5 * MS;
    for name in ["a", "b", "c"] {
        let l = log.clone();
        sched.spawn(sleep_until(wake).map(move |()| l.push(name)));
    }
    sched.run().unwrap();
    assert_eq!(log.lines(), ["a", "b", "c"]);
}

/// Ties are broken by id, not by when the sleep began: the sleep heap keeps only the
/// deadline and the id of each sleeper.
#[test]
fn equal_wake_times_wake_in_spawn_order() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let wake = Instant::now() + 5 * MS;
    let l = log.clone();
    // Spawned first, but falls asleep after "second" does.
    sched.spawn(
        yield_now()
            .then(move |()| sleep_until(wake))
            .map(move |()| l.push("first")),
    );
    let l = log.clone();
    sched.spawn(sleep_until(wake).map(move |()| l.push("second")));
    sched.run().unwrap();
    assert_eq!(log.lines(), ["first", "second"]);
}

#[test]
fn sleep_zero_and_past_deadlines_still_yield() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let l = log.clone();
    sched.spawn(sleep(Duration::ZERO).map(move |()| l.push("slept 0")));
    let l = log.clone();
    let past = Instant::now() - Duration::from_millis(1);
    sched.spawn(sleep_until(past).map(move |()| l.push("slept until past")));
    let l = log.clone();
    sched.spawn(yield_now().map(move |()| l.push("yielded")));
    sched.run().unwrap();
    assert_eq!(log.lines().len(), 3);
}

#[test]
fn stats_count_time_slept_and_resumes() {
    let mut sched = Scheduler::new().unwrap();
    let twice = sched.spawn(sleep(MS * 10).then(|()| sleep(MS * 10)));
    sched.run().unwrap();
    let stats = sched.stats(twice.id()).unwrap();
    assert_eq!(stats.resumes, 3);
    assert!(stats.slept >= MS * 20, "{stats:?}");
    assert!(stats.slept < Duration::from_secs(2), "{stats:?}");
}

#[test]
fn huge_sleeps_do_not_overflow_and_can_be_killed() {
    let mut sched = Scheduler::new().unwrap();
    let forever = sched.spawn(sleep(Duration::MAX));
    assert_eq!(sched.run_for(MS).unwrap(), RunExit::DeadlineReached);
    assert_eq!(
        sched.state(forever.id()),
        Some(TaskState::Sleeping { until: None })
    );
    sched.kill(forever).unwrap();
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
}

#[test]
fn run_until_a_deadline_then_resume() {
    let mut sched = Scheduler::new().unwrap();
    // The nap is long enough that a stalled machine cannot end it before the deadline.
    let nap = sched.spawn(sleep(MS * 1000));
    let t0 = Instant::now();
    assert_eq!(sched.run_for(MS * 10).unwrap(), RunExit::DeadlineReached);
    let first = t0.elapsed();
    assert!(first >= MS * 10 && first < MS * 1000, "{first:?}");
    assert!(matches!(
        sched.state(nap.id()),
        Some(TaskState::Sleeping { .. })
    ));
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    assert!(t0.elapsed() >= MS * 1000);
    assert_eq!(sched.take_result(nap), Ok(()));
}

#[test]
fn deadline_interrupts_busy_tasks_between_resumes() {
    let mut sched = Scheduler::new().unwrap();
    sched.spawn(looping((), |()| {
        yield_now().map(ControlFlow::<(), ()>::Continue).boxed()
    }));
    let t0 = Instant::now();
    assert_eq!(sched.run_for(MS * 20).unwrap(), RunExit::DeadlineReached);
    assert!(t0.elapsed() < Duration::from_secs(2));
    assert_eq!(sched.len(), 1);
}

#[test]
fn a_task_can_request_a_stop() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let l = log.clone();
    let stopper = sched.spawn(stop().map(move |()| l.push("stopper resumed")));
    let l = log.clone();
    sched.spawn(looping(0, move |i| {
        l.push(format!("worker {i}"));
        yield_now()
            .map(move |()| {
                if i == 3 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(i + 1)
                }
            })
            .boxed()
    }));
    assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
    // The stopper asked first; the worker had not run yet.
    assert!(log.lines().is_empty());
    assert_eq!(sched.state(stopper.id()), Some(TaskState::Ready));
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    assert_eq!(log.lines()[..2], ["worker 0", "stopper resumed"]);
}

#[test]
fn a_stop_handle_wakes_a_blocked_scheduler_from_another_thread() {
    let mut sched = Scheduler::new().unwrap();
    let nap = sched.spawn(sleep(Duration::from_secs(3600)));
    let handle = sched.stop_handle();
    let t0 = Instant::now();
    let thread = std::thread::spawn(move || {
        std::thread::sleep(MS * 30);
        handle.stop();
    });
    assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
    let elapsed = t0.elapsed();
    thread.join().unwrap();
    assert!(
        elapsed >= MS * 30 && elapsed < Duration::from_secs(5),
        "{elapsed:?}"
    );
    // The sleeper is still asleep, and a waiter for it can be killed off cleanly.
    let waiter = sched.spawn(wait(nap));
    assert_eq!(sched.run_for(MS * 5).unwrap(), RunExit::DeadlineReached);
    sched.kill(nap).unwrap();
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    assert!(matches!(
        sched.take_result(waiter).unwrap(),
        Err(coro_runtime::scheduler::WaitError::Killed { by: None, .. })
    ));
}

#[test]
fn killing_many_long_sleepers_keeps_the_heap_correct() {
    // A "timeout" pattern: many long sleeps killed early. The heap drops their stale
    // entries; the live sleepers still wake in order.
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let long: Vec<_> = (0..300)
        .map(|_| sched.spawn(sleep(Duration::from_secs(3600))))
        .collect();
    let late = sched.spawn(napper(40, &log));
    let early = sched.spawn(napper(10, &log));
    sched.run_for(MS).unwrap();
    for (i, t) in long.iter().enumerate() {
        sched.kill(*t).unwrap();
        if i == 150 {
            // Sleep again in between, so some sleepers are added after a compaction.
            sched.spawn(napper(15, &log));
        }
    }
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(log.lines(), ["woke 10", "woke 15", "woke 40"]);
    assert!(sched.take_result(early).unwrap() <= sched.take_result(late).unwrap());
}

#[test]
fn the_stop_handle_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync + Clone + std::fmt::Debug>() {}
    assert_send_sync::<coro_runtime::scheduler::StopHandle>();
}
