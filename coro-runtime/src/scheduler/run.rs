//! The scheduler itself: the task table, the ready queue, the main loop, timers and the
//! socket waits; [`super`] re-exports what is public.

use core::any::Any;
use core::cell::Cell;
use core::cmp::Reverse;
use core::fmt;
use core::hash::BuildHasherDefault;
use core::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::boxed::Box;
use std::collections::{BinaryHeap, HashMap, VecDeque};
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::string::{String, ToString};
use std::sync::Arc;
use std::time::{Duration, Instant};
use std::vec::Vec;

use polling::{Events, Poller};

use crate::{Coroutine, CoroutineState};

#[cfg(all(doc, unix))]
use super::calls::get_reactor;
#[cfg(doc)]
use super::calls::{kill, spawn, spawn_detached, wait};
#[cfg(unix)]
use super::io_wait::IoSource;
#[cfg(unix)]
use super::reactor::{self, Reactor};
use super::syscall::{Interest, KillError, Reply, Syscall, WaitError};
use super::table::{IdHasher, Table};
use super::task::{BoxedTask, Joinable, Task, TaskHandle, TaskId, TaskState, TaskStats};

/// Why [`Scheduler::run`] (or `run_until`, `run_for`) returned.
///
/// ```
/// use coro_runtime::scheduler::{RunExit, Scheduler};
///
/// let mut sched = Scheduler::new()?;
/// assert_eq!(sched.run()?, RunExit::AllDone); // no task at all
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RunExit {
    /// No task is left.
    AllDone,
    /// The deadline passed with tasks still alive; run again to go on.
    DeadlineReached,
    /// A task yielded [`Syscall::Stop`] or a [`StopHandle`] was used; run again to go on.
    StopRequested,
}

/// Asks a [`Scheduler`] to stop, from any thread: the current (or next) `run` returns
/// [`RunExit::StopRequested`]. A scheduler blocked waiting for sockets or timers is woken.
///
/// ```
/// use coro_runtime::scheduler::{sleep, RunExit, Scheduler};
/// use std::time::{Duration, Instant};
///
/// let mut sched = Scheduler::new()?;
/// sched.spawn(sleep(Duration::from_secs(3600)));
/// let handle = sched.stop_handle();
/// let t0 = Instant::now();
/// let stopper = std::thread::spawn(move || {
///     std::thread::sleep(Duration::from_millis(20));
///     handle.stop();
/// });
/// assert_eq!(sched.run()?, RunExit::StopRequested);
/// assert!(t0.elapsed() < Duration::from_secs(60));
/// stopper.join().unwrap();
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone)]
pub struct StopHandle {
    shared: Arc<Shared>,
}

impl StopHandle {
    /// Requests the stop and wakes the scheduler if it is blocked.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, RunExit, Scheduler};
    ///
    /// let mut sched = Scheduler::new()?;
    /// sched.spawn(yield_now());
    /// sched.stop_handle().stop(); // before the run: it returns at once
    /// assert_eq!(sched.run()?, RunExit::StopRequested);
    /// assert_eq!(sched.run()?, RunExit::AllDone);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stop(&self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // A failed wake-up only means the scheduler notices at its next timer or event.
        let _ = self.shared.poller.notify();
    }
}

impl fmt::Debug for StopHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StopHandle")
            .field("requested", &self.shared.stop.load(Ordering::SeqCst))
            .finish()
    }
}

/// What the scheduler shares with its [`StopHandle`]s.
pub(super) struct Shared {
    pub(super) stop: AtomicBool,
    pub(super) poller: Poller,
    /// The next key of a [`Registered`] socket (registered from any thread's `Reactor`).
    #[cfg_attr(not(unix), allow(dead_code))]
    pub(super) next_key: core::sync::atomic::AtomicUsize,
    /// Keys of registrations dropped since the scheduler last looked (their kept edges go).
    #[cfg_attr(not(unix), allow(dead_code))]
    pub(super) dropped: std::sync::Mutex<Vec<usize>>,
}

/// How a task ended, as [`Scheduler::on_exit`] reports it.
///
/// ```
/// use coro_runtime::scheduler::TaskExit;
///
/// let exit = TaskExit::Killed { by: None };
/// assert_ne!(exit, TaskExit::Returned);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskExit {
    /// It ran to its end.
    Returned,
    /// [`kill`](Scheduler::kill)ed, by the task `by` or from outside (`None`).
    Killed {
        /// The killer, when a task killed it.
        by: Option<TaskId>,
    },
    /// It panicked (while running, or while being dropped after it returned).
    Panicked {
        /// The panic's message.
        message: String,
    },
}

/// What [`Scheduler::on_exit`] stores.
type ExitHook = Box<dyn FnMut(TaskId, &TaskExit)>;

/// How a task ended, kept until a `wait` takes it.
enum Outcome {
    Returned(Box<dyn Any>),
    Killed(Option<TaskId>),
    Panicked(String),
}

impl Outcome {
    fn exit(&self) -> TaskExit {
        match self {
            Outcome::Returned(_) => TaskExit::Returned,
            Outcome::Killed(by) => TaskExit::Killed { by: *by },
            Outcome::Panicked(message) => TaskExit::Panicked {
                message: message.clone(),
            },
        }
    }

    fn into_result(self, id: TaskId) -> Result<Box<dyn Any>, WaitError> {
        match self {
            Outcome::Returned(value) => Ok(value),
            Outcome::Killed(by) => Err(WaitError::Killed { target: id, by }),
            Outcome::Panicked(message) => Err(WaitError::Panicked {
                target: id,
                message,
            }),
        }
    }
}

/// A finished task whose outcome nobody has taken yet.
struct Finished {
    outcome: Outcome,
    stats: TaskStats,
}

