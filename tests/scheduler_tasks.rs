//! `coro::scheduler` driven by `#[coro::coroutine]` tasks: every task here is an ordinary
//! function with `yield_from!` calls to the scheduler's helpers, returning
//! `impl Coroutine<Reply, Yield = Syscall, Return = T>`.
//!
//! (`coro-runtime/tests/scheduler_*.rs` test the same scheduler with hand-written
//! coroutines.)
//!
//! Every run is bounded with `run_for`, and asserts it ended with `RunExit::AllDone`.

use std::cell::RefCell;
use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::rc::Rc;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use coro::scheduler::{
    KillError, Reply, RunExit, Scheduler, Syscall, TaskHandle, TaskId, WaitError, accept, get_tid,
    kill, recv, send_all, sleep, spawn, spawn_detached, spawn_local, wait, yield_now,
};
use coro::{Coroutine, yield_from};

/// A log shared by the tasks of one test.
type Log = Rc<RefCell<Vec<String>>>;

fn push(log: &Log, line: impl Into<String>) {
    log.borrow_mut().push(line.into());
}

/// Runs `sched` for at most `limit` and checks that every task finished.
fn run_all(sched: &mut Scheduler, limit: Duration) -> Duration {
    let t0 = Instant::now();
    let exit = sched.run_for(limit).expect("the poller failed");
    let elapsed = t0.elapsed();
    assert_eq!(exit, RunExit::AllDone, "still running after {elapsed:?}");
    elapsed
}

// ---- round robin ----------------------------------------------------------------------

/// The seed's task (000, "The punchline: a generator scheduler"):
///
/// ```python
/// def task(name, steps):
///     for i in range(1, steps + 1):
///         print(f"{name}: step {i}")
///         yield
/// ```
#[coro::coroutine]
fn steps_task(
    name: &'static str,
    steps: u32,
    log: Log,
) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
    for i in 1..=steps {
        push(&log, format!("{name}: step {i}"));
        yield_from!(yield_now());
    }
    steps
}

#[test]
fn round_robin_interleaves_a_and_b() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let a = sched.spawn(steps_task("A", 3, Rc::clone(&log)));
    let b = sched.spawn(steps_task("B", 2, Rc::clone(&log)));
    run_all(&mut sched, Duration::from_secs(10));
    assert_eq!(
        *log.borrow(),
        [
            "A: step 1",
            "B: step 1",
            "A: step 2",
            "B: step 2",
            "A: step 3"
        ]
    );
    assert_eq!(sched.take_result(a), Ok(3));
    assert_eq!(sched.take_result(b), Ok(2));
}

// ---- sleep ----------------------------------------------------------------------------

