//! Task identity, the boxed task the scheduler stores, and what it tells about each task.

use core::any::{Any, type_name};
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;
use std::boxed::Box;
use std::time::{Duration, Instant};

use super::syscall::{Interest, Reply, Syscall, WaitError};
use crate::{Coroutine, CoroutineState};

/// The identity of a task in one [`Scheduler`](super::Scheduler): Beazley's `tid`.
///
/// Ids are handed out in spawn order starting at 1 and never reused by the scheduler that
/// issued them, so an id that was valid once can only ever mean that task (or, after it
/// finished, nothing). Ids of different schedulers are unrelated numbers: do not mix them.
///
/// `Display` prints `task N`, which reads well in error messages.
///
/// ```
/// use coro_runtime::scheduler::TaskId;
///
/// let id = TaskId::new(3);
/// assert_eq!(id.get(), 3);
/// assert_eq!(id.to_string(), "task 3");
/// assert_eq!(format!("{id:?}"), "TaskId(3)");
/// assert!(TaskId::new(1) < id);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TaskId(u64);

impl TaskId {
    /// The id with this number. Useful in tests and for ids read back from logs; a number
    /// the scheduler never handed out just gets [`KillError::Unknown`](super::KillError) or
    /// [`WaitError::Unknown`] replies.
    ///
    /// ```
    /// use coro_runtime::scheduler::TaskId;
    /// assert_eq!(TaskId::new(7).get(), 7);
    /// ```
    pub const fn new(raw: u64) -> TaskId {
        TaskId(raw)
    }

    /// The number inside the id.
    ///
    /// ```
    /// use coro_runtime::scheduler::TaskId;
    /// assert_eq!(TaskId::new(42).get(), 42);
    /// ```
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TaskId({})", self.0)
    }
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "task {}", self.0)
    }
}

/// A [`TaskId`] that also remembers the task's return type `R`, so that
/// [`wait`](super::wait) and [`Scheduler::take_result`](super::Scheduler::take_result) hand
/// out an `R` instead of a `Box<dyn Any>`.
///
/// Only [`spawn`](super::spawn()) and [`Scheduler::spawn`](super::Scheduler::spawn) make
/// handles, so within one scheduler the type is always right. It is `Copy`: any number of
/// tasks may hold it, and `kill` accepts it wherever it accepts a `TaskId`.
///
/// ```
/// use coro_runtime::scheduler::{get_tid, Scheduler, TaskHandle, TaskId};
///
/// let mut sched = Scheduler::new()?;
/// // `get_tid()` is itself a task: it asks for its own id and returns it.
/// let handle: TaskHandle<TaskId> = sched.spawn(get_tid());
/// sched.run()?;
/// let id: TaskId = sched.take_result(handle)?;
/// assert_eq!(id, handle.id());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct TaskHandle<R> {
    id: TaskId,
    /// The scheduler that spawned the task (see `run::current_scheduler`): a handle is
    /// only good with it.
    scheduler: u64,
    marker: PhantomData<fn() -> R>,
}

impl<R> TaskHandle<R> {
    pub(super) fn new(id: TaskId, scheduler: u64) -> Self {
        TaskHandle {
            id,
            scheduler,
            marker: PhantomData,
        }
    }

    /// The task's id.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Scheduler};
    ///
    /// let mut sched = Scheduler::new()?;
    /// let a = sched.spawn(yield_now());
    /// let b = sched.spawn(yield_now());
    /// assert_eq!((a.id().get(), b.id().get()), (1, 2));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn id(self) -> TaskId {
        self.id
    }
}

impl<R> Clone for TaskHandle<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for TaskHandle<R> {}

impl<R> PartialEq for TaskHandle<R> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<R> Eq for TaskHandle<R> {}

impl<R> Hash for TaskHandle<R> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl<R> fmt::Debug for TaskHandle<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TaskHandle<{}>({})", type_name::<R>(), self.id.0)
    }
}