/// Where a live task is, and what a ready one is resumed with. The ready queue, the sleep
/// heap and the I/O table hold ids or keys; this state is the truth, and entries there that
/// disagree with it are stale.
///
/// A waiting task has no reply yet and a ready one is not waiting, so the reply lives in
/// the state rather than beside it: the answers of the switch path (`Done`, an id) inline,
/// any other boxed (a `Reply` is 40 bytes, and most tasks never get one).
enum State {
    /// Ready, not started yet: the first resume starts it.
    Start,
    /// Ready, to be resumed with [`Reply::Done`]; also the state of the running task.
    Done,
    /// Ready, to be resumed with [`Reply::Tid`].
    Tid(TaskId),
    /// Ready, to be resumed with [`Reply::Spawned`].
    Spawned(TaskId),
    /// Ready, to be resumed with any other reply.
    Reply(Box<Reply>),
    /// Asleep until this many nanoseconds after `Scheduler::epoch` ([`FOREVER`]: until
    /// killed), with an entry of that deadline in the sleep heap unless forever.
    Sleeping(u64),
    WaitingTask(TaskId),
    #[cfg(unix)]
    WaitingIo {
        key: usize,
        interest: Interest,
    },
    /// Waiting on a [`Registered`] socket, listed in `Scheduler::ready_waiters`.
    #[cfg(unix)]
    WaitingReady {
        key: usize,
        interest: Interest,
    },
}

impl State {
    /// The state of a task answered with `reply`.
    fn ready(reply: Reply) -> State {
        match reply {
            Reply::Done => State::Done,
            Reply::Tid(id) => State::Tid(id),
            Reply::Spawned(id) => State::Spawned(id),
            reply => State::Reply(Box::new(reply)),
        }
    }

    /// Whether the task is ready to be resumed.
    fn is_ready(&self) -> bool {
        matches!(
            self,
            State::Start | State::Done | State::Tid(_) | State::Spawned(_) | State::Reply(_)
        )
    }

    /// The reply a ready task is resumed with (`None`: start it), leaving it
    /// [`State::Done`] while it runs.
    fn take_reply(&mut self) -> Option<Reply> {
        match core::mem::replace(self, State::Done) {
            State::Start => None,
            State::Tid(id) => Some(Reply::Tid(id)),
            State::Spawned(id) => Some(Reply::Spawned(id)),
            State::Reply(reply) => Some(*reply),
            _ => Some(Reply::Done),
        }
    }

    /// The task this one waits for, if it does.
    fn waiting_for(&self) -> Option<TaskId> {
        match *self {
            State::WaitingTask(target) => Some(target),
            _ => None,
        }
    }
}

/// The deadline of a sleep that never ends (too long for the clock, or for 584 years of
/// nanoseconds).
const FOREVER: u64 = u64::MAX;

/// A live task. Its waiter, if any, is in `Scheduler::joiners`, so that the tasks nobody
/// waits for (most) do not carry the field.
struct Entry {
    coro: BoxedTask,
    state: State,
    resumes: u64,
    /// Nanoseconds asleep, counted without remembering when a sleep began: the clock (in
    /// nanoseconds since the epoch) is subtracted when the task falls asleep and added back
    /// when it wakes or is killed, wrapping in between. See [`Entry::stats`].
    slept: u64,
    /// Saturates (at 4 billion waits).
    io_waits: u32,
    detached: bool,
}

impl Entry {
    /// The counters, at `now` (nanoseconds since the epoch): a sleep in progress counts
    /// up to `now`.
    fn stats(&self, now: impl FnOnce() -> u64) -> TaskStats {
        let slept = match self.state {
            State::Sleeping(_) => self.slept.wrapping_add(now()),
            _ => self.slept,
        };
        TaskStats {
            resumes: self.resumes,
            slept: Duration::from_nanos(slept),
            io_waits: u64::from(self.io_waits),
        }
    }
}

/// What [`Scheduler::remove`] leaves of a task for its outcome.
struct Removed {
    joiner: Option<TaskId>,
    detached: bool,
    stats: TaskStats,
    /// The panic message, if dropping the task panicked.
    drop_panic: Option<String>,
}

#[cfg(unix)]
struct IoWaiter {
    task: TaskId,
    source: IoSource,
    interest: Interest,
}

/// What one poller event said, copied out so the scheduler can be mutated while handling it.
#[derive(Clone, Copy)]
#[cfg_attr(not(unix), allow(dead_code))]
struct Fired {
    key: usize,
    error: bool,
    hangup: bool,
    readable: bool,
    writable: bool,
}

/// The cooperative scheduler: a ready queue run round-robin, a sleep heap, and a poller.
///
/// Spawn tasks (any `Coroutine<Reply, Yield = Syscall>`), then [`run`](Scheduler::run) it.
/// See the [module documentation](super) for the design.
///
/// The scheduler is single-threaded: tasks need not be `Send`, and so the scheduler is not
/// `Send` either. Only a [`StopHandle`] crosses threads.
///
/// ```
/// use coro_runtime::scheduler::{get_tid, sleep, wait, RunExit, Scheduler};
/// use std::time::Duration;
///
/// let mut sched = Scheduler::new()?;
/// let sleeper = sched.spawn(sleep(Duration::from_millis(5)));
/// let who = sched.spawn(get_tid());
/// let waiter = sched.spawn(wait(sleeper));
/// assert_eq!(sched.run()?, RunExit::AllDone);
/// assert_eq!(sched.take_result(who)?, who.id());
/// assert_eq!(sched.take_result(waiter)?, Ok(()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Scheduler {
    tasks: Table<Entry>,
    /// The queued tasks, by id.
    ready: VecDeque<TaskId>,
    /// The sleepers, earliest deadline first (equal deadlines: the task spawned first).
    sleepers: BinaryHeap<Reverse<(u64, TaskId)>>,
    /// Where the scheduler's clock starts: deadlines are nanoseconds since then.
    epoch: Instant,
    /// The task waiting for each task that one waits for (target -> waiter).
    joiners: HashMap<TaskId, TaskId, BuildHasherDefault<IdHasher>>,
    /// Heap entries of sleepers that were killed, so the heap can be compacted.
    stale_sleepers: usize,
    finished: HashMap<TaskId, Finished>,
    next_id: u64,
    shared: Arc<Shared>,
    events: Events,
    fired: Vec<Fired>,
    #[cfg(unix)]
    io: HashMap<usize, IoWaiter>,
    #[cfg(unix)]
    next_key: usize,
    /// The tasks waiting on each [`Registered`] socket, by key; a key is here only while
    /// some task waits on it.
    #[cfg(unix)]
    ready_waiters: HashMap<usize, Vec<(TaskId, Interest)>>,
    /// Registered sockets that had a readable edge while no task waited for it: the next
    /// readable wait on them is answered at once.
    #[cfg(unix)]
    read_edges: std::collections::HashSet<usize>,
    exit_hook: Option<ExitHook>,
    /// This scheduler's number, unique in the process: its handles carry it.
    tag: u64,
}

