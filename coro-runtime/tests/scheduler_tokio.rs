//! The scheduler's tasks on tokio's multi-thread runtime (`scheduler::tokio`): the echo
//! server with 1,000 clients across 4 worker threads, every byte checked (and the same
//! task functions on the single-threaded scheduler); sleeps; spawn,
//! wait and kill with their errors; and the calls tokio cannot carry out, which end the
//! task instead of hanging it.
//!
//! No test sleeps to synchronise: each waits for outcomes, under a generous deadline
//! (`tokio::time::timeout`) so that a bug shows up as a failure, not a hung test.
#![cfg(all(unix, feature = "tokio"))]

mod scheduler_common;

use std::collections::HashSet;
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use coro::scheduler::tokio::TokioScheduler;
use coro::scheduler::{
    KillError, Reply, RunExit, Scheduler, Syscall, Task, TaskHandle, TaskId, WaitError, accept,
    get_reactor, get_tid, kill, readable, recv, send_all, sleep, sleep_until, spawn,
    spawn_detached, stop, wait, writable, yield_now,
};
use coro::{Coroutine, yield_from};
use tokio::runtime::{Builder, Runtime};

/// A deadline no passing run comes near.
const DEADLINE: Duration = Duration::from_secs(60);

fn runtime(workers: usize) -> Runtime {
    Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()
        .unwrap()
}

/// Waits for `target` from outside, failing the test past [`DEADLINE`].
fn join<R: 'static>(
    runtime: &Runtime,
    sched: &TokioScheduler,
    target: TaskHandle<R>,
) -> Result<R, WaitError> {
    runtime
        .block_on(async { tokio::time::timeout(DEADLINE, sched.wait(target)).await })
        .expect("the task did not finish before the deadline")
}

// ---- the echo server: 1,000 clients, 4 worker threads ------------------------------

const CLIENTS: usize = 1000;
const MESSAGES: usize = 4;

fn message(client: usize, n: usize) -> Vec<u8> {
    scheduler_common::message(client, n, 12_000)
}

/// The threads the tasks ran on.
type Threads = Arc<Mutex<HashSet<ThreadId>>>;

fn note_thread(threads: &Threads) {
    threads.lock().unwrap().insert(std::thread::current().id());
}

/// The seed's `handle_client`, unchanged from the single-threaded scheduler's tests but
/// for noting its thread.
#[coro::coroutine]
fn handle_client(
    conn: TcpStream,
    threads: Threads,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    loop {
        let data = yield_from!(recv(&conn, 65536))?;
        note_thread(&threads);
        if data.is_empty() {
            return Ok(());
        }
        yield_from!(send_all(&conn, data))?;
    }
}

/// The seed's `server`: accepts `clients` connections, a detached handler task each.
#[coro::coroutine]
fn server(
    listener: TcpListener,
    clients: usize,
    threads: Threads,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<usize>> {
    for _ in 0..clients {
        let (conn, _addr) = yield_from!(accept(&listener))?;
        conn.set_nodelay(true)?;
        yield_from!(spawn_detached(handle_client(conn, threads.clone())));
    }
    Ok(clients)
}

/// A client: sends each message, reads its echo back whole and checks it byte for byte,
/// then closes its side and waits for the server to close. Returns the bytes checked.
#[coro::coroutine]
fn client(
    id: usize,
    addr: SocketAddr,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<usize>> {
    let conn = TcpStream::connect(addr)?;
    conn.set_nodelay(true)?;
    let mut checked = 0;
    for n in 0..MESSAGES {
        let sent = message(id, n);
        yield_from!(send_all(&conn, sent.clone()))?;
        let mut echoed = Vec::new();
        while echoed.len() < sent.len() {
            let data = yield_from!(recv(&conn, sent.len() - echoed.len()))?;
            if data.is_empty() {
                return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "closed early"));
            }
            echoed.extend_from_slice(&data);
        }
        assert!(echoed == sent, "client {id}: message {n} came back altered");
        checked += echoed.len();
    }
    conn.shutdown(std::net::Shutdown::Write)?;
    let rest = yield_from!(recv(&conn, 16))?;
    assert!(rest.is_empty(), "client {id}: bytes after the echoes");
    Ok(checked)
}