impl<R> From<TaskHandle<R>> for TaskId {
    fn from(handle: TaskHandle<R>) -> TaskId {
        handle.id
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::TaskId {}
    impl<R> Sealed for super::TaskHandle<R> {}
}

/// What [`wait`](super::wait) and [`Scheduler::take_result`](super::Scheduler::take_result)
/// accept: a [`TaskHandle<R>`] (the result comes out as `R`) or a bare [`TaskId`] (it
/// comes out as `Box<dyn Any>`, for code that keeps ids of tasks of many types).
///
/// Sealed: only those two types implement it.
///
/// ```
/// use coro_runtime::scheduler::{Joinable, TaskId};
///
/// fn id_of(target: impl Joinable) -> TaskId {
///     target.task_id()
/// }
/// assert_eq!(id_of(TaskId::new(5)), TaskId::new(5));
/// ```
pub trait Joinable: sealed::Sealed {
    /// What a finished task's return value is turned into.
    type Output;

    /// The id of the task to wait for.
    ///
    /// ```
    /// use coro_runtime::scheduler::{Joinable, TaskId};
    /// assert_eq!(TaskId::new(2).task_id().get(), 2);
    /// ```
    fn task_id(&self) -> TaskId;

    /// Turns the type-erased return value into [`Output`](Joinable::Output).
    ///
    /// ```
    /// use coro_runtime::scheduler::{Joinable, TaskId};
    /// let value = TaskId::new(2).downcast(Box::new(5_u8)).unwrap();
    /// assert_eq!(value.downcast_ref::<u8>(), Some(&5));
    /// ```
    fn downcast(&self, value: Box<dyn Any>) -> Result<Self::Output, WaitError>;

    /// The scheduler a handle belongs to (0: any, for a bare id). Not a public API.
    #[doc(hidden)]
    fn scheduler_tag(&self) -> u64 {
        0
    }
}

impl Joinable for TaskId {
    type Output = Box<dyn Any>;

    fn task_id(&self) -> TaskId {
        *self
    }

    fn downcast(&self, value: Box<dyn Any>) -> Result<Box<dyn Any>, WaitError> {
        Ok(value)
    }
}

impl<R: 'static> Joinable for TaskHandle<R> {
    type Output = R;

    fn task_id(&self) -> TaskId {
        self.id
    }

    fn scheduler_tag(&self) -> u64 {
        self.scheduler
    }

    fn downcast(&self, value: Box<dyn Any>) -> Result<R, WaitError> {
        match value.downcast::<R>() {
            Ok(value) => Ok(*value),
            // Only reachable with a handle from another scheduler.
            Err(_) => Err(WaitError::TypeMismatch {
                target: self.id,
                expected: type_name::<R>(),
            }),
        }
    }
}

/// The coroutine type the scheduler stores: any task, with its return value boxed.
pub(super) type BoxedTask = Box<dyn Coroutine<Reply, Yield = Syscall, Return = Box<dyn Any>>>;

/// A task that may move to another thread, and whose return value may too: what
/// [`Task::new`] makes. It is also a [`BoxedTask`] (by upcasting), so the single-threaded
/// scheduler runs it like any other; the tokio backend uses the `_send` methods, which
/// keep the return value `Send`.
pub(super) trait SendTask:
    Coroutine<Reply, Yield = Syscall, Return = Box<dyn Any>> + Send
{
    /// [`Coroutine::resume`], with the return value boxed as `Send`.
    #[cfg_attr(not(all(feature = "tokio", unix)), allow(dead_code))]
    fn resume_send(&mut self, reply: Reply) -> CoroutineState<Syscall, Box<dyn Any + Send>>;

    /// [`Coroutine::start`], with the return value boxed as `Send`.
    #[cfg_attr(not(all(feature = "tokio", unix)), allow(dead_code))]
    fn start_send(&mut self) -> Option<CoroutineState<Syscall, Box<dyn Any + Send>>>;
}

/// A boxed [`SendTask`].
pub(super) type SendBoxedTask = Box<dyn SendTask>;

/// `task`, boxed to move between threads: what [`Task::new`] holds.
pub(super) fn boxed_send<C>(task: C) -> SendBoxedTask
where
    C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
    C::Return: Send + 'static,
{
    Box::new(Erased(task))
}

/// What a [`Task`] holds: a task that must stay on its thread, or one that may move.
enum Body {
    Local(BoxedTask),
    Send(SendBoxedTask),
}

