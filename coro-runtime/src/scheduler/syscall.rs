//! The requests a task yields and the answers it is resumed with.

use core::any::Any;
use core::fmt;
use std::boxed::Box;
use std::string::String;
use std::time::{Duration, Instant};
use std::vec::Vec;

#[cfg(unix)]
use super::io_wait::IoSource;
#[cfg(unix)]
use std::io;

use super::task::{Task, TaskId};

/// A system call: what a task yields to ask the scheduler for something (Beazley's
/// `SystemCall` subclasses).
///
/// Tasks rarely build these by hand: the helpers ([`get_tid`](super::get_tid),
/// [`spawn`](super::spawn()), [`sleep`](super::sleep), [`readable`](super::readable), ...)
/// each yield one and turn the [`Reply`] into a typed result. Each variant says which
/// `Reply` variant answers it.
///
/// ```
/// use coro_runtime::scheduler::{get_tid, Reply, Syscall};
/// use coro_runtime::{Coroutine, CoroutineState};
///
/// let mut call = get_tid();
/// assert!(matches!(call.start(), Some(CoroutineState::Yielded(Syscall::GetTid))));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Syscall {
    /// Go to the back of the ready queue and let the others run: Python's bare `yield`.
    /// Answered by [`Reply::Done`].
    YieldNow,
    /// "What is my id?" Answered by [`Reply::Tid`].
    GetTid,
    /// Start a new task. The new task goes to the back of the ready queue, then the caller
    /// does (as in Beazley's `NewTask`). Answered by [`Reply::Spawned`].
    Spawn(Task),
    /// Kill a task: it is removed at once and its locals are dropped (so drop guards run)
    /// before the caller is resumed; a task waiting for it learns it was killed. A task may
    /// kill itself, which ends it and gets no answer. Otherwise answered by [`Reply::Kill`].
    Kill(TaskId),
    /// Wait until a task finishes, and take its outcome. Answered by [`Reply::Wait`].
    Wait(TaskId),
    /// Sleep for at least this long while other tasks run. Answered by [`Reply::Done`].
    Sleep(Duration),
    /// Sleep until this instant (no time at all if it has passed, though the task still
    /// goes through the sleep queue once). Answered by [`Reply::Done`].
    SleepUntil(Instant),
    /// Wait until the socket can be read (or written) without blocking. The scheduler keeps
    /// the [`IoSource`] while the task waits and hands it back in [`Reply::Io`].
    #[cfg(unix)]
    WaitIo(IoSource, Interest),
    /// Wait until a [`Registered`](super::Registered) socket is ready again, after an
    /// attempt that would block (the registration is edge-triggered: a wait not preceded by
    /// such an attempt may never wake). Answered by [`Reply::Done`], possibly early: the
    /// helpers try again, and wait again if it still would block.
    #[cfg(unix)]
    WaitReady(super::ReadyKey, Interest),
    /// "Which poller do you use?" Answered by [`Reply::Reactor`], to register sockets with.
    #[cfg(unix)]
    GetReactor,
    /// Ask the running [`Scheduler::run`](super::Scheduler::run) to return
    /// [`RunExit::StopRequested`](super::RunExit::StopRequested) once this task has been
    /// put back in the ready queue. Answered by [`Reply::Done`] on the next run.
    Stop,
}

