//! Typed system calls: sub-coroutines that yield one [`Syscall`] and return its typed result.

use core::fmt;
use core::mem;
use std::time::{Duration, Instant};

use super::syscall::{KillError, Reply, Syscall, WaitError};
use super::task::{Joinable, SendBoxedTask, Task, TaskHandle, TaskId, boxed_send};
use crate::{Coroutine, CoroutineState};

/// A system call in flight: a sub-coroutine that yields one [`Syscall`] and completes with
/// the typed answer `T`.
///
/// Returned by [`yield_now`], [`get_tid`], [`spawn`](spawn()), [`spawn_detached`], [`kill`],
/// [`sleep`], [`sleep_until`] and [`stop`]. With `#[coro::coroutine]` a task writes
/// `let tid = yield_from!(get_tid());`. A `Call` is also a task in its own right: spawning
/// `sleep(d)` spawns a task that sleeps and returns `()`.
///
/// It [starts](Coroutine::start) without a value (so `yield_from!` can start it), and so
/// does a first `resume`, whose argument is ignored as generated coroutines ignore it.
///
/// ```
/// use coro_runtime::scheduler::{get_tid, Reply, Syscall, TaskId};
/// use coro_runtime::{Coroutine, CoroutineState};
///
/// let mut call = get_tid();
/// assert!(matches!(call.start(), Some(CoroutineState::Yielded(Syscall::GetTid))));
/// assert!(call.start().is_none()); // started already
/// let me = TaskId::new(4);
/// assert!(matches!(call.resume(Reply::Tid(me)), CoroutineState::Complete(id) if id == me));
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct Call<T> {
    state: CallState,
    decode: fn(Reply) -> T,
}

enum CallState {
    Fresh(Request),
    Waiting,
    Done,
}

/// The system call a [`Call`] will yield, kept in a form that is `Send` (a [`Syscall`] is
/// not: it may carry a [local](Task::local) task), so that a task holding a `Call` across
/// a yield can move between threads.
enum Request {
    YieldNow,
    GetTid,
    Spawn(SendBoxedTask, bool),
    /// The task, and for a kill of a [`TaskHandle`], the tag of the scheduler that made
    /// the handle (`0`: any). Any other scheduler never spawned that task and answers
    /// `KillError::Unknown` at once; checked at the first resume, when the call runs in a
    /// scheduler.
    Kill(TaskId, u64),
    Sleep(Duration),
    SleepUntil(Instant),
    Stop,
    #[cfg(unix)]
    GetReactor,
}

impl Request {
    fn into_syscall(self) -> Syscall {
        match self {
            Request::YieldNow => Syscall::YieldNow,
            Request::GetTid => Syscall::GetTid,
            Request::Spawn(task, detached) => {
                let task = Task::from_send(task);
                Syscall::Spawn(if detached { task.detached() } else { task })
            }
            Request::Kill(id, _) => Syscall::Kill(id),
            Request::Sleep(duration) => Syscall::Sleep(duration),
            Request::SleepUntil(deadline) => Syscall::SleepUntil(deadline),
            Request::Stop => Syscall::Stop,
            #[cfg(unix)]
            Request::GetReactor => Syscall::GetReactor,
        }
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Request::YieldNow => f.write_str("YieldNow"),
            Request::GetTid => f.write_str("GetTid"),
            Request::Spawn(_, detached) => f
                .debug_tuple("Spawn")
                .field(&format_args!("Task {{ detached: {detached}, .. }}"))
                .finish(),
            Request::Kill(id, _) => f.debug_tuple("Kill").field(id).finish(),
            Request::Sleep(duration) => f.debug_tuple("Sleep").field(duration).finish(),
            Request::SleepUntil(deadline) => f.debug_tuple("SleepUntil").field(deadline).finish(),
            Request::Stop => f.write_str("Stop"),
            #[cfg(unix)]
            Request::GetReactor => f.write_str("GetReactor"),
        }
    }
}

impl<T> Call<T> {
    fn new(call: Request, decode: fn(Reply) -> T) -> Self {
        Call {
            state: CallState::Fresh(call),
            decode,
        }
    }
}