/// The tag of the scheduler running tasks on this thread (0: none), so that a handle
/// made by `spawn` inside a task knows its scheduler.
pub(crate) fn current_scheduler() -> u64 {
    CURRENT_SCHEDULER.with(Cell::get)
}

std::thread_local! {
    static CURRENT_SCHEDULER: Cell<u64> = const { Cell::new(0) };
}

/// A new scheduler number, unique in the process (for any backend).
pub(super) fn next_tag() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Sets the current scheduler for the length of a `run`, restoring the previous one after
/// (also on unwinding: a scheduler may run inside a task of another).
pub(super) struct RunningOn(u64);

impl RunningOn {
    pub(super) fn enter(tag: u64) -> RunningOn {
        RunningOn(CURRENT_SCHEDULER.with(|c| c.replace(tag)))
    }
}

impl Drop for RunningOn {
    fn drop(&mut self) {
        CURRENT_SCHEDULER.with(|c| c.set(self.0));
    }
}

impl Scheduler {
    /// Creates an empty scheduler. Fails only if the OS poller cannot be created (out of
    /// file descriptors).
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    ///
    /// let sched = Scheduler::new()?;
    /// assert!(sched.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new() -> io::Result<Scheduler> {
        Ok(Scheduler {
            tasks: Table::new(),
            ready: VecDeque::new(),
            sleepers: BinaryHeap::new(),
            joiners: HashMap::default(),
            stale_sleepers: 0,
            epoch: Instant::now(),
            finished: HashMap::new(),
            next_id: 1,
            shared: Arc::new(Shared {
                stop: AtomicBool::new(false),
                poller: Poller::new()?,
                next_key: core::sync::atomic::AtomicUsize::new(0),
                dropped: std::sync::Mutex::new(Vec::new()),
            }),
            events: Events::new(),
            fired: Vec::new(),
            #[cfg(unix)]
            io: HashMap::new(),
            #[cfg(unix)]
            next_key: 0,
            #[cfg(unix)]
            ready_waiters: HashMap::new(),
            #[cfg(unix)]
            read_edges: std::collections::HashSet::new(),
            exit_hook: None,
            tag: next_tag(),
        })
    }

    /// Calls `hook` each time a task ends, with its id and how it ended: Beazley's
    /// `Scheduler.exit`, which prints "Task N terminated". The hook runs right after the
    /// task's coroutine is dropped (so after its drop guards) and before any task waiting
    /// for it is woken. A second call replaces the hook. Tasks still alive when the
    /// scheduler is dropped do not count as ending.
    ///
    /// ```
    /// use std::cell::RefCell;
    /// use std::rc::Rc;
    /// use coro::scheduler::{Reply, Scheduler, Syscall, TaskExit};
    /// use coro::Coroutine;
    ///
    /// #[coro::coroutine]
    /// fn quick() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {}
    ///
    /// let log = Rc::new(RefCell::new(Vec::new()));
    /// let mut sched = Scheduler::new()?;
    /// let seen = Rc::clone(&log);
    /// sched.on_exit(move |tid, exit| seen.borrow_mut().push((tid.get(), exit.clone())));
    /// let task = sched.spawn(quick());
    /// sched.run()?;
    /// assert_eq!(*log.borrow(), [(task.id().get(), TaskExit::Returned)]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn on_exit(&mut self, hook: impl FnMut(TaskId, &TaskExit) + 'static) {
        self.exit_hook = Some(Box::new(hook));
    }

    /// Adds a task at the back of the ready queue and returns a typed handle to it.
    ///
    /// The task starts on the next `run`; its first resume uses
    /// [`Coroutine::start`], or `resume(Reply::Start)` if the coroutine cannot start
    /// without a value.
    ///
    /// ```
    /// use coro_runtime::scheduler::{Reply, Scheduler, Syscall};
    /// use coro_runtime::{Coroutine, CoroutineState};
    ///
    /// struct Answer;
    /// impl Coroutine<Reply> for Answer {
    ///     type Yield = Syscall;
    ///     type Return = u32;
    ///     fn resume(&mut self, _: Reply) -> CoroutineState<Syscall, u32> {
    ///         CoroutineState::Complete(42)
    ///     }
    /// }
    ///
    /// let mut sched = Scheduler::new()?;
    /// let answer = sched.spawn(Answer);
    /// sched.run()?;
    /// assert_eq!(sched.take_result(answer)?, 42);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn spawn<C>(&mut self, task: C) -> TaskHandle<C::Return>
    where
        C: Coroutine<Reply, Yield = Syscall> + 'static,
        C::Return: 'static,
    {
        TaskHandle::new(self.insert(Task::local(task)), self.tag)
    }

    /// Adds a [detached](Task::detached) task: its outcome is dropped if nobody is waiting
    /// for it when it finishes.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Scheduler, TaskState};
    ///
    /// let mut sched = Scheduler::new()?;
    /// let id = sched.spawn_detached(yield_now());
    /// sched.run()?;
    /// assert_eq!(sched.state(id), None); // nothing kept
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn spawn_detached<C>(&mut self, task: C) -> TaskId
    where
        C: Coroutine<Reply, Yield = Syscall> + 'static,
        C::Return: 'static,
    {
        self.insert(Task::local(task).detached())
    }

    /// Kills a task from outside, as [`kill`] does from inside: it is removed and dropped at
    /// once (drop guards run before this returns) and a task waiting for it gets
    /// [`WaitError::Killed`] with `by: None`.
    ///
    /// ```
    /// use coro_runtime::scheduler::{sleep, KillError, Scheduler, WaitError};
    /// use std::time::Duration;
    ///
    /// let mut sched = Scheduler::new()?;
    /// let t = sched.spawn(sleep(Duration::from_secs(3600)));
    /// sched.kill(t)?;
    /// assert_eq!(sched.kill(t), Err(KillError::Finished(t.id())));
    /// assert_eq!(
    ///     sched.take_result(t).unwrap_err(),
    ///     WaitError::Killed { target: t.id(), by: None },
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kill(&mut self, target: impl Joinable) -> Result<(), KillError> {
        let id = target.task_id();
        // A handle of another scheduler names a task this one never spawned.
        if target.scheduler_tag() != 0 && target.scheduler_tag() != self.tag {
            return Err(KillError::Unknown(id));
        }
        self.kill_task(id, None)
    }

    /// Takes the outcome of a finished task from outside the scheduler: its return value, or
    /// why there is none. Like a [`wait`], it can be taken once.
    ///
    /// Errors: [`WaitError::NotFinished`] while the task runs, [`WaitError::Finished`] once
    /// taken (or for a detached task), [`WaitError::Unknown`], and the task's own
    /// [`WaitError::Killed`] / [`WaitError::Panicked`].
    ///
    /// ```
    /// use coro_runtime::scheduler::{get_tid, Scheduler, WaitError};
    ///
    /// let mut sched = Scheduler::new()?;
    /// let t = sched.spawn(get_tid());
    /// assert_eq!(sched.take_result(t), Err(WaitError::NotFinished(t.id())));
    /// sched.run()?;
    /// assert_eq!(sched.take_result(t), Ok(t.id()));
    /// assert_eq!(sched.take_result(t), Err(WaitError::Finished(t.id())));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn take_result<W: Joinable>(&mut self, target: W) -> Result<W::Output, WaitError> {
        let id = target.task_id();
        // A handle of another scheduler names a task this one never spawned.
        if target.scheduler_tag() != 0 && target.scheduler_tag() != self.tag {
            return Err(WaitError::Unknown(id));
        }
        if self.tasks.contains_key(&id) {
            return Err(WaitError::NotFinished(id));
        }
        match self.finished.remove(&id) {
            Some(finished) => target.downcast(finished.outcome.into_result(id)?),
            None => Err(self.gone(id)),
        }
    }

    /// Runs tasks until none is left or a stop is requested.
    ///
    /// Blocks (in the poller) only while no task is ready. Returns an error only if waiting
    /// in the OS poller fails.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, RunExit, Scheduler};
    ///
    /// let mut sched = Scheduler::new()?;
    /// sched.spawn(yield_now());
    /// assert_eq!(sched.run()?, RunExit::AllDone);
    /// assert!(sched.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn run(&mut self) -> io::Result<RunExit> {
        self.run_inner(None)
    }

    /// Runs tasks until none is left, a stop is requested, or `deadline` passes.
    ///
    /// Tasks are cooperative: the deadline is checked between resumes, so a task that does
    /// not yield cannot be interrupted.
    ///
    /// ```
    /// use coro_runtime::scheduler::{sleep, RunExit, Scheduler};
    /// use std::time::{Duration, Instant};
    ///
    /// let mut sched = Scheduler::new()?;
    /// sched.spawn(sleep(Duration::from_secs(3600)));
    /// let deadline = Instant::now() + Duration::from_millis(10);
    /// assert_eq!(sched.run_until(deadline)?, RunExit::DeadlineReached);
    /// assert!(Instant::now() >= deadline);
    /// assert_eq!(sched.len(), 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn run_until(&mut self, deadline: Instant) -> io::Result<RunExit> {
        self.run_inner(Some(deadline))
    }

    /// Runs tasks for at most `duration` (see [`run_until`](Scheduler::run_until)).
    ///
    /// ```
    /// use coro_runtime::scheduler::{sleep, RunExit, Scheduler};
    /// use std::time::Duration;
    ///
    /// let mut sched = Scheduler::new()?;
    /// sched.spawn(sleep(Duration::from_millis(1)));
    /// assert_eq!(sched.run_for(Duration::from_secs(10))?, RunExit::AllDone);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn run_for(&mut self, duration: Duration) -> io::Result<RunExit> {
        self.run_inner(Instant::now().checked_add(duration))
    }

    /// This scheduler's poller, to [register](Reactor::register) sockets with once for
    /// their whole life; tasks get it with [`get_reactor`].
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    /// use std::net::TcpListener;
    ///
    /// let sched = Scheduler::new()?;
    /// let listener = sched.reactor().register(TcpListener::bind("127.0.0.1:0")?)?;
    /// # let _ = listener;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[cfg(unix)]
    pub fn reactor(&self) -> Reactor {
        Reactor {
            shared: Arc::clone(&self.shared),
            tag: self.tag,
        }
    }

    /// A handle that stops this scheduler's run from another thread (or from anywhere).
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    ///
    /// let sched = Scheduler::new()?;
    /// let handle = sched.stop_handle();
    /// std::thread::spawn(move || handle.stop()).join().unwrap();
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            shared: Arc::clone(&self.shared),
        }
    }

    /// How many tasks are alive (not finished).
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Scheduler};
    ///
    /// let mut sched = Scheduler::new()?;
    /// sched.spawn(yield_now());
    /// assert_eq!(sched.len(), 1);
    /// sched.run()?;
    /// assert_eq!(sched.len(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        self.tasks.len()
    }

    /// Whether no task is alive.
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    /// assert!(Scheduler::new()?.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.tasks.is_empty()
    }

    /// The ids of the live tasks, in increasing order.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Scheduler};
    ///
    /// let mut sched = Scheduler::new()?;
    /// let a = sched.spawn(yield_now());
    /// let b = sched.spawn(yield_now());
    /// assert_eq!(sched.task_ids(), [a.id(), b.id()]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn task_ids(&self) -> Vec<TaskId> {
        let mut ids: Vec<TaskId> = self.tasks.keys().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// Where a task is: live (ready, asleep, waiting), [`TaskState::Finished`] with its
    /// outcome kept, or `None` (unknown, or finished and collected).
    ///
    /// ```
    /// use coro_runtime::scheduler::{sleep, wait, Scheduler, TaskState};
    /// use std::time::Duration;
    ///
    /// let mut sched = Scheduler::new()?;
    /// let nap = sched.spawn(sleep(Duration::from_millis(20)));
    /// let waiter = sched.spawn(wait(nap));
    /// sched.run_for(Duration::from_millis(1))?;
    /// assert_eq!(sched.state(waiter.id()), Some(TaskState::WaitingForTask(nap.id())));
    /// sched.run()?;
    /// assert_eq!(sched.state(nap.id()), None); // the waiter took its outcome
    /// assert_eq!(sched.state(waiter.id()), Some(TaskState::Finished));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn state(&self, id: TaskId) -> Option<TaskState> {
        if let Some(entry) = self.tasks.get(&id) {
            return Some(match entry.state {
                State::Start
                | State::Done
                | State::Tid(_)
                | State::Spawned(_)
                | State::Reply(_) => TaskState::Ready,
                State::Sleeping(deadline) => TaskState::Sleeping {
                    until: self.instant(deadline),
                },
                State::WaitingTask(target) => TaskState::WaitingForTask(target),
                #[cfg(unix)]
                State::WaitingIo { interest, .. } | State::WaitingReady { interest, .. } => {
                    TaskState::WaitingForIo(interest)
                }
            });
        }
        self.finished.get(&id).map(|_| TaskState::Finished)
    }

    /// The debugging counters of a live task, or of a finished one whose outcome is kept.
    ///
    /// ```
    /// use coro_runtime::scheduler::{yield_now, Scheduler};
    ///
    /// let mut sched = Scheduler::new()?;
    /// let t = sched.spawn(yield_now());
    /// assert_eq!(sched.stats(t.id()).unwrap().resumes, 0);
    /// sched.run()?;
    /// assert_eq!(sched.stats(t.id()).unwrap().resumes, 2);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn stats(&self, id: TaskId) -> Option<TaskStats> {
        match self.tasks.get(&id) {
            Some(entry) => Some(entry.stats(|| self.nanos(Instant::now()))),
            None => self.finished.get(&id).map(|f| f.stats),
        }
    }

    // ----------------------------------------------------------------------------------
    // The main loop.

    fn run_inner(&mut self, deadline: Option<Instant>) -> io::Result<RunExit> {
        let _current = RunningOn::enter(self.tag);
        loop {
            if self.shared.stop.swap(false, Ordering::SeqCst) {
                return Ok(RunExit::StopRequested);
            }
            let now = Instant::now();
            self.wake_sleepers(now);
            if self.tasks.is_empty() {
                return Ok(RunExit::AllDone);
            }
            if deadline.is_some_and(|d| now >= d) {
                return Ok(RunExit::DeadlineReached);
            }
            if self.ready.is_empty() {
                // Nothing to run: block until a sleeper is due, the deadline, a socket, or
                // a stop request.
                let wake = match (self.next_wake(), deadline) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                self.poll(wake.map(|w| w.saturating_duration_since(now)))?;
                continue;
            }
            if self.has_io_waiters() {
                self.poll(Some(Duration::ZERO))?;
            }
            // One round: the tasks ready now, in queue order. Tasks they make ready run in
            // the next round, after timers and sockets have been checked again.
            for _ in 0..self.ready.len() {
                let Some(id) = self.ready.pop_front() else {
                    break;
                };
                self.step(id);
                if self.shared.stop.load(Ordering::SeqCst) {
                    break;
                }
            }
        }
    }

    /// Resumes one task and carries out what it yields.
    fn step(&mut self, id: TaskId) {
        let Some(entry) = self.tasks.get_mut(&id) else {
            return; // killed while queued
        };
        if !entry.state.is_ready() {
            return;
        }
        let reply = entry.state.take_reply();
        let coro = &mut entry.coro;
        let result = panic::catch_unwind(AssertUnwindSafe(|| match reply {
            None => match coro.start() {
                Some(state) => state,
                None => coro.resume(Reply::Start),
            },
            Some(reply) => coro.resume(reply),
        }));
        entry.resumes += 1;
        match result {
            // The switch path, answered without looking the task up again: it is left
            // `State::Done` by `take_reply`, which is what a yield is answered with.
            Ok(CoroutineState::Yielded(Syscall::YieldNow)) => self.ready.push_back(id),
            Ok(CoroutineState::Yielded(call)) => self.handle(id, call),
            Ok(CoroutineState::Complete(value)) => self.retire(id, Outcome::Returned(value)),
            Err(payload) => self.retire(id, Outcome::Panicked(panic_message(&*payload))),
        }
    }

    /// Carries out a system call of task `id` (which is live and not queued).
    fn handle(&mut self, id: TaskId, call: Syscall) {
        match call {
            Syscall::YieldNow | Syscall::Stop => {
                if matches!(call, Syscall::Stop) {
                    self.shared.stop.store(true, Ordering::SeqCst);
                }
                self.reply(id, Reply::Done);
            }
            Syscall::GetTid => self.reply(id, Reply::Tid(id)),
            Syscall::Spawn(task) => {
                let child = self.insert(task);
                self.reply(id, Reply::Spawned(child));
            }
            Syscall::Kill(target) => {
                let result = self.kill_task(target, Some(id));
                if target != id {
                    self.reply(id, Reply::Kill(result));
                }
            }
            Syscall::Wait(target) => match self.check_wait(id, target) {
                Ok(Some(outcome)) => self.reply(id, Reply::Wait(outcome.into_result(target))),
                Ok(None) => {
                    self.joiners.insert(target, id);
                    self.set_state(id, State::WaitingTask(target));
                }
                Err(error) => self.reply(id, Reply::Wait(Err(error))),
            },
            Syscall::Sleep(duration) => {
                let now = Instant::now();
                self.sleep(id, now, now.checked_add(duration));
            }
            Syscall::SleepUntil(until) => self.sleep(id, Instant::now(), Some(until)),
            #[cfg(unix)]
            Syscall::WaitIo(source, interest) => self.wait_io(id, source, interest),
            #[cfg(unix)]
            Syscall::WaitReady(key, interest) => {
                if key.tag != self.tag
                    || (interest == Interest::Readable && self.read_edges.remove(&key.key))
                {
                    // Another scheduler's poller, which this one would never see ready; or
                    // it became readable while nobody waited.
                    self.reply(id, Reply::Done);
                } else {
                    self.ready_waiters
                        .entry(key.key)
                        .or_default()
                        .push((id, interest));
                    if let Some(entry) = self.tasks.get_mut(&id) {
                        entry.io_waits = entry.io_waits.saturating_add(1);
                    }
                    self.set_state(
                        id,
                        State::WaitingReady {
                            key: key.key,
                            interest,
                        },
                    );
                }
            }
            #[cfg(unix)]
            Syscall::GetReactor => {
                let reactor = self.reactor();
                self.reply(id, Reply::Reactor(reactor));
            }
        }
    }

    /// Answers a live task and queues it.
    fn reply(&mut self, id: TaskId, reply: Reply) {
        if let Some(entry) = self.tasks.get_mut(&id) {
            entry.state = State::ready(reply);
            self.ready.push_back(id);
        }
    }

    fn set_state(&mut self, id: TaskId, state: State) {
        if let Some(entry) = self.tasks.get_mut(&id) {
            entry.state = state;
        }
    }

    fn insert(&mut self, task: Task) -> TaskId {
        let id = TaskId::new(self.next_id);
        self.next_id += 1;
        let detached = task.is_detached();
        self.tasks.insert(
            id,
            Entry {
                coro: task.into_boxed(),
                state: State::Start,
                resumes: 0,
                slept: 0,
                io_waits: 0,
                detached,
            },
        );
        self.ready.push_back(id);
        id
    }

    /// The error for an id that is neither live nor holding an outcome (the `finished` map
    /// only holds ids below `next_id`, so an id in range is a finished task).
    fn gone(&self, id: TaskId) -> WaitError {
        if id.get() >= 1 && id.get() < self.next_id {
            WaitError::Finished(id)
        } else {
            WaitError::Unknown(id)
        }
    }

    // ----------------------------------------------------------------------------------
    // Ending tasks: return, panic, kill.

    /// Removes a live task, undoing whatever it is registered in, and drops it.
    fn remove(&mut self, id: TaskId) -> Option<Removed> {
        let entry = self.tasks.remove(&id)?;
        match entry.state {
            State::WaitingTask(target) => {
                if self.joiners.get(&target) == Some(&id) {
                    self.joiners.remove(&target);
                }
            }
            #[cfg(unix)]
            State::WaitingIo { key, .. } => {
                if let Some(waiter) = self.io.remove(&key) {
                    let _ = self.shared.poller.delete(&waiter.source);
                }
            }
            #[cfg(unix)]
            State::WaitingReady { key, .. } => {
                if let Some(waiters) = self.ready_waiters.get_mut(&key) {
                    waiters.retain(|&(task, _)| task != id);
                    if waiters.is_empty() {
                        self.ready_waiters.remove(&key);
                    }
                }
            }
            State::Sleeping(deadline) if deadline != FOREVER => {
                // Its heap entry is now stale. Stale entries are skipped when they reach the
                // top, but a long sleep killed early (a timeout that was not needed) would
                // sit there for its whole duration: compact once they are half the heap.
                self.stale_sleepers += 1;
                if self.stale_sleepers > 64 && self.stale_sleepers * 2 > self.sleepers.len() {
                    let tasks = &self.tasks;
                    self.sleepers
                        .retain(|&Reverse((deadline, id))| is_sleeping(tasks, id, deadline));
                    self.stale_sleepers = 0;
                }
            }
            // A stale ready-queue entry is skipped when it is reached, within one round.
            State::Start
            | State::Done
            | State::Tid(_)
            | State::Spawned(_)
            | State::Reply(_)
            | State::Sleeping(_) => {}
        }
        // Its waiter's entry goes too; only `deliver` looks at it, and a task waited for
        // that ends unanswered (killed meanwhile) must not leave it behind.
        let joiner = if self.joiners.is_empty() {
            None
        } else {
            self.joiners.remove(&id)
        };
        let (detached, stats) = (entry.detached, entry.stats(|| self.nanos(Instant::now())));
        let Entry { coro, state, .. } = entry;
        let dropped = panic::catch_unwind(AssertUnwindSafe(move || {
            drop(coro);
            drop(state); // a reply not yet delivered may hold anything
        }));
        Some(Removed {
            joiner,
            detached,
            stats,
            drop_panic: dropped.err().map(|p| panic_message(&*p)),
        })
    }

    /// Ends a task that returned or panicked.
    fn retire(&mut self, id: TaskId, outcome: Outcome) {
        if let Some(mut removed) = self.remove(id) {
            let outcome = match (outcome, removed.drop_panic.take()) {
                (Outcome::Panicked(message), _) => Outcome::Panicked(message),
                (_, Some(message)) => Outcome::Panicked(std::format!(
                    "panicked while being dropped after it returned: {message}"
                )),
                (outcome, None) => outcome,
            };
            self.finish(id, removed, outcome);
        }
    }

    fn kill_task(&mut self, target: TaskId, by: Option<TaskId>) -> Result<(), KillError> {
        match self.remove(target) {
            // A panic in the task's destructor is not the killer's problem: it is killed.
            Some(removed) => {
                self.finish(target, removed, Outcome::Killed(by));
                Ok(())
            }
            None => Err(match self.gone(target) {
                WaitError::Finished(_) => KillError::Finished(target),
                _ => KillError::Unknown(target),
            }),
        }
    }

    /// Hands the outcome to the waiting task, or keeps it, then tells the exit hook. The
    /// hook runs last, so a hook that panics (the panic leaves `run`) cannot lose the
    /// outcome or leave the waiter waiting forever.
    fn finish(&mut self, id: TaskId, removed: Removed, outcome: Outcome) {
        let exit = self.exit_hook.is_some().then(|| outcome.exit());
        self.deliver(id, removed, outcome);
        if let (Some(hook), Some(exit)) = (&mut self.exit_hook, exit) {
            hook(id, &exit);
        }
    }

    /// The outcome to the task waiting for it, or kept for a later wait.
    fn deliver(&mut self, id: TaskId, removed: Removed, outcome: Outcome) {
        if let Some(joiner) = removed.joiner
            && self
                .tasks
                .get(&joiner)
                .is_some_and(|j| j.state.waiting_for() == Some(id))
        {
            self.reply(joiner, Reply::Wait(outcome.into_result(id)));
        } else if !removed.detached {
            self.finished.insert(
                id,
                Finished {
                    outcome,
                    stats: removed.stats,
                },
            );
        }
    }

    // ----------------------------------------------------------------------------------
    // Waiting for tasks.

    /// Checks a wait: `Ok(Some)` if the outcome is ready now, `Ok(None)` to block.
    fn check_wait(&mut self, waiter: TaskId, target: TaskId) -> Result<Option<Outcome>, WaitError> {
        if target == waiter {
            return Err(WaitError::WaitOnSelf(waiter));
        }
        let Some(entry) = self.tasks.get(&target) else {
            return match self.finished.remove(&target) {
                Some(finished) => Ok(Some(finished.outcome)),
                None => Err(self.gone(target)),
            };
        };
        if let Some(&other) = self.joiners.get(&target)
            && self
                .tasks
                .get(&other)
                .is_some_and(|o| o.state.waiting_for() == Some(target))
        {
            return Err(WaitError::AlreadyWaited {
                target,
                waiter: Some(other),
            });
        }
        // Follow the chain of waits from the target; reaching the waiter means a cycle.
        let mut cycle = Vec::from([target]);
        let mut at = entry.state.waiting_for();
        while let Some(next) = at {
            cycle.push(next);
            if next == waiter {
                return Err(WaitError::Deadlock { target, cycle });
            }
            at = self.tasks.get(&next).and_then(|e| e.state.waiting_for());
        }
        Ok(None)
    }

    // ----------------------------------------------------------------------------------
    // Sleeping.

    /// `t` on the scheduler's clock: nanoseconds since the epoch (0 for an earlier
    /// instant, [`FOREVER`] for one 584 years or more after it).
    fn nanos(&self, t: Instant) -> u64 {
        let since = t.saturating_duration_since(self.epoch);
        u64::try_from(since.as_nanos()).map_or(FOREVER, |n| n.min(FOREVER - 1))
    }

    /// The instant of a deadline on the scheduler's clock (`None`: forever).
    fn instant(&self, deadline: u64) -> Option<Instant> {
        match deadline {
            FOREVER => None,
            nanos => self.epoch.checked_add(Duration::from_nanos(nanos)),
        }
    }

    /// Puts a task to sleep until `until` (`None`, a duration past the clock's range:
    /// until killed). The heap entry is 16 bytes: the deadline and the id. A task leaves
    /// `Sleeping` only when its entry is popped or when it is killed, and ids are never
    /// reused, so an entry is live exactly while its task sleeps with that deadline.
    fn sleep(&mut self, id: TaskId, now: Instant, until: Option<Instant>) {
        let deadline = until.map_or(FOREVER, |until| self.nanos(until));
        let now = self.nanos(now);
        if let Some(entry) = self.tasks.get_mut(&id) {
            entry.state = State::Sleeping(deadline);
            entry.slept = entry.slept.wrapping_sub(now);
            if deadline != FOREVER {
                self.sleepers.push(Reverse((deadline, id)));
            }
        }
    }

    /// Moves every sleeper due by `now` to the ready queue, earliest first.
    fn wake_sleepers(&mut self, now: Instant) {
        if self.sleepers.is_empty() {
            return; // most rounds of a busy scheduler: skip the clock's arithmetic
        }
        let now = self.nanos(now);
        while let Some(&Reverse((deadline, id))) = self.sleepers.peek() {
            if deadline > now {
                break;
            }
            self.sleepers.pop();
            match self.tasks.get_mut(&id) {
                Some(entry) if matches!(entry.state, State::Sleeping(d) if d == deadline) => {
                    entry.slept = entry.slept.wrapping_add(now);
                    entry.state = State::Done;
                    self.ready.push_back(id);
                }
                _ => self.stale_sleepers = self.stale_sleepers.saturating_sub(1),
            }
        }
    }

    /// The earliest wake time of a live sleeper, dropping stale heap entries on the way.
    fn next_wake(&mut self) -> Option<Instant> {
        while let Some(&Reverse((deadline, id))) = self.sleepers.peek() {
            if is_sleeping(&self.tasks, id, deadline) {
                return self.instant(deadline);
            }
            self.sleepers.pop();
            self.stale_sleepers = self.stale_sleepers.saturating_sub(1);
        }
        None
    }

    // ----------------------------------------------------------------------------------
    // Sockets.

    fn has_io_waiters(&self) -> bool {
        #[cfg(unix)]
        return !self.io.is_empty() || !self.ready_waiters.is_empty();
        #[cfg(not(unix))]
        return false;
    }

    #[cfg(unix)]
    fn wait_io(&mut self, id: TaskId, source: IoSource, interest: Interest) {
        let key = loop {
            let key = self.next_key;
            self.next_key = self.next_key.wrapping_add(1);
            if key & reactor::REGISTERED == 0 && !self.io.contains_key(&key) {
                break key;
            }
        };
        let event = match interest {
            Interest::Readable => polling::Event::readable(key),
            Interest::Writable => polling::Event::writable(key),
        };
        // SAFETY: the poller's contract is that a source is deleted from it before it is
        // closed. `source` is an owned descriptor stored in `self.io` just below, and every
        // path that takes it out of there (an event in `poll`, a kill in `remove`, dropping
        // the scheduler) deletes it from the poller first.
        match unsafe { self.shared.poller.add(&source, event) } {
            Ok(()) => {
                self.io.insert(
                    key,
                    IoWaiter {
                        task: id,
                        source,
                        interest,
                    },
                );
                if let Some(entry) = self.tasks.get_mut(&id) {
                    entry.io_waits = entry.io_waits.saturating_add(1);
                }
                self.set_state(id, State::WaitingIo { key, interest });
            }
            Err(e) => {
                let error = io::Error::new(
                    e.kind(),
                    std::format!(
                        "cannot wait until file descriptor {} is {interest}: {e}",
                        std::os::fd::AsRawFd::as_raw_fd(&source)
                    ),
                );
                self.reply(id, Reply::Io(Err(error)));
            }
        }
    }

    /// Waits in the poller (at most `timeout`; `None` is forever) and wakes the tasks whose
    /// sockets are ready.
    fn poll(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        // Forget the kept edges of dropped registrations, and the list itself, so that
        // neither grows with the sockets a long-running server has seen.
        #[cfg(unix)]
        if let Ok(mut dropped) = self.shared.dropped.try_lock()
            && !dropped.is_empty()
        {
            for key in dropped.drain(..) {
                self.read_edges.remove(&key);
            }
        }
        self.events.clear();
        self.shared.poller.wait(&mut self.events, timeout)?;
        let mut fired = core::mem::take(&mut self.fired);
        fired.clear();
        fired.extend(self.events.iter().map(|event| Fired {
            key: event.key,
            error: event.is_err() == Some(true),
            hangup: event.is_interrupt(),
            readable: event.readable,
            writable: event.writable,
        }));
        for event in &fired {
            self.io_ready(*event);
        }
        self.fired = fired;
        Ok(())
    }

    #[cfg(unix)]
    fn io_ready(&mut self, event: Fired) {
        if event.key & reactor::REGISTERED != 0 {
            return self.registered_ready(event);
        }
        let Some(waiter) = self.io.remove(&event.key) else {
            return;
        };
        // Oneshot mode disarmed it already; delete it so the descriptor can be closed.
        let _ = self.shared.poller.delete(&waiter.source);
        let result = io_result(waiter.source, event.error, event.hangup, waiter.interest);
        self.reply(waiter.task, Reply::Io(result));
    }

    #[cfg(not(unix))]
    fn io_ready(&mut self, _event: Fired) {}

    /// An edge on a registered socket: wakes the tasks waiting for what it reports (all of
    /// them on an error or hang-up: their next attempt gets the error or the end of file).
    #[cfg(unix)]
    fn registered_ready(&mut self, event: Fired) {
        let all = event.error || event.hangup;
        let readable = all || event.readable;
        let Some(mut waiters) = self.ready_waiters.remove(&event.key) else {
            // Nobody waits: keep a readable edge for the next `recv`, which may wait
            // without trying (after a short read); a writable one is not needed (a send
            // waits only after the socket said it would block, so a new edge follows).
            if readable {
                self.read_edges.insert(event.key);
            }
            return;
        };
        if readable
            && !waiters
                .iter()
                .any(|&(_, interest)| interest == Interest::Readable)
        {
            self.read_edges.insert(event.key);
        }
        waiters.retain(|&(task, interest)| {
            let woken = all
                || match interest {
                    Interest::Readable => event.readable,
                    Interest::Writable => event.writable,
                };
            if woken
                && self.tasks.get(&task).is_some_and(|e| {
                    matches!(e.state, State::WaitingReady { key, interest: i }
                        if key == event.key && i == interest)
                })
            {
                self.reply(task, Reply::Done);
            }
            !woken
        });
        if !waiters.is_empty() {
            self.ready_waiters.insert(event.key, waiters);
        }
    }
}