/// A task on its way into a scheduler: the payload of [`Syscall::Spawn`].
///
/// A task is any `Coroutine<Reply, Yield = Syscall>`. [`Task::new`] boxes one that is
/// `Send` (with a `Send` return value), which runs on every backend, the multi-threaded
/// tokio one included; [`Task::local`] boxes any task, for the single-threaded
/// [`Scheduler`](super::Scheduler) only. Both erase the return type to `Box<dyn Any>`; the
/// typed [`spawn`](super::spawn()) helper gives the type back through a [`TaskHandle`].
/// Hand-written coroutines that yield `Syscall::Spawn` themselves build one of these.
///
/// ```
/// use coro_runtime::scheduler::{yield_now, Task};
///
/// let task = Task::new(yield_now());
/// assert!(!task.is_detached());
/// assert!(!task.is_local());
/// assert!(task.detached().is_detached());
/// ```
pub struct Task {
    body: Body,
    pub(super) detached: bool,
}

impl Task {
    /// Boxes `task` for a scheduler. The task and its return value must be `Send`, so
    /// that it can run on any backend; [`Task::local`] takes any task.
    ///
    /// ```
    /// use coro_runtime::scheduler::{sleep, Task};
    /// use std::time::Duration;
    ///
    /// let task = Task::new(sleep(Duration::from_millis(5)));
    /// # let _ = task;
    /// ```
    pub fn new<C>(task: C) -> Task
    where
        C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
        C::Return: Send + 'static,
    {
        Task::from_send(boxed_send(task))
    }

    /// Boxes `task`, which need not be `Send` (it may hold an `Rc`), for the
    /// single-threaded [`Scheduler`](super::Scheduler). The tokio backend cannot run it.
    ///
    /// ```
    /// use coro_runtime::scheduler::{get_tid, Task};
    ///
    /// let task = Task::local(get_tid());
    /// assert!(task.is_local());
    /// ```
    pub fn local<C>(task: C) -> Task
    where
        C: Coroutine<Reply, Yield = Syscall> + 'static,
        C::Return: 'static,
    {
        Task {
            body: Body::Local(Box::new(Erased(task))),
            detached: false,
        }
    }

    pub(super) fn from_send(coro: SendBoxedTask) -> Task {
        Task {
            body: Body::Send(coro),
            detached: false,
        }
    }

    /// Whether the task was made by [`Task::local`], so that only the single-threaded
    /// scheduler can run it.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Task};
    /// assert!(Task::local(yield_now()).is_local());
    /// assert!(!Task::new(yield_now()).is_local());
    /// ```
    pub fn is_local(&self) -> bool {
        matches!(self.body, Body::Local(_))
    }

    /// Marks the task detached: when it finishes with nobody waiting for it, its outcome is
    /// dropped instead of being kept for a later [`wait`](super::wait). Use it for tasks
    /// nobody will wait for (a server's per-connection handlers), so that a long-running
    /// scheduler does not keep one record per finished task.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Task};
    /// assert!(Task::new(yield_now()).detached().is_detached());
    /// ```
    pub fn detached(mut self) -> Task {
        self.detached = true;
        self
    }

    /// Whether [`detached`](Task::detached) was called.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Task};
    /// assert!(!Task::new(yield_now()).is_detached());
    /// ```
    pub fn is_detached(&self) -> bool {
        self.detached
    }

    /// The task as the single-threaded scheduler stores it.
    pub(super) fn into_boxed(self) -> BoxedTask {
        match self.body {
            Body::Local(coro) => coro,
            Body::Send(coro) => coro,
        }
    }

    /// The task as a multi-threaded backend needs it, unless it is [local](Task::local).
    #[cfg_attr(not(all(feature = "tokio", unix)), allow(dead_code))]
    pub(super) fn into_send(self) -> Option<SendBoxedTask> {
        match self.body {
            Body::Local(_) => None,
            Body::Send(coro) => Some(coro),
        }
    }
}

impl fmt::Debug for Task {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Task")
            .field("detached", &self.detached)
            .field("local", &self.is_local())
            .finish_non_exhaustive()
    }
}

/// Boxes the return value of a task so tasks of any return type fit in one scheduler.
struct Erased<C>(C);