#[coro::coroutine]
fn sleeper(ms: u64, log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = Duration> {
    let t0 = Instant::now();
    yield_from!(sleep(Duration::from_millis(ms)));
    push(&log, format!("woke after {ms} ms"));
    t0.elapsed()
}

/// Keeps running (one `yield_now` per turn) until `sleepers` have logged their wake-up,
/// and logs how many turns it took between consecutive wake-ups.
#[coro::coroutine]
fn spinner(sleepers: usize, log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = u64> {
    let mut turns = 0_u64;
    let mut seen = 0;
    let mut since_last = 0_u64;
    while seen < sleepers {
        yield_from!(yield_now());
        turns += 1;
        since_last += 1;
        let woke = log
            .borrow()
            .iter()
            .filter(|l| l.starts_with("woke"))
            .count();
        if woke > seen {
            seen = woke;
            push(&log, format!("spinner ran {since_last} turns"));
            since_last = 0;
        }
    }
    turns
}

#[test]
fn sleepers_wake_in_deadline_order_while_another_task_runs() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let sleepers: Vec<(u64, TaskHandle<Duration>)> = [30, 10, 20]
        .into_iter()
        .map(|ms| (ms, sched.spawn(sleeper(ms, Rc::clone(&log)))))
        .collect();
    let spin = sched.spawn(spinner(3, Rc::clone(&log)));
    run_all(&mut sched, Duration::from_secs(10));

    let log = log.borrow();
    let wakes: Vec<&str> = log
        .iter()
        .filter(|l| l.starts_with("woke"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        wakes,
        ["woke after 10 ms", "woke after 20 ms", "woke after 30 ms"]
    );
    // The spinner kept running while the sleepers slept (it logs when it sees a new
    // wake-up), so they did not block the scheduler. On a loaded machine two wake-ups
    // can fall due during one turn and be seen together, so there are 1 to 3 such lines.
    let spins: Vec<u64> = log
        .iter()
        .filter_map(|l| l.strip_prefix("spinner ran "))
        .map(|l| l.trim_end_matches(" turns").parse().unwrap())
        .collect();
    assert!((1..=3).contains(&spins.len()), "{log:?}");
    assert!(spins.iter().all(|&n| n > 0), "{log:?}");
    assert!(sched.take_result(spin).unwrap() >= 3);
    for (ms, handle) in sleepers {
        let slept = sched.take_result(handle).unwrap();
        assert!(
            slept >= Duration::from_millis(ms),
            "{ms} ms sleeper woke after {slept:?}"
        );
    }
}

// ---- get_tid, spawn, wait, kill -------------------------------------------------------

/// A `finally:` block: logs when dropped.
struct Finally {
    log: Log,
    what: &'static str,
}

impl Drop for Finally {
    fn drop(&mut self) {
        push(&self.log, format!("finally: {}", self.what));
    }
}

#[coro::coroutine]
fn child(n: u64) -> impl Coroutine<Reply, Yield = Syscall, Return = (TaskId, u64)> {
    let me = yield_from!(get_tid());
    yield_from!(yield_now());
    (me, n * 2)
}

/// Sleeps "forever" holding a drop guard; only a kill ends it.
#[coro::coroutine]
fn forever(log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let _finally = Finally {
        log: Rc::clone(&log),
        what: "forever",
    };
    push(&log, "forever: started");
    loop {
        yield_from!(sleep(Duration::from_secs(3600)));
        push(&log, "forever: woke (should not happen)");
    }
}

/// A sub-coroutine with its own guard, so a kill has a stack of two coroutines to drop.
#[coro::coroutine]
fn nested_wait(log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let _finally = Finally {
        log: Rc::clone(&log),
        what: "inner",
    };
    yield_from!(sleep(Duration::from_secs(3600)));
}

#[coro::coroutine]
fn outer(log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let _finally = Finally {
        log: Rc::clone(&log),
        what: "outer",
    };
    yield_from!(nested_wait(log));
}

#[coro::coroutine]
fn parent(log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = TaskId> {
    let me = yield_from!(get_tid());

    // spawn + wait: the child's return value comes back typed.
    let c = yield_from!(spawn(child(21)));
    let (child_tid, doubled) = yield_from!(wait(c)).expect("child failed");
    assert_eq!(child_tid, c.id());
    assert_ne!(child_tid, me);
    assert_eq!(doubled, 42);
    // Its outcome was taken by the wait.
    let got = yield_from!(wait(c));
    assert_eq!(got, Err(WaitError::Finished(c.id())));

    // kill: the guard runs before kill returns.
    let f = yield_from!(spawn_local(forever(Rc::clone(&log))));
    yield_from!(yield_now()); // let it start and go to sleep
    push(&log, "parent: killing forever");
    let got = yield_from!(kill(f));
    assert_eq!(got, Ok(()));
    push(&log, "parent: kill returned");
    let got = yield_from!(wait(f));
    assert_eq!(
        got,
        Err(WaitError::Killed {
            target: f.id(),
            by: Some(me)
        })
    );
    let got = yield_from!(kill(f));
    assert_eq!(got, Err(KillError::Finished(f.id())));

    // kill drops the whole stack of a task, newest first.
    let o = yield_from!(spawn_local(outer(Rc::clone(&log))));
    yield_from!(yield_now());
    let got = yield_from!(kill(o));
    assert_eq!(got, Ok(()));
    push(&log, "parent: killed outer");

    // Waiting for yourself is an error reply, not a hang.
    let got = yield_from!(wait(me));
    assert_eq!(got.err(), Some(WaitError::WaitOnSelf(me)));
    me
}

#[test]
fn get_tid_spawn_wait_and_kill_with_drop_guards() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let p = sched.spawn(parent(Rc::clone(&log)));
    run_all(&mut sched, Duration::from_secs(10));
    assert_eq!(sched.take_result(p), Ok(p.id()));
    assert_eq!(
        *log.borrow(),
        [
            "forever: started",
            "parent: killing forever",
            "finally: forever",
            "parent: kill returned",
            "finally: inner",
            "finally: outer",
            "parent: killed outer",
        ]
    );
}

// ---- panics ---------------------------------------------------------------------------

#[coro::coroutine]
fn panicking(after: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = u32> {
    for _ in 0..after {
        yield_from!(yield_now());
    }
    if after > 0 {
        panic!("task gave up after {after} turns");
    }
    after
}

#[coro::coroutine]
fn watcher(log: Log) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let p = yield_from!(spawn(panicking(2)));
    let bystander = yield_from!(spawn_local(steps_task("bystander", 4, Rc::clone(&log))));
    match yield_from!(wait(p)) {
        Err(WaitError::Panicked { target, message }) => {
            assert_eq!(target, p.id());
            push(&log, format!("watcher: {message}"));
        }
        other => panic!("expected a panic report, got {other:?}"),
    }
    // The other tasks go on.
    let got = yield_from!(wait(bystander));
    assert_eq!(got, Ok(4));
    push(&log, "watcher: done");
}

#[test]
fn a_panicking_task_is_reported_to_its_waiter() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let w = sched.spawn(watcher(Rc::clone(&log)));
    run_all(&mut sched, Duration::from_secs(10));
    assert_eq!(sched.take_result(w), Ok(()));
    let log = log.borrow();
    assert!(
        log.contains(&"watcher: task gave up after 2 turns".to_string()),
        "{log:?}"
    );
    assert_eq!(log.last().unwrap(), "watcher: done");
    assert!(log.contains(&"bystander: step 4".to_string()), "{log:?}");
}

// ---- exit hook ------------------------------------------------------------------------

/// Kills `target` once it has had a turn, then returns.
#[coro::coroutine]
fn killer(target: TaskId) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(yield_now());
    yield_from!(kill(target)).expect("the target is alive");
}