/// Whether the heap entry `(deadline, id)` is live: its task sleeps until that deadline.
fn is_sleeping(tasks: &Table<Entry>, id: TaskId, deadline: u64) -> bool {
    tasks
        .get(&id)
        .is_some_and(|e| matches!(e.state, State::Sleeping(d) if d == deadline))
}

/// The pending error of a socket that reported an error condition.
#[cfg(unix)]
/// The answer of a wait for `interest` on `source` that the poller reported ready, with
/// an error condition (`error`) or hung up (`hung_up`): a pending socket error; a hung-up
/// socket waited on for writing; else the source, handed back.
pub(super) fn io_result(
    source: IoSource,
    error: bool,
    hung_up: bool,
    interest: Interest,
) -> io::Result<IoSource> {
    if error {
        Err(socket_error(source))
    } else if hung_up && interest == Interest::Writable {
        Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "the socket is closed: it hung up (shut down, or the connection was lost), \
             so nothing can be written to it",
        ))
    } else {
        Ok(source)
    }
}

pub(super) fn socket_error(source: IoSource) -> io::Error {
    // Any socket answers SO_ERROR; TcpStream is just the std type that asks for it.
    match std::net::TcpStream::from(source.into_owned_fd()).take_error() {
        Ok(Some(error)) => error,
        _ => io::Error::other("the socket reported an error condition"),
    }
}

