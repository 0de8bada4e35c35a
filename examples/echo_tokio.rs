//! `echo_tokio`: the seed's echo server (`examples/echo_server.rs`) on tokio's
//! multi-thread runtime, with four worker threads.
//!
//! ```text
//! cargo run --example echo_tokio --features tokio
//! ```
//!
//! The task functions are not copied: this file includes `echo_server.rs` as a module and
//! runs its `main_task` (which spawns the server, runs two clients one after the other,
//! and kills the server) with [`TokioScheduler`] instead of the single-threaded
//! `Scheduler`. Every `yield_from!(accept(..))`, `recv`, `send_all`, `spawn`, `wait` and
//! `kill` in those functions is carried out by tokio: sockets through its reactor, each
//! task a tokio task, on whichever worker thread tokio picks.
//!
//! The output is the seed's, without its `Task N terminated` lines (those come from the
//! single-threaded scheduler's exit hook). The tasks run in parallel, so lines printed by
//! different tasks at the same moment may come in either order: a handler's `Client
//! closed` races its client's `done` and what main prints after it.
//! `tests/examples.rs` checks the lines, and the orders the tasks do impose.

use std::io;

use coro::scheduler::tokio::TokioScheduler;

/// The seed's tasks, from the single-threaded example, unchanged. Its `main`, `iotask`
/// and exit hook are the single-threaded scheduler's and go unused here.
#[allow(dead_code)]
#[path = "echo_server.rs"]
mod seed;

fn main() -> io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()?;
    let sched = TokioScheduler::new(runtime.handle().clone());
    let main = sched.spawn(seed::main_task());
    runtime
        .block_on(sched.wait(main))
        .expect("main was neither killed nor panicked")
}
