//! `coro::scheduler` beside tokio's current-thread runtime, in one process, so the ratios
//! come from one run on the same (shared, noisy) machine:
//!
//! ```sh
//! cargo bench -p coro-benches --bench tokio_cmp
//! ```
//!
//! - **echo_N_connections** (N = 100, 1,000): N connected socket pairs are made before the
//!   clock starts (connect, accept, `TCP_NODELAY`), then a handler task per server side
//!   and a client task per client side run in one scheduler (one runtime), each client
//!   doing round trips of a 64-byte message (send, receive the whole echo, check it).
//!   Figure: round trips per second. coro's sockets are registered with its poller once
//!   (`Reactor::register`); the `_plain` rows give the helpers `&TcpStream` instead.
//! - **echo_100_on_tokio_mt**: the same echo (100 connections, plain `&TcpStream`
//!   helpers), coro's task functions run by `scheduler::tokio::TokioScheduler` on a
//!   multi-thread runtime of 2 workers, beside plain tokio tasks on such a runtime. The
//!   clock starts before the tasks are spawned on both sides (they start running at once).
//! - **switch_N_tasks** (N = 2, 100,000): tasks that give up the CPU in a loop
//!   (`yield_now()`); figure: ns per resume (poll), spawning untimed.
//!
//! `TOKIO_CMP_ONLY=coro|tokio` runs one echo on one side only, for `strace -c -f`.
//!
//! Each figure is measured `REPEAT` times, coro and tokio alternating, and the median is
//! printed with the ratio of the medians.

use std::io;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use coro::scheduler::tokio::TokioScheduler;
use coro::scheduler::{Registered, Reply, RunExit, Scheduler, Syscall, recv, send_all, yield_now};
use coro::{Coroutine, yield_from};

const REPEAT: usize = 3;
const ECHO_MESSAGE: usize = 64;

// ---- coro tasks --------------------------------------------------------------------------

#[coro::coroutine]
fn yielder(n: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    for _ in 0..n {
        yield_from!(yield_now());
    }
}

#[coro::coroutine]
fn echo_handler(
    conn: TcpStream,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    loop {
        let data = yield_from!(recv(&conn, 65536))?;
        if data.is_empty() {
            return Ok(());
        }
        yield_from!(send_all(&conn, data))?;
    }
}

#[coro::coroutine]
fn echo_client(
    conn: TcpStream,
    id: u8,
    round_trips: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    for n in 0..round_trips {
        let msg = vec![id ^ n as u8; ECHO_MESSAGE];
        yield_from!(send_all(&conn, msg.clone()))?;
        let mut got = 0;
        while got < ECHO_MESSAGE {
            let data = yield_from!(recv(&conn, ECHO_MESSAGE - got))?;
            assert!(!data.is_empty(), "the server closed early");
            assert!(data == msg[got..got + data.len()], "the echo differs");
            got += data.len();
        }
    }
    conn.shutdown(Shutdown::Write)?;
    Ok(())
}

/// `echo_handler` on a socket registered once with the poller.
#[coro::coroutine]
fn echo_handler_registered(
    conn: Registered<TcpStream>,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    loop {
        let data = yield_from!(conn.recv(65536))?;
        if data.is_empty() {
            return Ok(());
        }
        yield_from!(conn.send_all(data))?;
    }
}

/// `echo_client` on a socket registered once with the poller.
#[coro::coroutine]
fn echo_client_registered(
    conn: Registered<TcpStream>,
    id: u8,
    round_trips: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    for n in 0..round_trips {
        let msg = vec![id ^ n as u8; ECHO_MESSAGE];
        yield_from!(conn.send_all(msg.clone()))?;
        let mut got = 0;
        while got < ECHO_MESSAGE {
            let data = yield_from!(conn.recv(ECHO_MESSAGE - got))?;
            assert!(!data.is_empty(), "the server closed early");
            assert!(data == msg[got..got + data.len()], "the echo differs");
            got += data.len();
        }
    }
    conn.shutdown(Shutdown::Write)?;
    Ok(())
}

// ---- setup shared by both --------------------------------------------------------------

/// `n` connected pairs (client side, server side), made one at a time so no backlog fills.
fn pairs(n: usize) -> Vec<(TcpStream, TcpStream)> {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    (0..n)
        .map(|_| {
            let client = TcpStream::connect(addr).unwrap();
            let (server, _) = listener.accept().unwrap();
            client.set_nodelay(true).unwrap();
            server.set_nodelay(true).unwrap();
            (client, server)
        })
        .collect()
}

// ---- coro --------------------------------------------------------------------------------