pub(super) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("a panic with a non-string payload")
    }
}

impl Drop for Scheduler {
    fn drop(&mut self) {
        #[cfg(unix)]
        for (_, waiter) in self.io.drain() {
            let _ = self.shared.poller.delete(&waiter.source);
        }
        for (_, entry) in self.tasks.drain() {
            // A task's destructor that panics must not abort the drop of the others.
            let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(entry)));
        }
    }
}

impl fmt::Debug for Scheduler {
    /// Lists every live task with its state and counters, then the finished ones whose
    /// outcome is kept.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Live<'a>(&'a Scheduler);
        impl fmt::Debug for Live<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut map = f.debug_map();
                for id in self.0.task_ids() {
                    let Some(entry) = self.0.tasks.get(&id) else {
                        continue;
                    };
                    let stats = entry.stats(|| self.0.nanos(Instant::now()));
                    map.entry(&id, &(self.0.state(id), stats));
                }
                map.finish()
            }
        }
        let mut finished: Vec<TaskId> = self.finished.keys().copied().collect();
        finished.sort_unstable();
        f.debug_struct("Scheduler")
            .field("tasks", &Live(self))
            .field("ready", &self.ready)
            .field("finished", &finished)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an idle task costs the scheduler, beyond its boxed coroutine, is mostly its
    /// bucket in the table (the id and the entry) and its sleep-heap entry: keep them small.
    #[test]
    fn the_per_task_records_stay_small() {
        assert_eq!(size_of::<State>(), 16);
        assert!(
            size_of::<(TaskId, Entry)>() <= 64,
            "{}",
            size_of::<(TaskId, Entry)>()
        );
        assert_eq!(size_of::<Reverse<(u64, TaskId)>>(), 16);
    }

    #[test]
    fn a_sleeping_task_counts_its_sleep_so_far_and_a_killed_one_up_to_the_kill() {
        let mut sched = Scheduler::new().unwrap();
        let nap = sched.spawn(super::super::sleep(Duration::from_secs(3600)));
        sched.run_for(Duration::from_millis(1)).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        let so_far = sched.stats(nap.id()).unwrap().slept;
        assert!(so_far >= Duration::from_millis(20), "{so_far:?}");
        assert!(so_far < Duration::from_secs(60), "{so_far:?}");
        sched.kill(nap).unwrap();
        let at_kill = sched.stats(nap.id()).unwrap().slept;
        assert!(
            at_kill >= so_far && at_kill < Duration::from_secs(60),
            "{at_kill:?}"
        );
    }
}