impl<T> Coroutine<Reply> for Call<T> {
    type Yield = Syscall;
    type Return = T;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, T> {
        match mem::replace(&mut self.state, CallState::Done) {
            CallState::Fresh(call) => {
                if let Request::Kill(id, scheduler) = &call
                    && *scheduler != 0
                {
                    let current = super::run::current_scheduler();
                    if current != 0 && current != *scheduler {
                        let answer = Reply::Kill(Err(KillError::Unknown(*id)));
                        return CoroutineState::Complete((self.decode)(answer));
                    }
                }
                self.state = CallState::Waiting;
                CoroutineState::Yielded(call.into_syscall())
            }
            CallState::Waiting => CoroutineState::Complete((self.decode)(reply)),
            CallState::Done => panic!("a system call coroutine was resumed after it completed"),
        }
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, T>> {
        match self.state {
            CallState::Fresh(_) => Some(self.resume(Reply::Start)),
            CallState::Waiting | CallState::Done => None,
        }
    }
}

impl<T> fmt::Debug for Call<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.state {
            CallState::Fresh(call) => f.debug_tuple("Call::Fresh").field(call).finish(),
            CallState::Waiting => f.write_str("Call::Waiting"),
            CallState::Done => f.write_str("Call::Done"),
        }
    }
}

/// The system call of [`spawn_local`] and [`spawn_local_detached`]: like a [`Call`], but
/// it carries a task that need not be `Send`, so it is not `Send` either.
///
/// ```
/// use coro_runtime::scheduler::{spawn_local, yield_now, Syscall};
/// use coro_runtime::{Coroutine, CoroutineState};
///
/// let mut call = spawn_local(yield_now());
/// match call.start() {
///     Some(CoroutineState::Yielded(Syscall::Spawn(task))) => assert!(task.is_local()),
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct SpawnLocal<T> {
    task: Option<Task>,
    waiting: bool,
    decode: fn(Reply) -> T,
}

impl<T> Coroutine<Reply> for SpawnLocal<T> {
    type Yield = Syscall;
    type Return = T;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, T> {
        if let Some(task) = self.task.take() {
            self.waiting = true;
            return CoroutineState::Yielded(Syscall::Spawn(task));
        }
        assert!(
            mem::replace(&mut self.waiting, false),
            "a system call coroutine was resumed after it completed"
        );
        CoroutineState::Complete((self.decode)(reply))
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, T>> {
        self.task.is_some().then(|| self.resume(Reply::Start))
    }
}

impl<T> fmt::Debug for SpawnLocal<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpawnLocal")
            .field("task", &self.task)
            .field("waiting", &self.waiting)
            .finish()
    }
}

/// The panic of a helper resumed with a reply that does not answer its system call: it
/// is being driven by something other than the scheduler. Inside a scheduler the panic
/// is caught and reported like any other.
#[cold]
#[inline(never)]
#[track_caller]
pub(super) fn unexpected(call: &str, reply: Reply) -> ! {
    panic!(
        "`{call}` was resumed with {reply:?}, which does not answer its system call; \
         system-call helpers must be driven by coro_runtime::scheduler::Scheduler"
    )
}

fn decode_done(reply: Reply) {
    match reply {
        Reply::Done => {}
        other => unexpected("yield_now/sleep/stop", other),
    }
}

fn decode_tid(reply: Reply) -> TaskId {
    match reply {
        Reply::Tid(id) => id,
        other => unexpected("get_tid", other),
    }
}

fn decode_spawned(reply: Reply) -> TaskId {
    match reply {
        Reply::Spawned(id) => id,
        other => unexpected("spawn", other),
    }
}

fn decode_handle<R>(reply: Reply) -> TaskHandle<R> {
    TaskHandle::new(decode_spawned(reply), super::run::current_scheduler())
}

fn decode_kill(reply: Reply) -> Result<(), KillError> {
    match reply {
        Reply::Kill(result) => result,
        other => unexpected("kill", other),
    }
}