/// Starts every client as a task, then waits for each and adds up the bytes checked.
#[coro::coroutine]
fn launcher(addr: SocketAddr) -> impl Coroutine<Reply, Yield = Syscall, Return = usize> {
    let mut clients = Vec::new();
    for id in 0..CLIENTS {
        clients.push(yield_from!(spawn(client(id, addr))));
    }
    let mut total = 0;
    for (id, handle) in clients.into_iter().enumerate() {
        match yield_from!(wait(handle)) {
            Ok(Ok(bytes)) => total += bytes,
            other => panic!("client {id} failed: {other:?}"),
        }
    }
    total
}

/// A listener whose accept queue holds every client at once (`std`'s holds 128), so
/// that no connect waits on a full queue.
fn listener() -> TcpListener {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
    socket
        .bind(&SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .unwrap();
    socket.listen(CLIENTS as i32 + 64).unwrap();
    socket.into()
}

#[test]
fn echo_server_serves_1000_clients_across_4_worker_threads() {
    let runtime = runtime(4);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let listener = listener();
    let addr = listener.local_addr().unwrap();
    let threads = Threads::default();
    let t0 = Instant::now();
    let srv = sched.spawn(server(listener, CLIENTS, threads.clone()));
    let launch = sched.spawn(launcher(addr));
    let total = join(&runtime, &sched, launch).expect("the launcher failed");
    let expected: usize = (0..CLIENTS)
        .flat_map(|c| (0..MESSAGES).map(move |n| message(c, n).len()))
        .sum();
    assert_eq!(total, expected);
    assert_eq!(join(&runtime, &sched, srv).unwrap().unwrap(), CLIENTS);
    let threads = threads.lock().unwrap().len();
    // The handlers ran on tokio's workers, more than one of them.
    assert!(
        (2..=4).contains(&threads),
        "handlers ran on {threads} threads"
    );
    eprintln!(
        "{CLIENTS} clients x {MESSAGES} messages ({expected} bytes) echoed on {threads} \
         worker threads in {:?}",
        t0.elapsed()
    );
}

/// The same task functions, unchanged, on the single-threaded scheduler: all on one thread.
#[test]
fn the_same_echo_tasks_run_on_the_single_threaded_scheduler() {
    let listener = listener();
    let addr = listener.local_addr().unwrap();
    let threads = Threads::default();
    let mut sched = Scheduler::new().unwrap();
    let srv = sched.spawn(server(listener, CLIENTS, threads.clone()));
    let launch = sched.spawn(launcher(addr));
    assert_eq!(
        sched.run_for(DEADLINE).unwrap(),
        RunExit::AllDone,
        "not done before the deadline"
    );
    let expected: usize = (0..CLIENTS)
        .flat_map(|c| (0..MESSAGES).map(move |n| message(c, n).len()))
        .sum();
    assert_eq!(sched.take_result(launch).unwrap(), expected);
    assert_eq!(sched.take_result(srv).unwrap().unwrap(), CLIENTS);
    assert_eq!(threads.lock().unwrap().len(), 1);
}

// ---- sleep ---------------------------------------------------------------------------

#[coro::coroutine]
fn timed_nap(ms: u64) -> impl Coroutine<Reply, Yield = Syscall, Return = Duration> {
    let t0 = Instant::now();
    yield_from!(sleep(Duration::from_millis(ms)));
    t0.elapsed()
}

#[coro::coroutine]
fn nap_until(deadline: Instant) -> impl Coroutine<Reply, Yield = Syscall, Return = Instant> {
    yield_from!(sleep_until(deadline));
    Instant::now()
}

#[test]
fn sleepers_sleep_at_least_their_time_and_at_the_same_time() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let t0 = Instant::now();
    let naps: Vec<_> = [600, 200, 400]
        .into_iter()
        .map(|ms| (ms, sched.spawn(timed_nap(ms))))
        .collect();
    let deadline = t0 + Duration::from_millis(500);
    let until = sched.spawn(nap_until(deadline));
    for (ms, nap) in naps {
        let slept = join(&runtime, &sched, nap).unwrap();
        assert!(
            slept >= Duration::from_millis(ms),
            "{ms} ms nap took {slept:?}"
        );
    }
    assert!(join(&runtime, &sched, until).unwrap() >= deadline);
    // Together, not one after the other (1.2 s; the margin is for a loaded machine).
    assert!(
        t0.elapsed() < Duration::from_millis(1150),
        "{:?}",
        t0.elapsed()
    );
}

