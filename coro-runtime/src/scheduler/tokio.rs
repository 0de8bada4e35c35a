//! The same tasks on tokio's multi-thread runtime (the `tokio` cargo feature, Unix only).
//!
//! A [`TokioScheduler`] runs each task (any `Coroutine<Reply, Yield = Syscall>`, such as a
//! `#[coro::coroutine]` function written for the single-threaded
//! [`Scheduler`](super::Scheduler)) as a tokio task of its own: it resumes the coroutine,
//! carries out each [`Syscall`] it yields with tokio, and resumes it with the matching
//! [`Reply`]. The task functions do not change: `yield_from!(sleep(..))`, [`accept`],
//! [`recv`], [`send_all`], [`spawn`](super::spawn()), [`wait`](super::wait) and
//! [`kill`](super::kill) mean the same on both backends.
//!
//! ```
//! use std::io::{self, Read, Write};
//! use std::net::{Shutdown, TcpListener, TcpStream};
//!
//! use coro::scheduler::tokio::TokioScheduler;
//! use coro::scheduler::{accept, recv, send_all, spawn_detached, Reply, Syscall};
//! use coro::{yield_from, Coroutine};
//!
//! #[coro::coroutine]
//! fn server(listener: TcpListener, clients: usize) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
//!     for _ in 0..clients {
//!         let (conn, _addr) = yield_from!(accept(&listener))?;
//!         yield_from!(spawn_detached(handle_client(conn)));
//!     }
//!     Ok(())
//! }
//!
//! #[coro::coroutine]
//! fn handle_client(conn: TcpStream) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
//!     loop {
//!         let data = yield_from!(recv(&conn, 65536))?;
//!         if data.is_empty() {
//!             return Ok(());
//!         }
//!         yield_from!(send_all(&conn, data))?;
//!     }
//! }
//!
//! let runtime = tokio::runtime::Builder::new_multi_thread()
//!     .worker_threads(2)
//!     .enable_all()
//!     .build()?;
//! let sched = TokioScheduler::new(runtime.handle().clone());
//! let listener = TcpListener::bind("127.0.0.1:0")?;
//! let addr = listener.local_addr()?;
//! let done = sched.spawn(server(listener, 1));
//! let mut conn = TcpStream::connect(addr)?;
//! conn.write_all(b"hello")?;
//! conn.shutdown(Shutdown::Write)?;
//! let mut echo = Vec::new();
//! conn.read_to_end(&mut echo)?;
//! assert_eq!(echo, b"hello");
//! assert!(runtime.block_on(sched.wait(done))?.is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Tasks must be `Send`
//!
//! Tokio moves tasks between its worker threads, so a task, and its return value, must be
//! `Send`. Generated coroutines are `Send` when what they hold across a yield is: std
//! sockets, the helpers above, [`TaskHandle`]s are; an `Rc` is not. The compiler checks it
//! at [`TokioScheduler::spawn`] and at [`spawn`](super::spawn()) inside a task (which
//! requires `Send` on both backends, so that the same code runs on both).
//!
//! # What is carried out, and how
//!
//! | System call | on tokio |
//! |---|---|
//! | [`sleep`](super::sleep), [`sleep_until`](super::sleep_until) | `tokio::time::sleep`, `sleep_until` |
//! | [`readable`](super::readable), [`writable`](super::writable), and the waits of [`accept`], [`recv`], [`send_all`] | the descriptor copy registered with tokio's reactor ([`AsyncFd`]) for the wait |
//! | [`yield_now`](super::yield_now) | `tokio::task::yield_now` |
//! | [`spawn`](super::spawn()), [`spawn_detached`](super::spawn_detached) | `tokio::spawn` of a new task, in a task table shared by the scheduler's tasks |
//! | [`wait`](super::wait) | waits for the outcome in that table: the same values and errors as the single-threaded scheduler ([`WaitError::Deadlock`] included), but for a panic in the drop code of a task that returned, which the panic hook reports while its return value stands (the single-threaded scheduler makes it [`WaitError::Panicked`]) |
//! | [`kill`](super::kill) | aborts the tokio task and waits until it has been dropped, so its drop guards have run when `kill` returns |
//! | [`get_tid`](super::get_tid) | the task's id in this scheduler |
//!
//! **Not supported**, because they belong to the single-threaded scheduler's own loop and
//! reactor: [`spawn_local`](super::spawn_local) (a task that is not `Send`),
//! [`get_reactor`](super::get_reactor) and the helpers of [`Registered`](super::Registered)
//! sockets (which share an `Rc`, so a task using them is not `Send` anyway), and
//! [`stop`](super::stop) (there is no `run` to return from). A task that makes one of these
//! calls is ended, never left hanging: its outcome is [`WaitError::Unsupported`], naming the
//! call.
//!
//! Fairness differs: tokio schedules the tasks (work-stealing, on several threads), so
//! they run in parallel and the single-threaded scheduler's round-robin order does not hold.
//! A task starts as soon as it is spawned (there is no `run`), and one killed before tokio
//! first polled it never runs. A panic in a task is caught as on the single-threaded
//! scheduler and reported as [`WaitError::Panicked`]; so is a panic of tokio's while
//! carrying out a call (a runtime built without timers or I/O: use `enable_all`), and a
//! task dropped by a runtime shutting down is reported as killed (`by: None`).
//!
//! Each socket wait registers the helper's copy of the descriptor with tokio's reactor and
//! deregisters it after (two `epoll_ctl` calls), as the single-threaded scheduler does for
//! plain sockets; the helpers first try without waiting, so a socket with data or room
//! costs no wait at all.