/// The scheduler's answer to a [`Syscall`]: the value a task is resumed with.
///
/// Each variant answers particular system calls, so each helper knows exactly which variant
/// to expect; tasks that use the helpers never look at a `Reply` themselves.
///
/// ```
/// use coro_runtime::scheduler::{sleep, Reply, Syscall};
/// use coro_runtime::{Coroutine, CoroutineState};
/// use std::time::Duration;
///
/// // Drive the `sleep` helper by hand, playing the scheduler.
/// let mut call = sleep(Duration::from_millis(10));
/// match call.start() {
///     Some(CoroutineState::Yielded(Syscall::Sleep(d))) => assert_eq!(d.as_millis(), 10),
///     other => panic!("unexpected {other:?}"),
/// }
/// assert!(matches!(call.resume(Reply::Done), CoroutineState::Complete(())));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Reply {
    /// The first resume of a task whose coroutine cannot [`start`](crate::Coroutine::start)
    /// without a value (a hand-written one that keeps the default `start`). There is no
    /// system call to answer yet; ignore it, as Python's priming `send(None)` is ignored.
    Start,
    /// The system call is done and has nothing to report: [`Syscall::YieldNow`],
    /// [`Syscall::Sleep`], [`Syscall::SleepUntil`], [`Syscall::Stop`], and (on Unix)
    /// `Syscall::WaitReady`.
    Done,
    /// The caller's own id: answers [`Syscall::GetTid`].
    Tid(TaskId),
    /// The new task's id: answers [`Syscall::Spawn`].
    Spawned(TaskId),
    /// Answers [`Syscall::Kill`].
    Kill(Result<(), KillError>),
    /// Answers [`Syscall::Wait`]: the task's return value, boxed, or why there is none.
    Wait(Result<Box<dyn Any>, WaitError>),
    /// Answers [`Syscall::WaitIo`]: the source is ready (and handed back), or the error.
    #[cfg(unix)]
    Io(io::Result<IoSource>),
    /// Answers `Syscall::GetReactor`: the scheduler's poller, to register sockets with.
    #[cfg(unix)]
    Reactor(super::Reactor),
}

/// Why a [`Syscall::Kill`] (or [`Scheduler::kill`](super::Scheduler::kill)) did nothing.
///
/// ```
/// use coro_runtime::scheduler::{KillError, Scheduler, TaskId};
///
/// let mut sched = Scheduler::new()?;
/// let err = sched.kill(TaskId::new(9)).unwrap_err();
/// assert_eq!(err, KillError::Unknown(TaskId::new(9)));
/// assert_eq!(err.to_string(), "cannot kill task 9: this scheduler never spawned it");
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KillError {
    /// No task with this id was ever spawned by this scheduler.
    Unknown(TaskId),
    /// The task has already finished (returned, panicked or been killed).
    Finished(TaskId),
}

impl fmt::Display for KillError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KillError::Unknown(id) => {
                write!(f, "cannot kill {id}: this scheduler never spawned it")
            }
            KillError::Finished(id) => write!(f, "cannot kill {id}: it has already finished"),
        }
    }
}

impl std::error::Error for KillError {}