// ---- spawn, wait, kill ---------------------------------------------------------------

#[coro::coroutine]
fn double(x: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
    yield_from!(yield_now());
    x * 2
}

/// Spawns children, waits for them (typed values back), and checks the wait errors that
/// do not depend on timing.
#[coro::coroutine]
fn parent() -> impl Coroutine<Reply, Yield = Syscall, Return = (u32, TaskId)> {
    let me = yield_from!(get_tid());
    let a = yield_from!(spawn(double(20)));
    let b = yield_from!(spawn(double(1)));
    let sum = yield_from!(wait(a)).unwrap() + yield_from!(wait(b)).unwrap();
    let again = yield_from!(wait(a));
    assert_eq!(again, Err(WaitError::Finished(a.id())));
    let own = yield_from!(wait(me)).unwrap_err();
    assert_eq!(own, WaitError::WaitOnSelf(me));
    let unknown = TaskId::new(1_000_000);
    let never = yield_from!(wait(unknown)).unwrap_err();
    assert_eq!(never, WaitError::Unknown(unknown));
    let never = yield_from!(kill(unknown));
    assert_eq!(never, Err(KillError::Unknown(unknown)));
    let finished = yield_from!(kill(a));
    assert_eq!(finished, Err(KillError::Finished(a.id())));
    (sum, me)
}

#[test]
fn spawn_and_wait_hand_back_typed_values_and_the_same_errors() {
    let runtime = runtime(4);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let p = sched.spawn(parent());
    let (sum, me) = join(&runtime, &sched, p).unwrap();
    assert_eq!(sum, 42);
    assert_eq!(me, p.id());
    assert_eq!(
        runtime.block_on(sched.wait(p)),
        Err(WaitError::Finished(p.id()))
    );
    // A handle of another scheduler names no task here.
    let other = TokioScheduler::new(runtime.handle().clone());
    assert_eq!(
        runtime.block_on(other.wait(p)),
        Err(WaitError::Unknown(p.id()))
    );
    assert_eq!(sched.live(), 0);
}

/// Sets its flag when dropped: a task's `finally`.
struct Guard(Arc<AtomicBool>);

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Sleeps forever, with a guard; sets `started` once the guard is in place (a task killed
/// before it starts has no locals to drop yet).
#[coro::coroutine]
fn forever(
    dropped: Arc<AtomicBool>,
    started: Arc<AtomicBool>,
) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let _guard = Guard(dropped);
    started.store(true, Ordering::SeqCst);
    loop {
        yield_from!(sleep(Duration::from_secs(3600)));
    }
}

#[coro::coroutine]
fn killer() -> impl Coroutine<Reply, Yield = Syscall, Return = WaitError> {
    let dropped = Arc::new(AtomicBool::new(false));
    let started = Arc::new(AtomicBool::new(false));
    let f = yield_from!(spawn(forever(dropped.clone(), started.clone())));
    while !started.load(Ordering::SeqCst) {
        yield_from!(yield_now());
    }
    let killed = yield_from!(kill(f));
    assert_eq!(killed, Ok(()));
    // Dropped (its guard ran) before `kill` returned, on whichever thread it was.
    assert!(dropped.load(Ordering::SeqCst));
    let again = yield_from!(kill(f));
    assert_eq!(again, Err(KillError::Finished(f.id())));
    yield_from!(wait(f)).unwrap_err()
}

#[test]
fn kill_drops_the_task_before_it_returns_and_its_waiter_learns_who() {
    let runtime = runtime(4);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let k = sched.spawn(killer());
    let err = join(&runtime, &sched, k).unwrap();
    assert_eq!(
        err,
        WaitError::Killed {
            target: TaskId::new(k.id().get() + 1),
            by: Some(k.id())
        }
    );
}

#[coro::coroutine]
fn suicide(after: Arc<AtomicBool>) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let me = yield_from!(get_tid());
    let _ = yield_from!(kill(me));
    after.store(true, Ordering::SeqCst); // never reached
}