use core::any::Any;
use core::fmt;
use std::boxed::Box;
use std::collections::HashMap;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::string::String;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use std::vec::Vec;

use ::tokio::io::unix::AsyncFd;
use ::tokio::runtime::Handle;
use ::tokio::sync::oneshot;
use ::tokio::task::JoinHandle;

use super::io_wait::IoSource;
use super::run::{RunningOn, io_result, next_tag, panic_message};
use super::task::{SendBoxedTask, boxed_send};
use super::{Interest, Joinable, KillError, Reply, Syscall, TaskHandle, TaskId, WaitError};
#[cfg(doc)]
use super::{accept, recv, send_all};
use crate::{Coroutine, CoroutineState};

/// A task's outcome, as the table keeps it until a `wait` takes it.
type Outcome = Result<Box<dyn Any + Send>, WaitError>;

/// Runs tasks written for the scheduler on a tokio multi-thread runtime: see the
/// [module documentation](self).
///
/// It is a handle to a task table shared by its tasks (an `Arc`): clones run tasks in the
/// same table, so their ids and [`TaskHandle`]s are good with each other. The owner (the
/// code outside the tasks) waiting for a task shows as no task (`None`) in
/// [`WaitError::AlreadyWaited`].
///
/// ```
/// use coro::scheduler::tokio::TokioScheduler;
/// use coro::scheduler::{sleep, spawn, wait, Reply, Syscall};
/// use coro::{yield_from, Coroutine};
/// use std::time::Duration;
///
/// #[coro::coroutine]
/// fn double_later(x: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
///     yield_from!(sleep(Duration::from_millis(5)));
///     x * 2
/// }
///
/// #[coro::coroutine]
/// fn parent() -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
///     let a = yield_from!(spawn(double_later(20)));
///     let b = yield_from!(spawn(double_later(1)));
///     yield_from!(wait(a)).unwrap() + yield_from!(wait(b)).unwrap()
/// }
///
/// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
/// let sched = TokioScheduler::new(runtime.handle().clone());
/// let p = sched.spawn(parent());
/// assert_eq!(runtime.block_on(sched.wait(p))?, 42);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct TokioScheduler {
    shared: Arc<Shared>,
}

/// What the scheduler's tasks share.
struct Shared {
    /// The scheduler's number (from the same counter as the single-threaded schedulers'):
    /// its handles carry it.
    tag: u64,
    runtime: Handle,
    table: Mutex<Table>,
}

struct Table {
    next_id: u64,
    /// Live tasks, and finished ones whose outcome is kept. A task that finished and whose
    /// outcome was taken (or that was detached) is not here.
    slots: HashMap<TaskId, Slot>,
}