fn coro_switch(tasks: u32, yields: u32) -> f64 {
    let mut sched = Scheduler::new().unwrap();
    for _ in 0..tasks {
        sched.spawn_detached(yielder(yields));
    }
    let t0 = Instant::now();
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    let elapsed = t0.elapsed();
    drop(sched);
    elapsed.as_nanos() as f64 / (f64::from(tasks) * (f64::from(yields) + 1.0))
}

/// Round trips per second; `registered`: the sockets are registered with the scheduler's
/// poller once (`Reactor::register`), otherwise the helpers get `&TcpStream`.
fn coro_echo(connections: usize, round_trips: usize, registered: bool) -> f64 {
    let pairs = pairs(connections);
    let mut sched = Scheduler::new().unwrap();
    let reactor = sched.reactor();
    for (id, (client, server)) in pairs.into_iter().enumerate() {
        if registered {
            let (client, server) = (reactor.register(client), reactor.register(server));
            sched.spawn_detached(echo_handler_registered(server.unwrap()));
            sched.spawn_detached(echo_client_registered(
                client.unwrap(),
                id as u8,
                round_trips,
            ));
        } else {
            sched.spawn_detached(echo_handler(server));
            sched.spawn_detached(echo_client(client, id as u8, round_trips));
        }
    }
    let t0 = Instant::now();
    let exit = sched.run_for(Duration::from_secs(120)).unwrap();
    let elapsed = t0.elapsed();
    assert_eq!(exit, RunExit::AllDone);
    (connections * round_trips) as f64 / elapsed.as_secs_f64()
}

// ---- tokio -------------------------------------------------------------------------------

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn tokio_switch(tasks: u32, yields: u32) -> f64 {
    let rt = runtime();
    let elapsed = rt.block_on(async {
        let handles: Vec<_> = (0..tasks)
            .map(|_| {
                tokio::spawn(async move {
                    for _ in 0..yields {
                        tokio::task::yield_now().await;
                    }
                })
            })
            .collect();
        // The tasks first run when block_on's future waits: here.
        let t0 = Instant::now();
        for h in handles {
            h.await.unwrap();
        }
        t0.elapsed()
    });
    elapsed.as_nanos() as f64 / (f64::from(tasks) * (f64::from(yields) + 1.0))
}

fn tokio_echo(connections: usize, round_trips: usize) -> f64 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let pairs = pairs(connections);
    let rt = runtime();
    let elapsed = rt.block_on(async move {
        let mut tasks = Vec::new();
        for (id, (client, server)) in pairs.into_iter().enumerate() {
            client.set_nonblocking(true).unwrap();
            server.set_nonblocking(true).unwrap();
            let mut server = tokio::net::TcpStream::from_std(server).unwrap();
            let mut client = tokio::net::TcpStream::from_std(client).unwrap();
            tasks.push(tokio::spawn(async move {
                let mut buf = vec![0; 65536];
                loop {
                    let n = server.read(&mut buf).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    server.write_all(&buf[..n]).await.unwrap();
                }
            }));
            tasks.push(tokio::spawn(async move {
                let mut got = [0; ECHO_MESSAGE];
                for n in 0..round_trips {
                    let msg = [id as u8 ^ n as u8; ECHO_MESSAGE];
                    client.write_all(&msg).await.unwrap();
                    client.read_exact(&mut got).await.unwrap();
                    assert_eq!(got, msg, "the echo differs");
                }
                client.shutdown().await.unwrap();
            }));
        }
        // The tasks first run when block_on's future waits: here.
        let t0 = Instant::now();
        for t in tasks {
            t.await.unwrap();
        }
        t0.elapsed()
    });
    (connections * round_trips) as f64 / elapsed.as_secs_f64()
}

// ---- on tokio's multi-thread runtime ---------------------------------------------------

const MT_WORKERS: usize = 2;

fn multi_thread() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(MT_WORKERS)
        .enable_all()
        .build()
        .unwrap()
}

/// Round trips per second of coro's echo tasks (the plain helpers) on `TokioScheduler`.
fn coro_on_tokio_echo(connections: usize, round_trips: usize) -> f64 {
    let pairs = pairs(connections);
    let rt = multi_thread();
    let sched = TokioScheduler::new(rt.handle().clone());
    let t0 = Instant::now();
    let clients: Vec<_> = pairs
        .into_iter()
        .enumerate()
        .map(|(id, (client, server))| {
            sched.spawn_detached(echo_handler(server));
            sched.spawn(echo_client(client, id as u8, round_trips))
        })
        .collect();
    rt.block_on(async {
        for client in clients {
            sched.wait(client).await.unwrap().unwrap();
        }
    });
    (connections * round_trips) as f64 / t0.elapsed().as_secs_f64()
}