#[test]
fn a_task_that_kills_itself_ends_there() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let after = Arc::new(AtomicBool::new(false));
    let t = sched.spawn(suicide(after.clone()));
    assert_eq!(
        join(&runtime, &sched, t),
        Err(WaitError::Killed {
            target: t.id(),
            by: Some(t.id())
        })
    );
    assert!(!after.load(Ordering::SeqCst));
}

#[test]
fn the_owner_kills_a_task_and_its_waiter_is_told() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let dropped = Arc::new(AtomicBool::new(false));
    let started = Arc::new(AtomicBool::new(false));
    let f = sched.spawn(forever(dropped.clone(), started.clone()));
    let w = sched.spawn(wait(f));
    let t0 = Instant::now();
    while !started.load(Ordering::SeqCst) {
        assert!(t0.elapsed() < DEADLINE, "the task never started");
        std::thread::yield_now();
    }
    runtime.block_on(sched.kill(f)).unwrap();
    assert!(dropped.load(Ordering::SeqCst));
    // The waiter, whether it waited before or after the kill, learns it was killed.
    assert_eq!(
        join(&runtime, &sched, w).unwrap(),
        Err(WaitError::Killed {
            target: f.id(),
            by: None
        })
    );
}

#[test]
fn a_task_waiting_for_what_the_owner_awaits_is_told_the_owner_waits() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let dropped = Arc::new(AtomicBool::new(false));
    let started = Arc::new(AtomicBool::new(false));
    let f = sched.spawn(forever(dropped.clone(), started.clone()));
    let refused = runtime.block_on(async {
        let owner = std::pin::pin!(sched.wait(f));
        // One poll makes the owner `f`'s waiter (`f` sleeps for an hour).
        let mut owner = owner;
        std::future::poll_fn(|cx| {
            assert!(owner.as_mut().poll(cx).is_pending());
            std::task::Poll::Ready(())
        })
        .await;
        let w = sched.spawn(waits_back(f.id()));
        tokio::time::timeout(DEADLINE, sched.wait(w)).await
    });
    // The owner shows as no task: before, as a task numbered 0.
    let refused = refused.expect("the waiter did not finish before the deadline");
    assert_eq!(
        refused,
        Ok(Some(WaitError::AlreadyWaited {
            target: f.id(),
            waiter: None
        }))
    );
    assert_eq!(
        refused.unwrap().unwrap().to_string(),
        format!(
            "cannot wait for {}: the code outside the tasks is already waiting for it, and \
             its outcome goes to one waiter only",
            f.id()
        )
    );
    runtime.block_on(sched.kill(f)).unwrap();
    assert!(dropped.load(Ordering::SeqCst));
}

/// Waits for `other`, reporting the error it got, if any.
#[coro::coroutine]
fn waits_back(other: TaskId) -> impl Coroutine<Reply, Yield = Syscall, Return = Option<WaitError>> {
    yield_from!(wait(other)).err()
}

/// What [`cycle`] reports: the error of its own wait, and of its child's.
type Errors = (Option<WaitError>, Option<WaitError>);

/// Spawns a task that waits for this one, and waits for it: a cycle. Whichever wait comes
/// second closes it and gets `Deadlock`; the other then gets the first's outcome. Reports
/// through `report` (nobody else may wait for this task: the child must be able to).
#[coro::coroutine]
fn cycle(report: mpsc::Sender<Errors>) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let me = yield_from!(get_tid());
    let child = yield_from!(spawn(waits_back(me)));
    let errors = match yield_from!(wait(child)) {
        Ok(child_error) => (None, child_error),
        Err(error) => (Some(error), None),
    };
    report.send(errors).unwrap();
}

#[test]
fn a_cycle_of_waits_is_a_deadlock_error_for_exactly_one_of_them() {
    let runtime = runtime(4);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let (report, reported) = mpsc::channel();
    let c = sched.spawn(cycle(report));
    let (mine, child) = reported.recv_timeout(DEADLINE).unwrap();
    let child_id = TaskId::new(c.id().get() + 1);
    match (mine, child) {
        (Some(WaitError::Deadlock { target, cycle }), None) => {
            assert_eq!(target, child_id);
            assert_eq!(cycle, [child_id, c.id()]);
        }
        (None, Some(WaitError::Deadlock { target, cycle })) => {
            assert_eq!(target, c.id());
            assert_eq!(cycle, [c.id(), child_id]);
        }
        other => panic!("expected one deadlock, got {other:?}"),
    }
}