enum Slot {
    Running {
        /// The tokio task, to abort and await when the task is killed.
        join: Option<JoinHandle<()>>,
        /// The one waiter, if any (`None` inside: the owner), and where its outcome goes.
        waiter: Option<(Option<TaskId>, oneshot::Sender<Outcome>)>,
        /// The task this one is waiting for: what deadlock detection follows.
        waiting_for: Option<TaskId>,
        detached: bool,
    },
    Finished(Outcome),
}

impl Table {
    /// Whether `id`, which has no slot, was never issued (otherwise it finished and its
    /// outcome was taken).
    fn missing(&self, id: TaskId) -> bool {
        id.get() == 0 || id.get() >= self.next_id
    }

    /// Ends a running task with `outcome`: hands it to its waiter, keeps it, or gives it
    /// back to be dropped (detached, or the task had already ended, killed meanwhile), so
    /// that the task's return value is not dropped under the table's lock.
    #[must_use = "drop the outcome after unlocking the table"]
    fn finish(&mut self, id: TaskId, outcome: Outcome) -> Option<Outcome> {
        let Some(Slot::Running {
            waiter, detached, ..
        }) = self.slots.get_mut(&id)
        else {
            return Some(outcome);
        };
        let detached = *detached;
        let outcome = match waiter.take() {
            Some((_, sender)) => match sender.send(outcome) {
                Ok(()) => {
                    self.slots.remove(&id);
                    return None;
                }
                // The waiter is gone (killed, or its future dropped): keep the outcome.
                Err(outcome) => outcome,
            },
            None => outcome,
        };
        if detached {
            self.slots.remove(&id);
            Some(outcome)
        } else {
            self.slots.insert(id, Slot::Finished(outcome));
            None
        }
    }
}

/// How a wait starts: with the outcome at once, or with somewhere to receive it.
enum WaitStart {
    Ready(Outcome),
    Pending(oneshot::Receiver<Outcome>),
}