/// Lets the other ready tasks run, then continues: Python's bare `yield` in Beazley's
/// round-robin scheduler.
///
/// ```
/// use coro_runtime::scheduler::{yield_now, Scheduler};
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(yield_now());
/// sched.run()?;
/// assert_eq!(sched.stats(t.id()).unwrap().resumes, 2);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn yield_now() -> Call<()> {
    Call::new(Request::YieldNow, decode_done)
}

/// Returns the calling task's own id (Beazley's `GetTid`).
///
/// ```
/// use coro_runtime::scheduler::{get_tid, Scheduler};
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(get_tid());
/// sched.run()?;
/// assert_eq!(sched.take_result(t)?, t.id());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn get_tid() -> Call<TaskId> {
    Call::new(Request::GetTid, decode_tid)
}

/// Starts `task` as a new task and returns a typed handle to it (Beazley's `NewTask`).
///
/// The new task goes to the back of the ready queue, and the caller after it. Waiting on
/// the handle gives back the task's return value as a `C::Return`.
///
/// The task and its return value must be `Send`, so that the same code runs on the
/// multi-threaded tokio backend too; on the single-threaded
/// [`Scheduler`](super::Scheduler), [`spawn_local`] takes any task.
///
/// ```
/// use coro_runtime::scheduler::{get_tid, spawn, Scheduler, TaskHandle, TaskId};
///
/// let mut sched = Scheduler::new()?;
/// // A task whose whole body is "spawn a get_tid() task and return its handle".
/// let parent = sched.spawn(spawn(get_tid()));
/// sched.run()?;
/// let child: TaskHandle<TaskId> = sched.take_result(parent)?;
/// assert_eq!(sched.take_result(child)?, child.id());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn spawn<C>(task: C) -> Call<TaskHandle<C::Return>>
where
    C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
    C::Return: Send + 'static,
{
    let task: SendBoxedTask = boxed_send(task);
    Call::new(Request::Spawn(task, false), decode_handle::<C::Return>)
}

/// Starts `task` as a [detached](Task::detached) task: nobody is expected to wait for it,
/// and its outcome is dropped when it finishes unwaited. Like [`spawn`](spawn()), it needs
/// a `Send` task; [`spawn_local_detached`] does not.
///
/// ```
/// use coro_runtime::scheduler::{spawn_detached, yield_now, Scheduler, WaitError};
///
/// let mut sched = Scheduler::new()?;
/// let parent = sched.spawn(spawn_detached(yield_now()));
/// sched.run()?;
/// let child = sched.take_result(parent)?;
/// assert_eq!(sched.take_result(child).unwrap_err(), WaitError::Finished(child));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn spawn_detached<C>(task: C) -> Call<TaskId>
where
    C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
    C::Return: Send + 'static,
{
    let task: SendBoxedTask = boxed_send(task);
    Call::new(Request::Spawn(task, true), decode_spawned)
}

/// [`spawn`](spawn()) for a task that need not be `Send` (it may share an `Rc` with its
/// parent): the single-threaded [`Scheduler`](super::Scheduler) runs it like any other,
/// but the tokio backend cannot, and ends the caller with
/// [`WaitError::Unsupported`](super::WaitError::Unsupported).
///
/// ```
/// use coro_runtime::scheduler::{spawn_local, yield_now, Scheduler};
///
/// let mut sched = Scheduler::new()?;
/// let parent = sched.spawn(spawn_local(yield_now()));
/// sched.run()?;
/// let child = sched.take_result(parent)?;
/// assert_eq!(sched.take_result(child)?, ());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn spawn_local<C>(task: C) -> SpawnLocal<TaskHandle<C::Return>>
where
    C: Coroutine<Reply, Yield = Syscall> + 'static,
    C::Return: 'static,
{
    SpawnLocal {
        task: Some(Task::local(task)),
        waiting: false,
        decode: decode_handle::<C::Return>,
    }
}