#[coro::coroutine]
fn panicking() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(yield_now());
    panic!("boom on a worker");
}

#[test]
fn a_panicking_task_is_reported_and_the_others_go_on() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let p = sched.spawn(panicking());
    let d = sched.spawn(double(4));
    assert_eq!(
        join(&runtime, &sched, p),
        Err(WaitError::Panicked {
            target: p.id(),
            message: "boom on a worker".into()
        })
    );
    assert_eq!(join(&runtime, &sched, d), Ok(8));
}

// ---- what tokio cannot carry out ends the task, never hangs it -------------------------

/// A task holding `spawn_local(..)` across a yield is not `Send`, so the compiler keeps it
/// off tokio. A hand-written coroutine can still yield a local task it makes on the spot:
/// tokio's backend ends it.
struct SpawnsLocal(bool);

impl Coroutine<Reply> for SpawnsLocal {
    type Yield = Syscall;
    type Return = ();

    fn resume(&mut self, _: Reply) -> coro::CoroutineState<Syscall, ()> {
        if std::mem::replace(&mut self.0, true) {
            return coro::CoroutineState::Complete(());
        }
        coro::CoroutineState::Yielded(Syscall::Spawn(Task::local(yield_now())))
    }
}

#[coro::coroutine]
fn asks_for_the_reactor() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let _reactor = yield_from!(get_reactor());
}

#[test]
fn unsupported_calls_end_the_task_with_an_error_naming_the_call() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let a = sched.spawn(SpawnsLocal(false));
    let b = sched.spawn(asks_for_the_reactor());
    let c = sched.spawn(stop());
    for (id, result, needle) in [
        (a.id(), join(&runtime, &sched, a), "spawn_local"),
        (b.id(), join(&runtime, &sched, b), "get_reactor"),
        (c.id(), join(&runtime, &sched, c), "stop"),
    ] {
        match result {
            Err(WaitError::Unsupported { target, call }) => {
                assert_eq!(target, id);
                assert!(call.contains(needle), "{call}");
                let message = WaitError::Unsupported { target, call }.to_string();
                assert!(message.contains("does not support"), "{message}");
            }
            other => panic!("{needle}: expected Unsupported, got {other:?}"),
        }
    }
}

// ---- readiness errors match the single-threaded scheduler's ----------------------------

#[test]
fn waiting_to_write_to_a_shut_down_socket_is_a_broken_pipe() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let open = sched.spawn(writable(&client));
    join(&runtime, &sched, open).unwrap().unwrap();
    client.shutdown(std::net::Shutdown::Both).unwrap();
    let closed = sched.spawn(writable(&client));
    let err = join(&runtime, &sched, closed).unwrap().unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
}

/// A runtime built without timers makes tokio panic at the first `sleep`: the task ends
/// with an error that says what to do, and its waiter is not left waiting.
#[test]
fn a_runtime_without_timers_ends_a_sleeper_instead_of_hanging_it() {
    let runtime = Builder::new_multi_thread()
        .worker_threads(1)
        .enable_io()
        .build()
        .unwrap();
    let sched = TokioScheduler::new(runtime.handle().clone());
    let nap = sched.spawn(timed_nap(1));
    // Timers are off, so the deadline is kept by this thread while another waits.
    let (report, reported) = mpsc::channel();
    std::thread::spawn(move || {
        let outcome = runtime.block_on(sched.wait(nap));
        let _ = report.send(outcome);
    });
    let outcome = reported
        .recv_timeout(DEADLINE)
        .expect("the waiter was left waiting");
    match outcome {
        Err(WaitError::Panicked { target, message }) => {
            assert_eq!(target, nap.id());
            assert!(message.contains("enable_all"), "{message}");
        }
        other => panic!("expected a panic report, got {other:?}"),
    }
}

#[test]
fn waiting_on_a_reset_connection_reports_the_socket_error() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (server, _) = listener.accept().unwrap();
    // Closing with a zero linger sends a reset, which leaves the client a pending error.
    socket2::SockRef::from(&server)
        .set_linger(Some(Duration::ZERO))
        .unwrap();
    drop(server);
    let t = sched.spawn(readable(&client));
    let err = join(&runtime, &sched, t).unwrap().unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::ConnectionReset, "{err:?}");
}