impl TokioScheduler {
    /// A scheduler whose tasks run on the runtime of `runtime`, which must be able to drive
    /// I/O and timers (`Builder::enable_all`). Tasks may then be spawned from any thread,
    /// inside the runtime or not.
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let sched = TokioScheduler::new(runtime.handle().clone());
    /// assert_eq!(sched.live(), 0);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(runtime: Handle) -> TokioScheduler {
        TokioScheduler {
            shared: Arc::new(Shared {
                tag: next_tag(),
                runtime,
                table: Mutex::new(Table {
                    next_id: 1,
                    slots: HashMap::new(),
                }),
            }),
        }
    }

    /// A scheduler on the runtime this code runs in.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime, as [`Handle::current`] does.
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    /// use coro::scheduler::get_tid;
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let id = runtime.block_on(async {
    ///     let sched = TokioScheduler::current();
    ///     let t = sched.spawn(get_tid());
    ///     assert_eq!(sched.wait(t).await.unwrap(), t.id());
    ///     t.id()
    /// });
    /// assert_eq!(id.get(), 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn current() -> TokioScheduler {
        TokioScheduler::new(Handle::current())
    }

    /// Starts `task` as a tokio task and returns a typed handle to it, for
    /// [`wait`](TokioScheduler::wait) and [`kill`](TokioScheduler::kill) here and for the
    /// `wait` and `kill` system calls of the scheduler's tasks.
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    /// use coro::scheduler::sleep;
    /// use std::time::{Duration, Instant};
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let sched = TokioScheduler::new(runtime.handle().clone());
    /// let t0 = Instant::now();
    /// let naps: Vec<_> = (0..100).map(|_| sched.spawn(sleep(Duration::from_millis(20)))).collect();
    /// for nap in naps {
    ///     runtime.block_on(sched.wait(nap))?;
    /// }
    /// // The hundred naps overlapped.
    /// assert!(t0.elapsed() >= Duration::from_millis(20));
    /// assert!(t0.elapsed() < Duration::from_secs(10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn spawn<C>(&self, task: C) -> TaskHandle<C::Return>
    where
        C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
        C::Return: Send + 'static,
    {
        let task = boxed_send(task);
        TaskHandle::new(self.shared.start(task, false), self.shared.tag)
    }

    /// Starts `task` [detached](super::Task::detached): its outcome is dropped when it finishes
    /// with nobody waiting for it.
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    /// use coro::scheduler::{get_tid, yield_now};
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let sched = TokioScheduler::new(runtime.handle().clone());
    /// let detached = sched.spawn_detached(yield_now());
    /// let kept = sched.spawn(get_tid());
    /// assert_eq!((detached.get(), kept.id().get()), (1, 2));
    /// assert_eq!(runtime.block_on(sched.wait(kept)), Ok(kept.id()));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn spawn_detached<C>(&self, task: C) -> TaskId
    where
        C: Coroutine<Reply, Yield = Syscall> + Send + 'static,
        C::Return: Send + 'static,
    {
        let task = boxed_send(task);
        self.shared.start(task, true)
    }

    /// Waits until a task finishes and takes its outcome, from outside the tasks: the
    /// [`wait`](super::wait) system call's answer, with the same errors.
    ///
    /// Dropping the future before it is ready gives up the wait; the outcome stays for
    /// another one, unless it had already been handed to this one.
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    /// use coro::scheduler::{get_tid, WaitError};
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let sched = TokioScheduler::new(runtime.handle().clone());
    /// let t = sched.spawn(get_tid());
    /// assert_eq!(runtime.block_on(sched.wait(t)), Ok(t.id()));
    /// // The outcome was taken.
    /// assert_eq!(runtime.block_on(sched.wait(t)), Err(WaitError::Finished(t.id())));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub async fn wait<W: Joinable>(&self, target: W) -> Result<W::Output, WaitError> {
        let id = target.task_id();
        if !self.owns(&target) {
            return Err(WaitError::Unknown(id));
        }
        let outcome = match self.shared.begin_wait(id, None)? {
            WaitStart::Ready(outcome) => outcome,
            WaitStart::Pending(receiver) => received(id, receiver.await),
        };
        target.downcast(outcome?)
    }

    /// Kills a task from outside, as the [`kill`](super::kill) system call does from
    /// inside: its waiter gets [`WaitError::Killed`] with `by: None`, and the returned
    /// future is ready once the task has been dropped (its drop guards have run).
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    /// use coro::scheduler::{sleep, KillError, WaitError};
    /// use std::time::Duration;
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let sched = TokioScheduler::new(runtime.handle().clone());
    /// let t = sched.spawn(sleep(Duration::from_secs(3600)));
    /// runtime.block_on(sched.kill(t))?;
    /// assert_eq!(runtime.block_on(sched.kill(t)), Err(KillError::Finished(t.id())));
    /// assert_eq!(
    ///     runtime.block_on(sched.wait(t)),
    ///     Err(WaitError::Killed { target: t.id(), by: None }),
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub async fn kill(&self, target: impl Joinable) -> Result<(), KillError> {
        let id = target.task_id();
        if !self.owns(&target) {
            return Err(KillError::Unknown(id));
        }
        let join = self.shared.begin_kill(id, None)?;
        end(join).await;
        Ok(())
    }

    /// How many tasks are running (started and not finished).
    ///
    /// ```
    /// use coro::scheduler::tokio::TokioScheduler;
    /// use coro::scheduler::sleep;
    /// use std::time::Duration;
    ///
    /// let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    /// let sched = TokioScheduler::new(runtime.handle().clone());
    /// let t = sched.spawn(sleep(Duration::from_secs(3600)));
    /// assert_eq!(sched.live(), 1);
    /// runtime.block_on(sched.kill(t))?;
    /// assert_eq!(sched.live(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn live(&self) -> usize {
        self.shared
            .lock()
            .slots
            .values()
            .filter(|slot| matches!(slot, Slot::Running { .. }))
            .count()
    }

    /// Whether a handle of another scheduler could name a task of this one (it cannot).
    fn owns(&self, target: &impl Joinable) -> bool {
        let tag = target.scheduler_tag();
        tag == 0 || tag == self.shared.tag
    }
}

impl fmt::Debug for TokioScheduler {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokioScheduler")
            .field("live", &self.live())
            .finish_non_exhaustive()
    }
}

