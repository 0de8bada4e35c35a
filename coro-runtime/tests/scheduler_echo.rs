//! Beazley's echo server on the scheduler, on 127.0.0.1 with an ephemeral port.
//!
//! ```python
//! def handle_client(client, addr):
//!     while True:
//!         data = yield client.recv(65536)
//!         if not data:
//!             break
//!         yield client.send(data)
//!     client.close()
//!
//! def server(port):
//!     sock = socket(AF_INET, SOCK_STREAM)
//!     sock.bind(("", port)); sock.listen(5)
//!     while True:
//!         client, addr = yield Accept(sock)
//!         yield NewTask(handle_client(client, addr))
//! ```
//!
//! Many clients connect at once, each sends many messages of assorted sizes, and every
//! echo is checked byte for byte. Run time is bounded by a deadline.
#![cfg(unix)]

mod scheduler_common;

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use coro_runtime::Coroutine;
use coro_runtime::scheduler::{
    Reply, RunExit, Scheduler, StopHandle, Syscall, TaskHandle, accept, recv, send_all,
    spawn_local, spawn_local_detached, wait,
};
use scheduler_common::{BoxCo, TaskExt, done, looping};

const CLIENTS: usize = 200;
const MESSAGES: usize = 50;

fn message(client: usize, n: usize) -> Vec<u8> {
    scheduler_common::message(client, n, 6000)
}

/// handle_client: echo until end of file.
fn handle_client(
    conn: TcpStream,
) -> impl Coroutine<Reply, Yield = Syscall, Return = std::io::Result<u64>> {
    looping((conn, 0_u64), |(conn, echoed)| {
        recv(&conn, 65536)
            .then(
                move |data| -> BoxCo<ControlFlow<std::io::Result<u64>, (TcpStream, u64)>> {
                    match data {
                        Err(e) => done(ControlFlow::Break(Err(e))).boxed(),
                        Ok(data) if data.is_empty() => done(ControlFlow::Break(Ok(echoed))).boxed(),
                        Ok(data) => {
                            let n = data.len() as u64;
                            send_all(&conn, data)
                                .map(move |sent| match sent {
                                    Ok(()) => ControlFlow::Continue((conn, echoed + n)),
                                    Err(e) => ControlFlow::Break(Err(e)),
                                })
                                .boxed()
                        }
                    }
                },
            )
            .boxed()
    })
}

/// server: accept `clients` connections (or forever with `None`), a detached handler each.
fn server(
    listener: TcpListener,
    clients: Option<usize>,
) -> impl Coroutine<Reply, Yield = Syscall, Return = usize> {
    looping(0, move |accepted| {
        if Some(accepted) == clients {
            return done(ControlFlow::Break(accepted)).boxed();
        }
        accept(&listener)
            .then(|result| {
                let (conn, _addr) = result.expect("accept failed");
                conn.set_nodelay(true).unwrap();
                // The combinators box without `Send`: single-threaded tasks.
                spawn_local_detached(handle_client(conn))
            })
            .map(move |_| ControlFlow::Continue(accepted + 1))
            .boxed()
    })
}