/// [`spawn_detached`] for a task that need not be `Send`: see [`spawn_local`].
///
/// ```
/// use coro_runtime::scheduler::{spawn_local_detached, yield_now, Scheduler, WaitError};
///
/// let mut sched = Scheduler::new()?;
/// let parent = sched.spawn(spawn_local_detached(yield_now()));
/// sched.run()?;
/// let child = sched.take_result(parent)?;
/// assert_eq!(sched.take_result(child).unwrap_err(), WaitError::Finished(child));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn spawn_local_detached<C>(task: C) -> SpawnLocal<TaskId>
where
    C: Coroutine<Reply, Yield = Syscall> + 'static,
    C::Return: 'static,
{
    SpawnLocal {
        task: Some(Task::local(task).detached()),
        waiting: false,
        decode: decode_spawned,
    }
}

/// Kills a task (Beazley's `KillTask`): it is removed at once and its locals are dropped,
/// so its drop guards run before this call returns. Killing yourself ends you.
///
/// Errors: [`KillError::Unknown`] for an id this scheduler never issued,
/// [`KillError::Finished`] for a task that has already finished.
///
/// ```
/// use coro_runtime::scheduler::{kill, sleep, Scheduler, TaskId, WaitError};
/// use std::time::Duration;
///
/// let mut sched = Scheduler::new()?;
/// let sleeper = sched.spawn(sleep(Duration::from_secs(3600)));
/// let killer = sched.spawn(kill(sleeper));
/// sched.run()?; // returns at once: the sleeper is gone
/// assert_eq!(sched.take_result(killer)?, Ok(()));
/// assert_eq!(
///     sched.take_result(sleeper).unwrap_err(),
///     WaitError::Killed { target: sleeper.id(), by: Some(killer.id()) },
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn kill(target: impl Joinable) -> Call<Result<(), KillError>> {
    // A handle of another scheduler names a task this one never spawned, whatever task
    // has the same number here.
    Call::new(
        Request::Kill(target.task_id(), target.scheduler_tag()),
        decode_kill,
    )
}

/// Sleeps for at least `duration` while other tasks run.
///
/// Sleepers sit in a min-heap keyed by wake time, so they wake in time order whatever
/// order they went to sleep in.
///
/// ```
/// use coro_runtime::scheduler::{sleep, Scheduler};
/// use std::time::{Duration, Instant};
///
/// let mut sched = Scheduler::new()?;
/// let t0 = Instant::now();
/// for ms in [30, 10, 20] {
///     sched.spawn(sleep(Duration::from_millis(ms)));
/// }
/// sched.run()?; // the three sleep at the same time
/// assert!(t0.elapsed() >= Duration::from_millis(30));
/// assert!(t0.elapsed() < Duration::from_millis(60 * 10));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn sleep(duration: Duration) -> Call<()> {
    Call::new(Request::Sleep(duration), decode_done)
}

/// Sleeps until `deadline`.
///
/// ```
/// use coro_runtime::scheduler::{sleep_until, Scheduler};
/// use std::time::{Duration, Instant};
///
/// let mut sched = Scheduler::new()?;
/// let wake = Instant::now() + Duration::from_millis(5);
/// sched.spawn(sleep_until(wake));
/// sched.run()?;
/// assert!(Instant::now() >= wake);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn sleep_until(deadline: Instant) -> Call<()> {
    Call::new(Request::SleepUntil(deadline), decode_done)
}

/// Asks the scheduler to stop: the current [`Scheduler::run`](super::Scheduler::run) returns
/// [`RunExit::StopRequested`](super::RunExit::StopRequested) and the caller continues on
/// the next run.
///
/// ```
/// use coro_runtime::scheduler::{stop, RunExit, Scheduler};
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(stop());
/// assert_eq!(sched.run()?, RunExit::StopRequested);
/// assert_eq!(sched.len(), 1); // the stopper is still there...
/// assert_eq!(sched.run()?, RunExit::AllDone); // ...and finishes on the next run
/// # let _ = t;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn stop() -> Call<()> {
    Call::new(Request::Stop, decode_done)
}