/// The outcome a waiter received, or, if the sender went away without sending (the
/// runtime shut down and dropped the task), a kill.
fn received(id: TaskId, received: Result<Outcome, oneshot::error::RecvError>) -> Outcome {
    received.unwrap_or(Err(WaitError::Killed {
        target: id,
        by: None,
    }))
}

/// Aborts a killed task's tokio task and waits until it has been dropped.
async fn end(join: Option<JoinHandle<()>>) {
    if let Some(join) = join {
        join.abort();
        // Cancelled (dropped) or, if it was finishing just then, finished: either way the
        // coroutine is gone. Its own panics were caught by the driver.
        let _ = join.await;
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Table> {
        // The table is only changed in short sections that do not panic; a poisoned lock
        // still holds a consistent table.
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Gives the task an id and starts its driver on the runtime.
    fn start(self: &Arc<Shared>, task: SendBoxedTask, detached: bool) -> TaskId {
        // Under the lock, so that the slot (with its join handle) is there before the task
        // can finish: its driver locks the table to record the outcome.
        let mut table = self.lock();
        let id = TaskId::new(table.next_id);
        table.next_id += 1;
        // A runtime that has shut down drops the new driver at once, on this thread, while
        // this lock is held: `Driven::drop` then leaves the coroutine here instead of
        // ending the task in the table (which would lock it again, for ever).
        let key = (Arc::as_ptr(self) as usize, id);
        SPAWNING.with(|s| s.set(Some(key)));
        let join = self.runtime.spawn(drive(Driven {
            shared: Arc::clone(self),
            id,
            coro: Some(task),
            ended: false,
        }));
        SPAWNING.with(|s| s.set(None));
        let dropped = DROPPED_AT_SPAWN.with(|d| d.borrow_mut().take());
        let slot = match dropped {
            None => Some(Slot::Running {
                join: Some(join),
                waiter: None,
                waiting_for: None,
                detached,
            }),
            Some(_) if detached => None,
            Some(_) => Some(Slot::Finished(Err(WaitError::Killed {
                target: id,
                by: None,
            }))),
        };
        if let Some(slot) = slot {
            table.slots.insert(id, slot);
        }
        drop(table);
        // The coroutine's drop code runs without the lock, as for any task.
        if let Some(coro) = dropped {
            drop_task(coro);
        }
        id
    }

    /// Checks a wait by `waiter` (`None`: the owner) and registers it if it must wait.
    fn begin_wait(&self, target: TaskId, waiter: Option<TaskId>) -> Result<WaitStart, WaitError> {
        if waiter == Some(target) {
            return Err(WaitError::WaitOnSelf(target));
        }
        let mut table = self.lock();
        match table.slots.get(&target) {
            None if table.missing(target) => return Err(WaitError::Unknown(target)),
            None => return Err(WaitError::Finished(target)),
            Some(Slot::Finished(_)) => {
                let Some(Slot::Finished(outcome)) = table.slots.remove(&target) else {
                    unreachable!("just seen finished");
                };
                return Ok(WaitStart::Ready(outcome));
            }
            Some(Slot::Running {
                waiter: Some((other, sender)),
                ..
            }) if !sender.is_closed() => {
                return Err(WaitError::AlreadyWaited {
                    target,
                    waiter: *other,
                });
            }
            Some(Slot::Running { .. }) => {}
        }
        if let Some(me) = waiter {
            // Follow the chain of waits from the target: reaching the caller would close a
            // cycle. Each task waits for one other at most, and cycles are never made, so
            // the chain ends within the table's size.
            let mut cycle = Vec::from([target]);
            let mut at = target;
            while let Some(Slot::Running {
                waiting_for: Some(next),
                ..
            }) = table.slots.get(&at)
            {
                cycle.push(*next);
                if *next == me {
                    return Err(WaitError::Deadlock { target, cycle });
                }
                if cycle.len() > table.slots.len() {
                    break;
                }
                at = *next;
            }
        }
        let (sender, receiver) = oneshot::channel();
        if let Some(Slot::Running { waiter: slot, .. }) = table.slots.get_mut(&target) {
            *slot = Some((waiter, sender));
        }
        if let Some(me) = waiter
            && let Some(Slot::Running { waiting_for, .. }) = table.slots.get_mut(&me)
        {
            *waiting_for = Some(target);
        }
        Ok(WaitStart::Pending(receiver))
    }

    /// The wait of `waiter` is over: it waits for nothing now.
    fn end_wait(&self, waiter: TaskId) {
        if let Some(Slot::Running { waiting_for, .. }) = self.lock().slots.get_mut(&waiter) {
            *waiting_for = None;
        }
    }

    /// Records that `target` was killed by `by` and hands back its tokio task to abort.
    fn begin_kill(
        &self,
        target: TaskId,
        by: Option<TaskId>,
    ) -> Result<Option<JoinHandle<()>>, KillError> {
        let mut table = self.lock();
        let missing = table.missing(target);
        let join = match table.slots.get_mut(&target) {
            None if missing => return Err(KillError::Unknown(target)),
            None | Some(Slot::Finished(_)) => return Err(KillError::Finished(target)),
            Some(Slot::Running { join, .. }) => join.take(),
        };
        // A kill's outcome holds no return value: nothing to drop outside the lock.
        drop(table.finish(target, Err(WaitError::Killed { target, by })));
        Ok(join)
    }

    fn finish(&self, id: TaskId, outcome: Outcome) {
        let leftover = self.lock().finish(id, outcome);
        drop(leftover); // after the lock is released: it may run the task's drop code
    }
}

/// The answer a task will be resumed with, kept in a form that may cross an `.await` of a
/// `Send` future (a [`Reply`] is not `Send`: its `Wait` value is a `Box<dyn Any>`).
enum Answer {
    Start,
    Done,
    Tid(TaskId),
    Spawned(TaskId),
    Kill(Result<(), KillError>),
    Wait(Outcome),
    Io(io::Result<IoSource>),
}

impl Answer {
    fn into_reply(self) -> Reply {
        match self {
            Answer::Start => Reply::Start,
            Answer::Done => Reply::Done,
            Answer::Tid(id) => Reply::Tid(id),
            Answer::Spawned(id) => Reply::Spawned(id),
            Answer::Kill(result) => Reply::Kill(result),
            Answer::Wait(outcome) => Reply::Wait(outcome.map(|value| value as Box<dyn Any>)),
            Answer::Io(result) => Reply::Io(result),
        }
    }
}

/// What a system call needs after it was looked at: an answer now, or something to await.
enum Action {
    Answer(Answer),
    YieldNow,
    Sleep(Duration),
    SleepUntil(Instant),
    Wait(TaskId, oneshot::Receiver<Outcome>),
    Kill(Option<JoinHandle<()>>),
    Io(IoSource, Interest),
    /// The task ends: it killed itself (`None`), or made an unsupported call.
    End(Option<&'static str>),
}

/// Where a resume left a task.
enum Step {
    /// It yielded a system call, looked at already.
    Call(Action),
    /// It finished, returning or panicking; its coroutine is dropped by [`Driven::end`].
    Finished(Outcome),
}

/// A task as its driver holds it: the coroutine, and the duty to end the task in the table.
/// Passed to [`drive`] by value, so that it is dropped even if tokio drops the driver before
/// its first poll. Dropped with the task still running (a panic of the backend itself,
/// tokio's when the runtime was built without timers or I/O, say; or the runtime shutting
/// down), it drops the coroutine, then ends the task, so that a waiter is told and never
/// left waiting.
struct Driven {
    shared: Arc<Shared>,
    id: TaskId,
    coro: Option<SendBoxedTask>,
    /// [`Driven::end`] has run: the task's outcome is in the table.
    ended: bool,
}

impl Driven {
    /// Drops the coroutine if it is still there, then records the task's `outcome` (so a
    /// waiter hears of it once its drop code has run).
    fn end(&mut self, outcome: Outcome) {
        if let Some(coro) = self.coro.take() {
            drop_task(coro);
        }
        self.ended = true;
        self.shared.finish(self.id, outcome);
    }
}

std::thread_local! {
    /// The scheduler (by address) and task that `Shared::start` is spawning on this thread.
    static SPAWNING: core::cell::Cell<Option<(usize, TaskId)>> = const { core::cell::Cell::new(None) };
    /// The coroutine of that task, if tokio dropped its driver during the spawn.
    static DROPPED_AT_SPAWN: core::cell::RefCell<Option<SendBoxedTask>> =
        const { core::cell::RefCell::new(None) };
}

impl Drop for Driven {
    fn drop(&mut self) {
        let key = (Arc::as_ptr(&self.shared) as usize, self.id);
        if SPAWNING.with(|s| s.get()) == Some(key) {
            // Dropped inside `Shared::start` (see there), which ends the task.
            let coro = self.coro.take();
            DROPPED_AT_SPAWN.with(|d| *d.borrow_mut() = coro);
            return;
        }
        if self.ended {
            return;
        }
        let target = self.id;
        let outcome = if std::thread::panicking() {
            WaitError::Panicked {
                target,
                message: String::from(
                    "the tokio backend panicked while carrying out a system call (was the \
                     runtime built with `enable_all`?)",
                ),
            }
        } else {
            WaitError::Killed { target, by: None }
        };
        self.end(Err(outcome));
    }
}

/// Drives a task: resumes it, carries out what it yields, until it finishes.
async fn drive(mut task: Driven) {
    let id = task.id;
    let mut answer = Answer::Start;
    loop {
        let action = match task.shared.step(id, &mut task.coro, answer) {
            Step::Call(action) => action,
            Step::Finished(outcome) => return task.end(outcome),
        };
        answer = match action {
            Action::Answer(answer) => answer,
            Action::YieldNow => {
                ::tokio::task::yield_now().await;
                Answer::Done
            }
            Action::Sleep(duration) => {
                ::tokio::time::sleep(duration).await;
                Answer::Done
            }
            Action::SleepUntil(deadline) => {
                ::tokio::time::sleep_until(deadline.into()).await;
                Answer::Done
            }
            Action::Wait(target, receiver) => {
                let outcome = received(target, receiver.await);
                task.shared.end_wait(id);
                Answer::Wait(outcome)
            }
            Action::Kill(join) => {
                end(join).await;
                Answer::Kill(Ok(()))
            }
            Action::Io(source, interest) => Answer::Io(wait_io(source, interest).await),
            Action::End(unsupported) => {
                let outcome = match unsupported {
                    None => WaitError::Killed {
                        target: id,
                        by: Some(id),
                    },
                    Some(call) => WaitError::Unsupported { target: id, call },
                };
                return task.end(Err(outcome));
            }
        };
    }
}

impl Shared {
    /// Resumes task `id` with `answer` (a plain function, not part of the `drive` future:
    /// the [`Syscall`] it gets back is not `Send`, and is turned into an [`Action`] here).
    fn step(
        self: &Arc<Shared>,
        id: TaskId,
        coro: &mut Option<SendBoxedTask>,
        answer: Answer,
    ) -> Step {
        let Some(task) = coro.as_mut() else {
            unreachable!("a finished task is not resumed");
        };
        let resumed = {
            let _running = RunningOn::enter(self.tag);
            panic::catch_unwind(AssertUnwindSafe(move || match answer {
                Answer::Start => match task.start_send() {
                    Some(state) => state,
                    None => task.resume_send(Reply::Start),
                },
                answer => task.resume_send(answer.into_reply()),
            }))
        };
        let outcome = match resumed {
            Ok(CoroutineState::Yielded(call)) => return Step::Call(self.carry_out(id, call)),
            Ok(CoroutineState::Complete(value)) => Ok(value),
            Err(payload) => Err(WaitError::Panicked {
                target: id,
                message: panic_message(&*payload),
            }),
        };
        Step::Finished(outcome)
    }
}

/// Drops a task's coroutine; a panic in its drop guards is caught (and reported by the
/// panic hook) rather than ending the worker's task.
fn drop_task(coro: SendBoxedTask) {
    let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(coro)));
}

impl Shared {
    /// Looks at a system call of task `id` and does what can be done at once.
    fn carry_out(self: &Arc<Shared>, id: TaskId, call: Syscall) -> Action {
        match call {
            Syscall::YieldNow => Action::YieldNow,
            Syscall::GetTid => Action::Answer(Answer::Tid(id)),
            Syscall::Spawn(task) => {
                let detached = task.is_detached();
                match task.into_send() {
                    Some(task) => Action::Answer(Answer::Spawned(self.start(task, detached))),
                    None => Action::End(Some("spawn_local (spawning a task that is not Send)")),
                }
            }
            Syscall::Kill(target) if target == id => Action::End(None),
            Syscall::Kill(target) => match self.begin_kill(target, Some(id)) {
                Ok(join) => Action::Kill(join),
                Err(error) => Action::Answer(Answer::Kill(Err(error))),
            },
            Syscall::Wait(target) => match self.begin_wait(target, Some(id)) {
                Ok(WaitStart::Ready(outcome)) => Action::Answer(Answer::Wait(outcome)),
                Ok(WaitStart::Pending(receiver)) => Action::Wait(target, receiver),
                Err(error) => Action::Answer(Answer::Wait(Err(error))),
            },
            Syscall::Sleep(duration) => Action::Sleep(duration),
            Syscall::SleepUntil(deadline) => Action::SleepUntil(deadline),
            Syscall::WaitIo(source, interest) => Action::Io(source, interest),
            Syscall::WaitReady(..) => Action::End(Some(
                "waiting on a Registered socket (the single-threaded scheduler's reactor)",
            )),
            Syscall::GetReactor => Action::End(Some(
                "get_reactor (the single-threaded scheduler's reactor)",
            )),
            Syscall::Stop => Action::End(Some("stop (there is no run loop to return from)")),
        }
    }
}

/// Waits until `source` is ready for `interest` with tokio's reactor, and hands it back:
/// the answer of [`Syscall::WaitIo`], with the same errors as the single-threaded
/// scheduler's (a pending socket error; a hung-up socket waited on for writing).
async fn wait_io(source: IoSource, interest: Interest) -> io::Result<IoSource> {
    // With ERROR, so that a pending socket error wakes the wait and shows in its readiness
    // (the poller reports errors whatever the interest; tokio filters by it).
    let wanted = match interest {
        Interest::Readable => ::tokio::io::Interest::READABLE,
        Interest::Writable => ::tokio::io::Interest::WRITABLE,
    }
    .add(::tokio::io::Interest::ERROR);
    // SAFETY: `register_with_interest` needs the descriptor to stay open, and to be what
    // `as_raw_fd` returns, for as long as the `AsyncFd` owns it. `IoSource` is an `OwnedFd`:
    // open for its whole life, closed only when dropped, and `as_raw_fd` always returns that
    // one descriptor; nothing here reaches inside (`get_mut` is not used), and `into_inner`
    // deregisters it before handing it back. (`the_descriptor_is_deregistered_before_it_
    // is_handed_back`, below, would fail if it stayed registered.)
    let fd = unsafe { AsyncFd::register_with_interest(source, wanted) }.map_err(io::Error::from)?;
    let ready = fd.ready(wanted).await?.ready();
    // Deregistered from tokio's reactor before the copy is handed back (or closed).
    let source = fd.into_inner();
    io_result(source, ready.is_error(), ready.is_write_closed(), interest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::net::{TcpListener, TcpStream};
    use std::os::fd::AsRawFd;

    /// The `unsafe` registration's invariant: the descriptor registered is the one handed
    /// back, still open, and no longer registered. Registering a descriptor tokio still
    /// holds fails ("File exists"), so the second wait on the same copy would fail if the
    /// first had left it registered.
    #[test]
    fn the_descriptor_is_deregistered_before_it_is_handed_back() {
        let runtime = ::tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        client.write_all(b"x").unwrap();
        let source = IoSource::new(&server).unwrap();
        let raw = source.as_raw_fd();
        runtime.block_on(async {
            let source = wait_io(source, Interest::Readable).await.unwrap();
            assert_eq!(source.as_raw_fd(), raw);
            let source = wait_io(source, Interest::Writable).await.unwrap();
            assert_eq!(source.as_raw_fd(), raw);
            let source = wait_io(source, Interest::Readable).await.unwrap();
            // Still open: the socket answers through the handed-back copy.
            let copy = TcpStream::from(source.into_owned_fd());
            assert_eq!(copy.peer_addr().unwrap(), client.local_addr().unwrap());
        });
    }
}