/// Receives exactly `len` bytes.
fn recv_exact(
    conn: TcpStream,
    len: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = (TcpStream, Vec<u8>)> {
    looping((conn, Vec::with_capacity(len)), move |(conn, mut got)| {
        if got.len() == len {
            return done(ControlFlow::Break((conn, got))).boxed();
        }
        recv(&conn, len - got.len())
            .map(move |data| {
                let data = data.expect("client recv failed");
                assert!(!data.is_empty(), "the server closed early");
                got.extend_from_slice(&data);
                ControlFlow::Continue((conn, got))
            })
            .boxed()
    })
}

/// A client task: connect, send each message and check its echo, close. Returns the
/// number of bytes checked.
fn client(id: usize, addr: SocketAddr) -> impl Coroutine<Reply, Yield = Syscall, Return = usize> {
    // Connecting to loopback completes at once while the accept queue has room; the
    // launcher starts clients one per round, so it always has.
    let conn = TcpStream::connect(addr).expect("connect failed");
    looping((conn, 0, 0), move |(conn, n, checked)| {
        if n == MESSAGES {
            conn.shutdown(Shutdown::Write).unwrap();
            return done(ControlFlow::Break(checked)).boxed();
        }
        let msg = message(id, n);
        send_all(&conn, msg.clone())
            .then(move |sent| {
                sent.expect("client send failed");
                recv_exact(conn, msg.len()).map(move |(conn, echo)| {
                    assert!(echo == msg, "client {id} message {n}: echo differs");
                    ControlFlow::Continue((conn, n + 1, checked + echo.len()))
                })
            })
            .boxed()
    })
}

fn expected_bytes() -> usize {
    (0..CLIENTS)
        .flat_map(|c| (0..MESSAGES).map(move |n| message(c, n).len()))
        .sum()
}

#[test]
fn echo_server_with_client_tasks_in_the_same_scheduler() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut sched = Scheduler::new().unwrap();
    let server = sched.spawn(server(listener, Some(CLIENTS)));

    // The launcher spawns one client per turn, then waits for them all.
    let launcher = sched.spawn(
        looping(Vec::new(), move |mut handles: Vec<TaskHandle<usize>>| {
            if handles.len() == CLIENTS {
                return done(ControlFlow::Break(handles)).boxed();
            }
            let id = handles.len();
            spawn_local(client(id, addr))
                .map(move |h| {
                    handles.push(h);
                    ControlFlow::Continue(handles)
                })
                .boxed()
        })
        .then(|handles| {
            looping((handles.into_iter(), 0), |(mut rest, total)| {
                match rest.next() {
                    None => done(ControlFlow::Break(total)).boxed(),
                    Some(h) => wait(h)
                        .map(move |r| {
                            ControlFlow::Continue((rest, total + r.expect("client failed")))
                        })
                        .boxed(),
                }
            })
        }),
    );

    let t0 = Instant::now();
    let exit = sched.run_for(Duration::from_secs(20)).unwrap();
    let elapsed = t0.elapsed();
    assert_eq!(
        exit,
        RunExit::AllDone,
        "still running after {elapsed:?}: {sched:?}"
    );
    assert_eq!(sched.take_result(server), Ok(CLIENTS));
    assert_eq!(sched.take_result(launcher), Ok(expected_bytes()));
    eprintln!("{CLIENTS} client tasks x {MESSAGES} messages echoed in {elapsed:?}");
}

/// Calls `stop` when dropped, so a failing client thread still ends the run.
struct StopOnDrop(StopHandle);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop();
    }
}

#[test]
fn echo_server_with_concurrent_clients_on_a_thread() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut sched = Scheduler::new().unwrap();
    let server = sched.spawn(server(listener, None));

    let stop = StopOnDrop(sched.stop_handle());
    let clients = std::thread::spawn(move || {
        let _stop = stop;
        // All connections open at once; then every client sends its nth message before
        // any reads its echo, so the server juggles CLIENTS conversations at a time.
        let mut conns: Vec<TcpStream> = (0..CLIENTS)
            .map(|_| {
                let c = TcpStream::connect(addr).unwrap();
                c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
                // Without it Nagle's algorithm meets delayed ACKs and the test measures
                // 40 ms timers instead of the scheduler.
                c.set_nodelay(true).unwrap();
                c
            })
            .collect();
        let mut checked = 0;
        for n in 0..MESSAGES {
            for (id, c) in conns.iter_mut().enumerate() {
                c.write_all(&message(id, n)).unwrap();
            }
            for (id, c) in conns.iter_mut().enumerate() {
                let msg = message(id, n);
                let mut echo = vec![0; msg.len()];
                c.read_exact(&mut echo).unwrap();
                assert!(echo == msg, "client {id} message {n}: echo differs");
                checked += echo.len();
            }
        }
        for c in &conns {
            c.shutdown(Shutdown::Write).unwrap();
        }
        // Each handler answers end of file by closing.
        for c in &mut conns {
            let mut rest = Vec::new();
            c.read_to_end(&mut rest).unwrap();
            assert!(rest.is_empty());
        }
        checked
    });

    let t0 = Instant::now();
    let exit = sched.run_for(Duration::from_secs(20)).unwrap();
    let checked = clients.join().expect("a client failed");
    let elapsed = t0.elapsed();
    assert_eq!(exit, RunExit::StopRequested, "{sched:?}");
    assert_eq!(checked, expected_bytes());
    // Only the server is left: every handler saw end of file and finished.
    assert_eq!(sched.task_ids(), [server.id()]);
    sched.kill(server).unwrap();
    assert_eq!(sched.run().unwrap(), RunExit::AllDone);
    eprintln!("{CLIENTS} threaded clients x {MESSAGES} messages echoed in {elapsed:?}");
}