#[test]
fn waiting_on_something_that_cannot_be_polled_is_an_error() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    let file = std::fs::File::open("/proc/self/exe").unwrap();
    let t = sched.spawn(readable(&file));
    let err = join(&runtime, &sched, t).unwrap().unwrap_err();
    assert_eq!(err.raw_os_error(), Some(1), "EPERM from epoll_ctl: {err:?}");
}

/// Async code on the runtime can hold the scheduler and await its `wait` and `kill` inside
/// tokio tasks of its own: the scheduler is `Send + Sync`, the futures are `Send`.
#[test]
fn the_scheduler_and_its_futures_move_into_tokio_tasks() {
    fn assert_send_sync<T: Send + Sync>(_: &T) {}
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    assert_send_sync(&sched);
    let t = sched.spawn(double(21));
    let f = sched.spawn(forever(Arc::default(), Arc::default()));
    let inside = sched.clone();
    let (joined, killed) = runtime.block_on(async move {
        let joined = tokio::spawn({
            let inside = inside.clone();
            async move { inside.wait(t).await }
        });
        let killed = tokio::spawn(async move { inside.kill(f).await });
        (joined.await.unwrap(), killed.await.unwrap())
    });
    assert_eq!(joined, Ok(42));
    assert_eq!(killed, Ok(()));
    assert_eq!(
        join(&runtime, &sched, f),
        Err(WaitError::Killed {
            target: f.id(),
            by: None
        })
    );
}

/// A runtime shutting down drops its tasks, started or not (those spawned just before
/// may never have been polled): each is reported killed, `by: None`, so nobody waits on.
#[test]
fn tasks_dropped_by_a_runtime_shutting_down_are_reported_killed() {
    // A current-thread runtime that never runs (no `block_on`) polls none of its tasks.
    let unpolled = Builder::new_current_thread().enable_all().build().unwrap();
    for runtime in [runtime(2), unpolled] {
        let sched = TokioScheduler::new(runtime.handle().clone());
        let tasks: Vec<_> = (0..50)
            .map(|_| sched.spawn(forever(Arc::default(), Arc::default())))
            .collect();
        assert_eq!(sched.live(), 50);
        drop(runtime); // returns once every task has been dropped
        assert_eq!(sched.live(), 0);
        // Waiting needs no runtime of the scheduler's: another one will do.
        let other = Builder::new_current_thread().build().unwrap();
        for t in tasks {
            assert_eq!(
                other.block_on(sched.wait(t)),
                Err(WaitError::Killed {
                    target: t.id(),
                    by: None
                })
            );
        }
    }
}

/// Sleeps forever, holding `guard` from its creation (an argument lives in the state).
#[coro::coroutine]
fn holding(guard: Guard) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    loop {
        yield_from!(sleep(Duration::from_secs(3600)));
    }
}

/// A task spawned on a runtime that has shut down is dropped by tokio at once, on the
/// spawning thread: `spawn` returns (it used to lock the task table twice and hang) and
/// the task is reported killed.
#[test]
fn spawning_on_a_runtime_that_has_shut_down_returns_a_killed_task() {
    let runtime = runtime(2);
    let sched = TokioScheduler::new(runtime.handle().clone());
    drop(runtime);
    let dropped = Arc::new(AtomicBool::new(false));
    let (report, spawned) = mpsc::channel();
    let spawner = {
        let (sched, dropped) = (sched.clone(), Arc::clone(&dropped));
        std::thread::spawn(move || {
            let t = sched.spawn(holding(Guard(dropped)));
            report.send(t).unwrap();
        })
    };
    let t = spawned
        .recv_timeout(DEADLINE)
        .expect("spawn on a shut-down runtime did not return");
    spawner.join().unwrap();
    assert!(dropped.load(Ordering::SeqCst), "the task was not dropped");
    assert_eq!(sched.live(), 0);
    let other = Builder::new_current_thread().build().unwrap();
    assert_eq!(
        other.block_on(sched.wait(t)),
        Err(WaitError::Killed {
            target: t.id(),
            by: None
        })
    );
}