/// Gets the scheduler's [`Reactor`](super::Reactor), to
/// [register](super::Reactor::register) sockets with its poller once for their whole life.
///
/// ```
/// use coro_runtime::scheduler::{get_reactor, Scheduler};
/// use std::net::UdpSocket;
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(get_reactor());
/// sched.run()?;
/// let reactor = sched.take_result(t)?;
/// reactor.register(UdpSocket::bind("127.0.0.1:0")?)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(unix)]
pub fn get_reactor() -> Call<super::Reactor> {
    Call::new(Request::GetReactor, |reply| match reply {
        Reply::Reactor(reactor) => reactor,
        other => unexpected("get_reactor", other),
    })
}

/// Waits until a task finishes and takes its outcome (Beazley's `WaitTask`, returning the
/// task's return value as `yield from` does).
///
/// With a [`TaskHandle<R>`] the value comes out as `R`; with a bare [`TaskId`] as a
/// `Box<dyn Any>`. A task that finished before the wait still has its outcome kept (unless
/// it was detached or someone took it), so spawning and then waiting is never racy.
///
/// Errors, answered at once: [`WaitError::Unknown`], [`WaitError::Finished`] (outcome already
/// taken), [`WaitError::WaitOnSelf`], [`WaitError::AlreadyWaited`], [`WaitError::Deadlock`].
/// Errors that report how the task ended: [`WaitError::Killed`], [`WaitError::Panicked`].
///
/// ```
/// use coro_runtime::scheduler::{get_tid, wait, Scheduler, TaskId};
///
/// let mut sched = Scheduler::new()?;
/// let worker = sched.spawn(get_tid());
/// let waiter = sched.spawn(wait(worker));
/// sched.run()?;
/// let result: Result<TaskId, _> = sched.take_result(waiter)?;
/// assert_eq!(result, Ok(worker.id()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn wait<W: Joinable>(target: W) -> Wait<W> {
    Wait {
        state: WaitState::Fresh,
        target,
    }
}

/// The system call of [`wait`]: completes with the waited task's return value.
///
/// ```
/// use coro_runtime::scheduler::{wait, Reply, Syscall, TaskId};
/// use coro_runtime::{Coroutine, CoroutineState};
///
/// let mut call = wait(TaskId::new(2));
/// assert!(matches!(call.start(), Some(CoroutineState::Yielded(Syscall::Wait(id))) if id.get() == 2));
/// match call.resume(Reply::Wait(Ok(Box::new("done")))) {
///     CoroutineState::Complete(Ok(value)) => assert_eq!(value.downcast_ref(), Some(&"done")),
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct Wait<W> {
    state: WaitState,
    target: W,
}

enum WaitState {
    Fresh,
    Waiting,
    Done,
}

impl<W: Joinable> Coroutine<Reply> for Wait<W> {
    type Yield = Syscall;
    type Return = Result<W::Output, WaitError>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, Self::Return> {
        match mem::replace(&mut self.state, WaitState::Done) {
            WaitState::Fresh => {
                // A handle of another scheduler names a task this one never spawned,
                // whatever task has the same number here.
                let (tag, current) = (self.target.scheduler_tag(), super::run::current_scheduler());
                if tag != 0 && current != 0 && tag != current {
                    return CoroutineState::Complete(Err(WaitError::Unknown(
                        self.target.task_id(),
                    )));
                }
                self.state = WaitState::Waiting;
                CoroutineState::Yielded(Syscall::Wait(self.target.task_id()))
            }
            WaitState::Waiting => CoroutineState::Complete(match reply {
                Reply::Wait(Ok(value)) => self.target.downcast(value),
                Reply::Wait(Err(error)) => Err(error),
                other => unexpected("wait", other),
            }),
            WaitState::Done => panic!("a system call coroutine was resumed after it completed"),
        }
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, Self::Return>> {
        match self.state {
            WaitState::Fresh => Some(self.resume(Reply::Start)),
            WaitState::Waiting | WaitState::Done => None,
        }
    }
}

impl<W: Joinable> fmt::Debug for Wait<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            WaitState::Fresh => "Fresh",
            WaitState::Waiting => "Waiting",
            WaitState::Done => "Done",
        };
        f.debug_struct("Wait")
            .field("target", &self.target.task_id())
            .field("state", &state)
            .finish()
    }
}