impl<C> Coroutine<Reply> for Erased<C>
where
    C: Coroutine<Reply, Yield = Syscall>,
    C::Return: 'static,
{
    type Yield = Syscall;
    type Return = Box<dyn Any>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, Box<dyn Any>> {
        erase(self.0.resume(reply))
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, Box<dyn Any>>> {
        self.0.start().map(erase)
    }
}

impl<C> SendTask for Erased<C>
where
    C: Coroutine<Reply, Yield = Syscall> + Send,
    C::Return: Send + 'static,
{
    fn resume_send(&mut self, reply: Reply) -> CoroutineState<Syscall, Box<dyn Any + Send>> {
        erase_send(self.0.resume(reply))
    }

    fn start_send(&mut self) -> Option<CoroutineState<Syscall, Box<dyn Any + Send>>> {
        self.0.start().map(erase_send)
    }
}

fn erase_send<R: Send + 'static>(
    state: CoroutineState<Syscall, R>,
) -> CoroutineState<Syscall, Box<dyn Any + Send>> {
    match state {
        CoroutineState::Yielded(call) => CoroutineState::Yielded(call),
        CoroutineState::Complete(value) => CoroutineState::Complete(Box::new(value)),
    }
}

fn erase<R: 'static>(state: CoroutineState<Syscall, R>) -> CoroutineState<Syscall, Box<dyn Any>> {
    match state {
        CoroutineState::Yielded(call) => CoroutineState::Yielded(call),
        CoroutineState::Complete(value) => CoroutineState::Complete(Box::new(value)),
    }
}

/// Per-task counters, for debugging: see [`Scheduler::stats`](super::Scheduler::stats).
///
/// ```
/// use coro_runtime::scheduler::{sleep, Scheduler};
/// use std::time::Duration;
///
/// let mut sched = Scheduler::new()?;
/// let nap = sched.spawn(sleep(Duration::from_millis(5)));
/// sched.run()?;
/// // Kept while the task's outcome is kept (until a `wait` or `take_result` collects it).
/// let stats = sched.stats(nap.id()).unwrap();
/// assert_eq!(stats.resumes, 2); // the start, and the wake-up
/// assert!(stats.slept >= Duration::from_millis(5));
/// assert_eq!(stats.io_waits, 0);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TaskStats {
    /// How many times the scheduler resumed the task (its start included).
    pub resumes: u64,
    /// Total time spent asleep in [`Syscall::Sleep`] / [`Syscall::SleepUntil`], measured from
    /// the call to the wake-up; a sleep in progress counts up to now, and one cut short by
    /// a kill up to the kill.
    pub slept: Duration,
    /// How many times the task waited for a socket to become readable or writable (the
    /// scheduler keeps 32 bits of it: the count stops at 4 294 967 295).
    pub io_waits: u64,
}

/// Where a task is, as told by [`Scheduler::state`](super::Scheduler::state).
///
/// ```
/// use coro_runtime::scheduler::{sleep, Scheduler, TaskState};
/// use std::time::Duration;
///
/// let mut sched = Scheduler::new()?;
/// let nap = sched.spawn(sleep(Duration::from_secs(60)));
/// assert_eq!(sched.state(nap.id()), Some(TaskState::Ready));
/// // Run briefly: the task starts and goes to sleep.
/// sched.run_for(Duration::from_millis(1))?;
/// assert!(matches!(sched.state(nap.id()), Some(TaskState::Sleeping { .. })));
/// sched.kill(nap)?;
/// assert_eq!(sched.state(nap.id()), Some(TaskState::Finished));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TaskState {
    /// In the ready queue (or not started yet).
    Ready,
    /// Asleep until `until` (`None`: a sleep too long to represent, i.e. forever). The
    /// scheduler keeps deadlines in nanoseconds from its creation: one 584 years or more
    /// after it counts as forever, and one before it reads as the moment of creation (it
    /// is due either way).
    Sleeping {
        /// When the task wakes.
        until: Option<Instant>,
    },
    /// Waiting for this task to finish.
    WaitingForTask(TaskId),
    /// Waiting for a socket to become readable or writable.
    WaitingForIo(Interest),
    /// Finished; its outcome is kept until a `wait` or `take_result` collects it.
    Finished,
}