#[test]
fn on_exit_reports_every_ending_after_the_tasks_drop_guards() {
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let seen = Rc::clone(&log);
    sched.on_exit(move |tid, exit| push(&seen, format!("exit {}: {exit:?}", tid.get())));
    let f = sched.spawn(forever(Rc::clone(&log)));
    let k = sched.spawn(killer(f.id()));
    let p = sched.spawn(panicking(1));
    run_all(&mut sched, Duration::from_secs(10));
    let (f, k, p) = (f.id().get(), k.id().get(), p.id().get());
    assert_eq!(
        *log.borrow(),
        [
            "forever: started".to_string(),
            "finally: forever".to_string(),
            format!("exit {f}: Killed {{ by: Some(TaskId({k})) }}"),
            format!("exit {p}: Panicked {{ message: \"task gave up after 1 turns\" }}"),
            format!("exit {k}: Returned"),
        ]
    );
}

// ---- echo server ----------------------------------------------------------------------

const CLIENTS: usize = 200;
const MESSAGES: usize = 50;

/// The message client `client` sends as its `n`th: 9 bytes to ~6 KiB, starting with the
/// client and message numbers, then a slice of a pseudo-random table.
fn message(client: usize, n: usize) -> Vec<u8> {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut x = 1_u64;
        (0..16384)
            .map(|_| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (x >> 56) as u8
            })
            .collect()
    });
    let mix = client * 7919 + n * 104_729 + 1;
    let len = 8 + mix % 6000;
    let offset = (mix / 7) % 8192;
    let mut msg = Vec::with_capacity(len + 1);
    msg.extend_from_slice(&(client as u32).to_le_bytes());
    msg.extend_from_slice(&(n as u32).to_le_bytes());
    msg.extend_from_slice(&table[offset..offset + len - 8 + 1]);
    msg
}