/// The same with plain tokio tasks on a multi-thread runtime.
fn tokio_mt_echo(connections: usize, round_trips: usize) -> f64 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let pairs = pairs(connections);
    let rt = multi_thread();
    let elapsed = rt.block_on(async move {
        let t0 = Instant::now();
        let mut clients = Vec::new();
        for (id, (client, server)) in pairs.into_iter().enumerate() {
            client.set_nonblocking(true).unwrap();
            server.set_nonblocking(true).unwrap();
            let mut server = tokio::net::TcpStream::from_std(server).unwrap();
            let mut client = tokio::net::TcpStream::from_std(client).unwrap();
            tokio::spawn(async move {
                let mut buf = vec![0; 65536];
                loop {
                    let n = server.read(&mut buf).await.unwrap();
                    if n == 0 {
                        return;
                    }
                    server.write_all(&buf[..n]).await.unwrap();
                }
            });
            clients.push(tokio::spawn(async move {
                let mut got = [0; ECHO_MESSAGE];
                for n in 0..round_trips {
                    let msg = [id as u8 ^ n as u8; ECHO_MESSAGE];
                    client.write_all(&msg).await.unwrap();
                    client.read_exact(&mut got).await.unwrap();
                    assert_eq!(got, msg, "the echo differs");
                }
                client.shutdown().await.unwrap();
            }));
        }
        for c in clients {
            c.await.unwrap();
        }
        t0.elapsed()
    });
    (connections * round_trips) as f64 / elapsed.as_secs_f64()
}

// ---- report ------------------------------------------------------------------------------

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs both `REPEAT` times, alternating, and prints the medians and coro/tokio.
fn compare(name: &str, unit: &str, coro: impl Fn() -> f64, tokio: impl Fn() -> f64) {
    let (mut c, mut t) = (Vec::new(), Vec::new());
    for _ in 0..REPEAT {
        c.push(coro());
        t.push(tokio());
    }
    let (c, t) = (median(c), median(t));
    println!(
        "{name:<22} coro {c:>12.1} {unit:<14} tokio {t:>12.1} {unit:<14} coro/tokio {:.2}",
        c / t
    );
}

/// `TOKIO_CMP_ONLY=coro` (or `coro-plain`, `tokio`): one echo run of 100 connections x 200 round trips
/// on that side alone, for counting its system calls:
/// `TOKIO_CMP_ONLY=coro strace -c -f target/release/deps/tokio_cmp-HASH`.
fn count_only(side: &str) {
    let rate = match side {
        "coro" => coro_echo(100, 200, true),
        "coro-plain" => coro_echo(100, 200, false),
        "tokio" => tokio_echo(100, 200),
        other => panic!("TOKIO_CMP_ONLY={other}: expected coro, coro-plain or tokio"),
    };
    println!("{side} echo_100_connections {rate:.1} round_trips/s (20000 round trips)");
}

fn main() {
    if let Ok(side) = std::env::var("TOKIO_CMP_ONLY") {
        return count_only(&side);
    }
    // Only the workloads named on the command line, if any (cargo bench passes --bench).
    let only: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |name: &str| only.is_empty() || only.iter().any(|o| name.contains(o.as_str()));
    println!(
        "median of {REPEAT} runs each, coro and tokio alternating (tokio current_thread; \
         the _mt row: both on a {MT_WORKERS}-worker multi-thread runtime)"
    );
    if wanted("echo_100_connections") {
        compare(
            "echo_100_connections",
            "round_trips/s",
            || coro_echo(100, 200, true),
            || tokio_echo(100, 200),
        );
    }
    if wanted("echo_100_plain") {
        compare(
            "echo_100_plain",
            "round_trips/s",
            || coro_echo(100, 200, false),
            || tokio_echo(100, 200),
        );
    }
    if wanted("echo_1000_connections") {
        compare(
            "echo_1000_connections",
            "round_trips/s",
            || coro_echo(1000, 40, true),
            || tokio_echo(1000, 40),
        );
    }
    if wanted("echo_1000_plain") {
        compare(
            "echo_1000_plain",
            "round_trips/s",
            || coro_echo(1000, 40, false),
            || tokio_echo(1000, 40),
        );
    }
    if wanted("echo_100_on_tokio_mt") {
        compare(
            "echo_100_on_tokio_mt",
            "round_trips/s",
            || coro_on_tokio_echo(100, 200),
            || tokio_mt_echo(100, 200),
        );
    }
    if wanted("switch_2_tasks") {
        compare(
            "switch_2_tasks",
            "ns/switch",
            || coro_switch(2, 200_000),
            || tokio_switch(2, 200_000),
        );
    }
    if wanted("switch_100k_tasks") {
        compare(
            "switch_100k_tasks",
            "ns/switch",
            || coro_switch(100_000, 10),
            || tokio_switch(100_000, 10),
        );
    }
}