/// Why a [`Syscall::Wait`] (or [`Scheduler::take_result`](super::Scheduler::take_result))
/// produced no return value.
///
/// The first group of variants are mistakes, answered at once without waiting; `Killed`
/// and `Panicked` report how the task ended.
///
/// ```
/// use coro_runtime::scheduler::{wait, Scheduler, TaskId, WaitError};
///
/// let mut sched = Scheduler::new()?;
/// // A task that waits for task 1... which is itself.
/// let waiter = sched.spawn(wait(TaskId::new(1)));
/// sched.run()?;
/// let err = sched.take_result(waiter)?.unwrap_err();
/// assert_eq!(err, WaitError::WaitOnSelf(TaskId::new(1)));
/// assert_eq!(err.to_string(), "task 1 cannot wait for itself: it would never wake up");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WaitError {
    /// No task with this id was ever spawned by this scheduler.
    Unknown(TaskId),
    /// The task has finished and its outcome is gone: an earlier wait took it, or the task
    /// was [detached](super::Task::detached).
    Finished(TaskId),
    /// A task tried to wait for itself.
    WaitOnSelf(TaskId),
    /// Another task is already waiting for this one; a return value can be handed to one
    /// waiter only.
    AlreadyWaited {
        /// The task waited for.
        target: TaskId,
        /// The task already waiting for it; `None` for the code outside the tasks: the
        /// owner of a `TokioScheduler` (the `tokio` feature) awaiting its `wait`.
        waiter: Option<TaskId>,
    },
    /// Waiting would close a cycle of tasks waiting for each other, none of which could
    /// ever wake.
    Deadlock {
        /// The task waited for.
        target: TaskId,
        /// The chain of waits: `target` waits for `cycle[1]`, which waits for `cycle[2]`
        /// ..., and the last one is the task that asked.
        cycle: Vec<TaskId>,
    },
    /// The task was killed, by the task `by` (`None`: from outside, by
    /// [`Scheduler::kill`](super::Scheduler::kill)).
    Killed {
        /// The task that was killed.
        target: TaskId,
        /// Who killed it.
        by: Option<TaskId>,
    },
    /// The task panicked; the scheduler caught the panic and removed the task.
    Panicked {
        /// The task that panicked.
        target: TaskId,
        /// The panic message (or a placeholder when the payload was not a string).
        message: String,
    },
    /// Only from [`Scheduler::take_result`](super::Scheduler::take_result): the task is still
    /// running.
    NotFinished(TaskId),
    /// The task made a system call its backend cannot carry out, and was ended there: on
    /// the tokio backend, spawning a [local](super::Task::local) task, the reactor's calls
    /// (`get_reactor` and waits on [`Registered`](super::Registered) sockets), and
    /// [`stop`](super::stop).
    Unsupported {
        /// The task that made the call.
        target: TaskId,
        /// The system call, and why it cannot be carried out.
        call: &'static str,
    },
    /// The handle's type is not the task's return type. Handles carry their scheduler, so
    /// one from another scheduler is [`WaitError::Unknown`] instead, and this is not
    /// produced any more; it stays for code that matches on it.
    TypeMismatch {
        /// The task waited for.
        target: TaskId,
        /// The type the handle expected.
        expected: &'static str,
    },
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Unknown(id) => {
                write!(f, "cannot wait for {id}: this scheduler never spawned it")
            }
            WaitError::Finished(id) => write!(
                f,
                "cannot wait for {id}: it has finished and its outcome was already taken \
                 (or it was detached)"
            ),
            WaitError::WaitOnSelf(id) => {
                write!(f, "{id} cannot wait for itself: it would never wake up")
            }
            WaitError::AlreadyWaited { target, waiter } => {
                write!(f, "cannot wait for {target}: ")?;
                match waiter {
                    Some(waiter) => write!(f, "{waiter}")?,
                    None => f.write_str("the code outside the tasks")?,
                }
                f.write_str(" is already waiting for it, and its outcome goes to one waiter only")
            }
            WaitError::Deadlock { target, cycle } => {
                write!(f, "cannot wait for {target}: it would deadlock (")?;
                for (i, id) in cycle.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" waits for ")?;
                    }
                    write!(f, "{id}")?;
                }
                if let Some(first) = cycle.first() {
                    write!(f, " waits for {first}")?;
                }
                f.write_str(")")
            }
            WaitError::Killed {
                target,
                by: Some(by),
            } => write!(f, "{target} was killed by {by}"),
            WaitError::Killed { target, by: None } => {
                write!(f, "{target} was killed by the scheduler's owner")
            }
            WaitError::Panicked { target, message } => write!(f, "{target} panicked: {message}"),
            WaitError::NotFinished(id) => write!(f, "{id} has not finished yet"),
            WaitError::Unsupported { target, call } => {
                write!(
                    f,
                    "{target} was ended: this backend does not support {call}"
                )
            }
            WaitError::TypeMismatch { target, expected } => write!(
                f,
                "{target} does not return `{expected}`: the handle belongs to another scheduler"
            ),
        }
    }
}

impl std::error::Error for WaitError {}

/// Which readiness a task waits for in [`Syscall::WaitIo`].
///
/// ```
/// use coro_runtime::scheduler::Interest;
/// assert_eq!(Interest::Readable.to_string(), "readable");
/// assert_ne!(Interest::Readable, Interest::Writable);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Interest {
    /// A read would not block.
    Readable,
    /// A write would not block.
    Writable,
}

impl fmt::Display for Interest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Interest::Readable => "readable",
            Interest::Writable => "writable",
        })
    }
}