/// Beazley's `handle_client`: echo until end of file. Returns the bytes echoed.
#[coro::coroutine]
fn handle_client(
    conn: TcpStream,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<u64>> {
    let mut echoed = 0_u64;
    loop {
        let data = yield_from!(recv(&conn, 65536))?;
        if data.is_empty() {
            return Ok(echoed);
        }
        echoed += data.len() as u64;
        yield_from!(send_all(&conn, data))?;
    }
}

/// Beazley's `server`: accepts `clients` connections, a detached handler task each.
#[coro::coroutine]
fn server(
    listener: TcpListener,
    clients: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<usize>> {
    for _ in 0..clients {
        let (conn, _addr) = yield_from!(accept(&listener))?;
        conn.set_nodelay(true)?;
        yield_from!(spawn_detached(handle_client(conn)));
    }
    Ok(clients)
}

/// A client task: sends each message, checks its echo byte for byte, then closes and waits
/// for the server to close. Returns the bytes checked.
#[coro::coroutine]
fn client(
    id: usize,
    addr: SocketAddr,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<usize>> {
    // Connecting to loopback completes at once while the accept queue has room.
    let conn = TcpStream::connect(addr)?;
    conn.set_nodelay(true)?;
    let mut checked = 0;
    for n in 0..MESSAGES {
        let msg = message(id, n);
        yield_from!(send_all(&conn, msg.clone()))?;
        let echo = yield_from!(recv_exact_owned(conn.try_clone()?, msg.len()))?;
        assert!(echo == msg, "client {id} message {n}: the echo differs");
        checked += echo.len();
    }
    conn.shutdown(Shutdown::Write)?;
    let rest = yield_from!(recv(&conn, 16))?;
    assert!(rest.is_empty(), "client {id}: the server sent more");
    Ok(checked)
}

/// `recv_exact` over an owned stream: a coroutine cannot keep a borrow of its own local
/// across a yield, so the client hands a clone of its stream to the sub-coroutine.
#[coro::coroutine]
fn recv_exact_owned(
    conn: TcpStream,
    len: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<Vec<u8>>> {
    let mut got = Vec::with_capacity(len);
    while got.len() < len {
        let data = yield_from!(recv(&conn, len - got.len()))?;
        if data.is_empty() {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        got.extend_from_slice(&data);
    }
    Ok(got)
}

/// Starts the clients one per turn, then waits for each; returns the bytes checked.
#[coro::coroutine]
fn launcher(addr: SocketAddr) -> impl Coroutine<Reply, Yield = Syscall, Return = usize> {
    let mut handles = Vec::with_capacity(CLIENTS);
    for id in 0..CLIENTS {
        handles.push(yield_from!(spawn(client(id, addr))));
    }
    let mut total = 0;
    for h in handles {
        total += yield_from!(wait(h))
            .expect("a client task was killed or panicked")
            .expect("a client failed");
    }
    total
}

#[test]
fn echo_server_with_200_client_tasks() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut sched = Scheduler::new().unwrap();
    let srv = sched.spawn(server(listener, CLIENTS));
    let launch = sched.spawn(launcher(addr));
    let elapsed = run_all(&mut sched, Duration::from_secs(10));
    assert_eq!(sched.take_result(srv).unwrap().unwrap(), CLIENTS);
    let expected: usize = (0..CLIENTS)
        .flat_map(|c| (0..MESSAGES).map(move |n| message(c, n).len()))
        .sum();
    assert_eq!(sched.take_result(launch), Ok(expected));
    eprintln!("{CLIENTS} #[coroutine] clients x {MESSAGES} messages echoed in {elapsed:?}");
}

/// The tasks above hold sockets and the helpers (`accept`, `recv`, `send_all`, `spawn`,
/// `wait`, `sleep`) across yields, and are `Send`: what the tokio backend needs. A
/// `Registered` socket's helpers and `spawn_local` are the only ones that are not.
#[test]
fn generated_tasks_holding_the_helpers_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    assert_send(&server(listener.try_clone().unwrap(), 1));
    assert_send(&client(0, addr));
    assert_send(&launcher(addr));
    let conn = TcpStream::connect(addr).unwrap();
    assert_send(&recv(&conn, 16));
    assert_send(&send_all(&conn, b"x".to_vec()));
    assert_send(&accept(&listener));
    assert_send(&sleep(Duration::from_millis(1)));
    assert_send(&spawn(get_tid()));
    assert_send(&spawn_detached(get_tid()));
    assert_send(&kill(TaskId::new(1)));
    assert_send(&wait(TaskId::new(1)));
}
