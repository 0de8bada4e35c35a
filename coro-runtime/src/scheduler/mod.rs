//! A cooperative scheduler for coroutine tasks: David Beazley's generator "operating
//! system" (tasks, system calls, trampolining, I/O waiting) in typed Rust.
//!
//! A **task** is any [`Coroutine<Reply, Yield = Syscall>`](Coroutine). It runs until it
//! yields a [`Syscall`]: a request to the scheduler (its id, a new task, a sleep, a socket
//! to wait for...). The scheduler carries the request out and, when the answer is ready,
//! resumes the task with a [`Reply`]. Tasks do not build syscalls or read replies
//! themselves: typed helpers do it, each a small sub-coroutine that yields one syscall
//! and *returns* the typed answer, which is exactly what `yield_from!` (PEP 380's
//! `yield from`, and Beazley's trampolining) forwards and evaluates to:
//!
//! ```
//! use std::io::{self, Read, Write};
//! use std::net::{Shutdown, TcpListener, TcpStream};
//!
//! use coro::scheduler::{accept, recv, send_all, spawn_detached, Reply, Scheduler, Syscall};
//! use coro::{yield_from, Coroutine};
//!
//! /// Accepts `clients` connections, each echoed by a task of its own.
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
//!             return Ok(()); // the client closed its side
//!         }
//!         yield_from!(send_all(&conn, data))?;
//!     }
//! }
//!
//! let listener = TcpListener::bind("127.0.0.1:0")?;
//! let addr = listener.local_addr()?;
//! let mut sched = Scheduler::new()?;
//! let done = sched.spawn(server(listener, 1));
//! // A client on a thread of its own, as a real one would be.
//! let client = std::thread::spawn(move || -> io::Result<Vec<u8>> {
//!     let mut conn = TcpStream::connect(addr)?;
//!     conn.write_all(b"hello")?;
//!     conn.shutdown(Shutdown::Write)?;
//!     let mut echo = Vec::new();
//!     conn.read_to_end(&mut echo)?;
//!     Ok(echo)
//! });
//! sched.run()?;
//! assert_eq!(client.join().unwrap()?, b"hello");
//! assert!(sched.take_result(done)?.is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! | Beazley / Python | here |
//! |---|---|
//! | `yield` (give up the CPU) | [`yield_now()`] |
//! | `yield GetTid()` | [`get_tid()`] → [`TaskId`] |
//! | `yield NewTask(coro)` | [`spawn(coro)`](spawn()) → [`TaskHandle<R>`], or [`spawn_detached`]; [`spawn_local`] for a task that is not `Send` |
//! | `yield KillTask(tid)` | [`kill(tid)`](kill) → `Result<(), KillError>` |
//! | `yield WaitTask(tid)` | [`wait(handle)`](wait) → `Result<R, WaitError>` (the task's return value) |
//! | `yield from sleep(s)` (the "Build this" exercise) | [`sleep(duration)`](sleep), [`sleep_until`] |
//! | `yield ReadWait(sock)` / `WriteWait` | [`readable(&sock)`](readable) / [`writable`] |
//! | `client, addr = yield Accept(sock)` | [`accept(&listener)`](accept), [`recv`], [`send_all`] |
//! | `sched.mainloop()` | [`Scheduler::run`], [`run_until`](Scheduler::run_until), [`run_for`](Scheduler::run_for) |
//!
//! # Design
//!
//! - **Typed replies.** A task is resumed with one `Reply` enum, but only the helpers look
//!   at it, and each helper expects exactly the variant that answers its own syscall. A task
//!   written with the helpers sees `TaskId`, `Result<R, WaitError>`, `io::Result<..>`:
//!   it cannot mistake a sleep's answer for a task id.
//! - **Return values: `Box<dyn Any>` inside, types outside.** Tasks of one scheduler may
//!   return different types (a server returns `io::Result<()>`, a worker a number), so the
//!   scheduler stores every task boxed with its return value erased to `Box<dyn Any>`
//!   (one allocation per finished task). [`spawn`](spawn()) gives back a
//!   [`TaskHandle<R>`] that remembers `R`, and waiting on it downcasts for you, which
//!   cannot fail within one scheduler. A bare [`TaskId`] works too and yields the
//!   `Box<dyn Any>`. A single return type `T` per scheduler would have forced every user to
//!   define an enum of all their tasks' results.
//! - **Outcomes are kept until collected**, like a joinable thread's: a task that finishes
//!   before anyone waits for it keeps its outcome (return value, killed, or panicked), so
//!   "spawn, then wait" is never racy. The first wait (or
//!   [`Scheduler::take_result`]) takes it; a second gets [`WaitError::Finished`]. A task
//!   nobody will wait for should be [detached](spawn_detached) so nothing accumulates.
//!   One task at a time may wait for a given task.
//! - **Fairness** is the seed's deque loop: `popleft`, resume, and `append` if it yields.
//!   Syscalls answered at once (`get_tid`, `spawn`, `kill`, a failed `wait`) also send the
//!   caller to the back of the queue, as Beazley's `schedule(task)` does; a spawned task
//!   is queued before its parent. Between rounds the scheduler wakes due sleepers (in wake
//!   order, from a min-heap; equal deadlines in spawn order) and polls sockets without blocking; it blocks in the poller
//!   only when no task is ready.
//! - **Errors are replies.** Killing or waiting for an unknown or finished task, waiting for
//!   yourself, waiting in a cycle, and waiting on a socket that cannot be polled or is
//!   closed all answer the task with an error value. A task that panics is caught
//!   (`catch_unwind`), removed, and its waiter gets [`WaitError::Panicked`]; the others go
//!   on. The default panic hook still prints the panic message.
//! - **Kill drops at once.** The killed task's coroutine is dropped before the killer is
//!   resumed, so its drop guards (the `finally` blocks of a port) run immediately.
//! - **Sockets** are waited on with the [`polling`] crate (epoll, kqueue, ...). A helper
//!   that must wait holds a duplicate of the socket's descriptor rather than a borrow,
//!   because a borrow of a coroutine's own local cannot be kept across a yield; see
//!   [`IoSource`]. [`recv`] and [`send_all`] first try at once on the caller's socket
//!   (`MSG_DONTWAIT`), so they copy and wait only when the data is not there yet or the
//!   send buffer is full. A socket [registered](Reactor::register) once instead
//!   ([`Registered`], from [`Scheduler::reactor`] or [`get_reactor`]) stays in the poller,
//!   edge-triggered, for its whole life, and its waits cost no system call: the fast path
//!   for sockets a task keeps. The I/O part is available on Unix only.
//! - **Tasks live in one table keyed by their id**, entries inline, hashed so that tasks
//!   spawned one after another are neighbours in memory; the ready queue and the sleep
//!   heap hold ids. Ids stay sequential (as Beazley's `tid`s) and are never reused.
//! - **`Send` where it costs nothing.** The helpers' sub-coroutines are `Send` (a [`Call`]
//!   keeps its request in a `Send` form, [`Recv`] and [`SendAll`] on plain sockets hold
//!   no `Rc`), so a `#[coro::coroutine]` task holding sockets and helpers across its
//!   yields is `Send`, and [`spawn`](spawn()) asks for `Send` tasks: the same task code
//!   then runs on the multi-threaded backend too. This scheduler itself never moves a
//!   task, and still takes any task: [`Scheduler::spawn`], [`spawn_local`].
//!
//! # On tokio
//!
//! With the `tokio` feature (Unix), `scheduler::tokio::TokioScheduler` runs the same
//! tasks, unchanged, as tasks on tokio's multi-thread runtime, with tokio's timers and
//! reactor. Tasks (and their return values) must be `Send` there. The reactor's calls
//! ([`get_reactor`], [`Registered`] sockets), [`spawn_local`] and [`stop`] are not
//! supported on tokio: a task making one ends with [`WaitError::Unsupported`]. The
//! module's own documentation (`scheduler::tokio`, built with the feature) has the details.
//!
//! # Example: the seed's round-robin scheduler
//!
//! ```
//! use coro::scheduler::{yield_now, Reply, Scheduler, Syscall};
//! use coro::{yield_from, Coroutine};
//! use std::{cell::RefCell, rc::Rc};
//!
//! /// def task(name, steps):
//! ///     for i in range(1, steps + 1):
//! ///         print(f"{name}: step {i}")
//! ///         yield
//! #[coro::coroutine]
//! fn task(name: &'static str, steps: u32, log: Rc<RefCell<Vec<String>>>) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
//!     for i in 1..=steps {
//!         log.borrow_mut().push(format!("{name}: step {i}"));
//!         yield_from!(yield_now());
//!     }
//! }
//!
//! let log = Rc::new(RefCell::new(Vec::new()));
//! let mut sched = Scheduler::new()?;
//! sched.spawn(task("A", 3, log.clone()));
//! sched.spawn(task("B", 2, log.clone()));
//! sched.run()?;
//! assert_eq!(*log.borrow(), ["A: step 1", "B: step 1", "A: step 2", "B: step 2", "A: step 3"]);
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # Without the macro
//!
//! A task is any coroutine, so one written by hand works too: here the same task, as a
//! struct that yields [`Syscall::YieldNow`] itself.
//!
//! ```
//! use coro_runtime::scheduler::{Reply, Scheduler, Syscall};
//! use coro_runtime::{Coroutine, CoroutineState};
//! use std::{cell::RefCell, rc::Rc};
//!
//! struct Steps {
//!     name: &'static str,
//!     done: u32,
//!     steps: u32,
//!     log: Rc<RefCell<Vec<String>>>,
//! }
//!
//! impl Coroutine<Reply> for Steps {
//!     type Yield = Syscall;
//!     type Return = ();
//!     fn resume(&mut self, _reply: Reply) -> CoroutineState<Syscall, ()> {
//!         if self.done == self.steps {
//!             return CoroutineState::Complete(());
//!         }
//!         self.done += 1;
//!         self.log.borrow_mut().push(format!("{}: step {}", self.name, self.done));
//!         CoroutineState::Yielded(Syscall::YieldNow)
//!     }
//! }
//!
//! let log = Rc::new(RefCell::new(Vec::new()));
//! let mut sched = Scheduler::new()?;
//! sched.spawn(Steps { name: "A", done: 0, steps: 3, log: log.clone() });
//! sched.spawn(Steps { name: "B", done: 0, steps: 2, log: log.clone() });
//! sched.run()?;
//! assert_eq!(*log.borrow(), ["A: step 1", "B: step 1", "A: step 2", "B: step 2", "A: step 3"]);
//! # Ok::<(), std::io::Error>(())
//! ```

#[cfg(doc)]
use crate::Coroutine;

mod calls;
#[cfg(unix)]
mod io_wait;
#[cfg(unix)]
mod reactor;
mod run;
mod syscall;
mod table;
mod task;
#[cfg(all(feature = "tokio", unix))]
pub mod tokio;

#[cfg(unix)]
pub use calls::get_reactor;
pub use calls::{
    Call, SpawnLocal, Wait, get_tid, kill, sleep, sleep_until, spawn, spawn_detached, spawn_local,
    spawn_local_detached, stop, wait, yield_now,
};
#[cfg(unix)]
pub use io_wait::{
    Accept, IoSource, Recv, SendAll, Unregistered, WaitIo, WaitVia, accept, readable, recv,
    send_all, writable,
};
#[cfg(unix)]
pub use reactor::{Reactor, ReadyKey, Registered, Socket};
pub use run::{RunExit, Scheduler, StopHandle, TaskExit};
pub use syscall::{Interest, KillError, Reply, Syscall, WaitError};
pub use task::{Joinable, Task, TaskHandle, TaskId, TaskState, TaskStats};
