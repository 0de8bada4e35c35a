//! Waiting for sockets with the `polling` crate: readiness, errors, kills, and the socket
//! helpers. Loopback only.
#![cfg(unix)]

mod scheduler_common;

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use coro_runtime::scheduler::{
    Interest, Registered, Reply, RunExit, Scheduler, Syscall, TaskState, WaitError, accept, kill,
    readable, recv, send_all, sleep, writable, yield_now,
};
use coro_runtime::{Coroutine, CoroutineState};
use scheduler_common::{BoxCo, DropCounter, Log, TaskExt, looping};

const MS: Duration = Duration::from_millis(1);

/// A connected pair: (client, server side).
fn pair() -> (TcpStream, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
    let (server, _) = listener.accept().unwrap();
    (client, server)
}

#[test]
fn readable_waits_until_data_arrives_while_others_run() {
    let (client, server) = pair();
    let log = Log::default();
    let mut sched = Scheduler::new().unwrap();
    let l = log.clone();
    let reader = sched.spawn(readable(&server).map(move |r| {
        l.push("readable");
        r
    }));
    // Another task writes 20 ms later.
    let l = log.clone();
    let mut writer_side = client.try_clone().unwrap();
    sched.spawn(sleep(MS * 20).map(move |()| {
        l.push("writing");
        writer_side.write_all(b"x").unwrap();
    }));
    sched.run_for(MS * 5).unwrap();
    assert_eq!(
        sched.state(reader.id()),
        Some(TaskState::WaitingForIo(Interest::Readable))
    );
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(log.lines(), ["writing", "readable"]);
    assert!(sched.stats(reader.id()).unwrap().io_waits == 1);
    assert!(sched.take_result(reader).unwrap().is_ok());
}

#[test]
fn writable_is_ready_at_once_on_an_open_socket() {
    let (client, _server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let w = sched.spawn(writable(&client));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert!(sched.take_result(w).unwrap().is_ok());
}

#[test]
fn waiting_on_a_closed_socket_is_an_error_reply() {
    let (client, _server) = pair();
    client.shutdown(Shutdown::Both).unwrap();
    let mut sched = Scheduler::new().unwrap();
    let w = sched.spawn(writable(&client));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    let err = sched.take_result(w).unwrap().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::BrokenPipe);
    assert!(err.to_string().contains("the socket is closed"), "{err}");
    // Reading a closed socket does not block: it is readable (end of file), as in Python.
    let r = sched.spawn(readable(&client).then({
        let c = client.try_clone().unwrap();
        move |ready| recv(&c, 16).map(move |data| (ready.is_ok(), data.unwrap()))
    }));
    sched.run_for(Duration::from_secs(5)).unwrap();
    assert_eq!(sched.take_result(r), Ok((true, Vec::new())));
}

#[test]
fn waiting_on_a_reset_connection_reports_the_socket_error() {
    // The peer closes; our first write is answered with a reset, after which the socket
    // holds a pending error that the wait reports.
    let (client, server) = pair();
    drop(server);
    let mut sched = Scheduler::new().unwrap();
    let c = client.try_clone().unwrap();
    // The reset arrives some time after the write; until it does, the socket is readable
    // with the peer's end of file only. Wait again, up to 5 s, rather than guess a delay.
    let until_the_reset = looping(0_u32, move |tries| {
        let c = c.try_clone().unwrap();
        Box::new(
            sleep(MS * 2)
                .then(move |()| readable(&c))
                .map(move |ready| match ready {
                    Ok(_) if tries < 2500 => ControlFlow::Continue(tries + 1),
                    done => ControlFlow::Break(done),
                }),
        ) as BoxCo<ControlFlow<std::io::Result<()>, u32>>
    });
    let t = sched.spawn(
        send_all(&client, vec![0; 1024])
            .then(move |first| until_the_reset.map(move |ready| (first, ready))),
    );
    sched.run_for(Duration::from_secs(10)).unwrap();
    let (first, ready) = sched.take_result(t).unwrap();
    assert!(first.is_ok()); // the first write is accepted locally
    // SO_ERROR: EPIPE (the reset came after the peer's FIN) or ECONNRESET.
    let err = ready.unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::BrokenPipe | ErrorKind::ConnectionReset
        ),
        "{err:?}"
    );
    assert!(err.raw_os_error().is_some(), "{err:?}");
    // And now writing fails too.
    let w = sched.spawn(send_all(&client, vec![0; 16]));
    sched.run_for(Duration::from_secs(5)).unwrap();
    let err = sched.take_result(w).unwrap().unwrap_err();
    assert!(
        matches!(
            err.kind(),
            ErrorKind::BrokenPipe | ErrorKind::ConnectionReset
        ),
        "{err:?}"
    );
}

#[test]
fn waiting_on_something_that_cannot_be_polled_is_an_error_reply() {
    let file = std::fs::File::open("/proc/self/exe").unwrap();
    let mut sched = Scheduler::new().unwrap();
    let r = sched.spawn(readable(&file));
    let ok = sched.spawn(yield_now());
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    let err = sched.take_result(r).unwrap().unwrap_err();
    assert!(
        err.to_string()
            .contains("cannot wait until file descriptor"),
        "{err}"
    );
    assert!(err.to_string().contains("readable"), "{err}");
    assert_eq!(sched.take_result(ok), Ok(()));
}

#[test]
fn a_raw_wait_io_syscall_gets_the_source_back() {
    // A hand-written task yielding Syscall::WaitIo itself.
    struct Raw {
        source: Option<coro_runtime::scheduler::IoSource>,
    }
    impl Coroutine<Reply> for Raw {
        type Yield = Syscall;
        type Return = bool;
        fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, bool> {
            match self.source.take() {
                Some(source) => {
                    CoroutineState::Yielded(Syscall::WaitIo(source, Interest::Writable))
                }
                None => CoroutineState::Complete(matches!(reply, Reply::Io(Ok(_)))),
            }
        }
    }
    let (client, _server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let t = sched.spawn(Raw {
        source: Some(coro_runtime::scheduler::IoSource::new(&client).unwrap()),
    });
    sched.run_for(Duration::from_secs(5)).unwrap();
    assert_eq!(sched.take_result(t), Ok(true));
}

#[test]
fn killing_a_task_waiting_on_io_deregisters_it() {
    let (mut client, server) = pair();
    let drops = DropCounter::default();
    let mut sched = Scheduler::new().unwrap();
    let guard = drops.guard();
    let reader = sched.spawn(readable(&server).map(move |r| {
        let _g = &guard;
        r
    }));
    let killer = sched.spawn(sleep(MS * 5).then(move |()| kill(reader)));
    // With the reader gone nothing waits on the socket, so the run ends (it would block
    // forever if the registration had leaked).
    let t0 = Instant::now();
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert!(t0.elapsed() < Duration::from_secs(2));
    assert_eq!(sched.take_result(killer), Ok(Ok(())));
    assert_eq!(drops.count(), 1);
    // Data arriving later wakes nobody and breaks nothing.
    client.write_all(b"late").unwrap();
    let again = sched.spawn(readable(&server));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert!(sched.take_result(again).unwrap().is_ok());
}

#[test]
fn one_socket_can_be_waited_on_by_several_tasks() {
    let (mut client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let r1 = sched.spawn(readable(&server));
    let r2 = sched.spawn(readable(&server));
    let w = sched.spawn(writable(&server));
    sched.spawn(sleep(MS * 5).map(move |()| client.write_all(b"hi").unwrap()));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert!(sched.take_result(r1).unwrap().is_ok());
    assert!(sched.take_result(r2).unwrap().is_ok());
    assert!(sched.take_result(w).unwrap().is_ok());
}

#[test]
fn accept_recv_and_send_all() {
    // server: conn, addr = accept(); data = recv(conn); send_all(conn, data.upper())
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let mut sched = Scheduler::new().unwrap();
    let server = sched.spawn(accept(&listener).then(|accepted| {
        let (conn, peer) = accepted.unwrap();
        recv(&conn, 1024).then(move |data| {
            let upper = data.unwrap().to_ascii_uppercase();
            send_all(&conn, upper).map(move |r| (r, peer))
        })
    }));
    // The listener stays usable by the owner; the helper worked on a copy.
    assert_eq!(listener.local_addr().unwrap(), addr);
    let client = std::thread::spawn(move || {
        let mut s = TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        s.write_all(b"hello").unwrap();
        let mut buf = [0; 5];
        s.read_exact(&mut buf).unwrap();
        (buf, s.local_addr().unwrap())
    });
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    let (buf, client_addr) = client.join().unwrap();
    assert_eq!(&buf, b"HELLO");
    let (sent, peer) = sched.take_result(server).unwrap();
    sent.unwrap();
    assert_eq!(peer, client_addr);
}

#[test]
fn recv_returns_empty_at_end_of_file() {
    let (client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let r = sched.spawn(recv(&server, 64));
    sched.spawn(sleep(MS * 5).map(move |()| drop(client)));
    sched.run_for(Duration::from_secs(5)).unwrap();
    assert_eq!(sched.take_result(r).unwrap().unwrap(), Vec::<u8>::new());
}

/// Sets both kernel buffers of `stream` to `bytes`. An explicit size turns off Linux's
/// buffer autotuning, so how much a socket absorbs no longer depends on the machine's
/// `tcp_rmem`/`tcp_wmem` (up to 32 MiB on some).
fn small_buffers(stream: &TcpStream, bytes: usize) {
    let socket = socket2::SockRef::from(stream);
    socket.set_send_buffer_size(bytes).unwrap();
    socket.set_recv_buffer_size(bytes).unwrap();
}

#[test]
fn send_all_waits_when_the_buffer_is_full() {
    // 1 MiB against 64 KiB buffers on each side (the kernel doubles what is asked, so
    // at most 256 KiB in flight): send_all must wait. The reader does not start until the
    // scheduler shows the sender waiting, so the wait cannot be raced away, whatever the
    // machine's buffer limits or speed.
    let (client, mut server) = pair();
    small_buffers(&client, 64 << 10);
    small_buffers(&server, 64 << 10);
    let data: Vec<u8> = (0..1 << 20).map(|i: u32| (i % 251) as u8).collect();
    let expected = data.clone();
    let mut sched = Scheduler::new().unwrap();
    let sender = sched.spawn(send_all(&client, data).map(move |r| {
        drop(client);
        r
    }));
    let deadline = Instant::now() + Duration::from_secs(5);
    while sched.state(sender.id()) != Some(TaskState::WaitingForIo(Interest::Writable)) {
        assert!(Instant::now() < deadline, "send_all never waited");
        sched.run_for(MS).unwrap();
    }
    assert_eq!(sched.stats(sender.id()).unwrap().io_waits, 1);
    let reader = std::thread::spawn(move || {
        server
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut got = Vec::new();
        server.read_to_end(&mut got).unwrap();
        got
    });
    assert_eq!(
        sched.run_for(Duration::from_secs(8)).unwrap(),
        RunExit::AllDone
    );
    sched.take_result(sender).unwrap().unwrap();
    assert!(reader.join().unwrap() == expected);
}

#[test]
fn dropping_a_scheduler_with_io_waiters_is_clean() {
    let (_client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let r = sched.spawn(readable(&server));
    sched.run_for(MS).unwrap();
    assert_eq!(
        sched.state(r.id()),
        Some(TaskState::WaitingForIo(Interest::Readable))
    );
    drop(sched);
    // The server socket is still ours and usable.
    server.set_nonblocking(true).unwrap();
    let mut buf = [0; 1];
    assert_eq!(
        (&server).read(&mut buf).unwrap_err().kind(),
        ErrorKind::WouldBlock
    );
}

#[test]
fn the_stop_handle_wakes_a_scheduler_blocked_on_sockets() {
    let (_client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let r = sched.spawn(readable(&server));
    let handle = sched.stop_handle();
    let thread = std::thread::spawn(move || {
        std::thread::sleep(MS * 20);
        handle.stop();
    });
    assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
    thread.join().unwrap();
    sched.kill(r).unwrap();
    assert!(matches!(
        sched.take_result(r),
        Err(WaitError::Killed { .. })
    ));
}

#[test]
fn recv_returns_a_buffer_the_size_of_what_arrived() {
    // The usual echo loop asks for 64 KiB; a 2-byte message must not hold 64 KiB.
    let (mut client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let r = sched.spawn(recv(&server, 65536));
    sched.spawn(sleep(MS * 5).map(move |()| client.write_all(b"hi").unwrap()));
    sched.run_for(Duration::from_secs(5)).unwrap();
    let data = sched.take_result(r).unwrap().unwrap();
    assert_eq!(data, b"hi");
    assert!(data.capacity() < 64, "capacity {}", data.capacity());
}

#[test]
fn recv_and_send_all_leave_a_blocking_socket_blocking_and_never_block_the_scheduler() {
    // The helpers use MSG_DONTWAIT on the caller's socket and on their copy, so a socket
    // in blocking mode (std's default) neither stalls the scheduler nor changes mode.
    let (mut client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let r = sched.spawn(recv(&server, 64));
    let other = sched.spawn(yield_now());
    sched.spawn(sleep(MS * 20).map(move |()| {
        client.write_all(b"late").unwrap();
        client
    }));
    let t0 = Instant::now();
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert!(t0.elapsed() < Duration::from_secs(5));
    sched.take_result(other).unwrap();
    assert_eq!(sched.take_result(r).unwrap().unwrap(), b"late");
    // Still blocking: a read with nothing to read waits out its timeout (a non-blocking
    // socket would fail at once).
    server.set_read_timeout(Some(MS * 20)).unwrap();
    let t0 = Instant::now();
    let err = (&server).read(&mut [0; 4]).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        "{err:?}"
    );
    assert!(t0.elapsed() >= MS * 15, "the socket was made non-blocking");
    let s = sched.spawn(send_all(&server, b"back".to_vec()));
    sched.run().unwrap();
    sched.take_result(s).unwrap().unwrap();
}

// ---- registered sockets --------------------------------------------------------------------

#[test]
fn dropping_a_registered_socket_deletes_it_from_the_poller() {
    // The invariant of the `unsafe` in `Reactor::register`: the poller forgets a socket
    // before it can be closed. Registering a borrow, dropping it, and registering the same
    // socket again only works if the first registration was deleted (epoll says EEXIST
    // otherwise).
    let (_client, server) = pair();
    let sched = Scheduler::new().unwrap();
    let first = sched.reactor().register(&server).unwrap();
    let clone = first.clone();
    drop(first);
    assert!(
        sched.reactor().register(&server).is_err(),
        "a live clone keeps the registration"
    );
    drop(clone);
    sched.reactor().register(&server).unwrap();
}

#[coro::coroutine]
fn registered_echo(
    conn: Registered<TcpStream>,
) -> impl Coroutine<Reply, Yield = Syscall, Return = std::io::Result<()>> {
    loop {
        let data = coro::yield_from!(conn.recv(65536))?;
        if data.is_empty() {
            return Ok(());
        }
        coro::yield_from!(conn.send_all(data))?;
    }
}

#[coro::coroutine]
fn registered_client(
    conn: Registered<TcpStream>,
    id: u8,
    rounds: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = std::io::Result<usize>> {
    for n in 0..rounds {
        let msg = vec![id ^ n as u8; 1000];
        coro::yield_from!(conn.send_all(msg.clone()))?;
        let mut got = 0;
        while got < msg.len() {
            let data = coro::yield_from!(conn.recv(msg.len() - got))?;
            assert!(!data.is_empty(), "the server closed early");
            assert!(data == msg[got..got + data.len()], "the echo differs");
            got += data.len();
        }
    }
    conn.shutdown(Shutdown::Write)?;
    Ok(rounds)
}

#[test]
fn registered_sockets_echo_between_many_tasks() {
    const CLIENTS: usize = 50;
    const ROUNDS: usize = 50;
    let mut sched = Scheduler::new().unwrap();
    let reactor = sched.reactor();
    let mut clients = Vec::new();
    for id in 0..CLIENTS {
        let (client, server) = pair();
        sched.spawn_detached(registered_echo(reactor.register(server).unwrap()));
        let client = reactor.register(client).unwrap();
        clients.push(sched.spawn(registered_client(client, id as u8, ROUNDS)));
    }
    assert_eq!(
        sched.run_for(Duration::from_secs(60)).unwrap(),
        RunExit::AllDone
    );
    for c in clients {
        assert_eq!(sched.take_result(c).unwrap().unwrap(), ROUNDS);
    }
}

#[test]
fn killing_a_task_waiting_on_a_registered_socket_forgets_it() {
    let (mut client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let server = sched.reactor().register(server).unwrap();
    let victim = sched.spawn(server.recv(16));
    sched.run_for(MS * 10).unwrap();
    assert_eq!(
        sched.state(victim.id()),
        Some(TaskState::WaitingForIo(Interest::Readable))
    );
    sched.kill(victim).unwrap();
    // The data goes to the next reader, which is woken by it.
    let next = sched.spawn(server.recv(16));
    client.write_all(b"late").unwrap();
    sched.run_for(Duration::from_secs(5)).unwrap();
    assert_eq!(sched.take_result(next).unwrap().unwrap(), b"late");
}

#[test]
fn a_registered_socket_waited_on_in_another_scheduler_is_an_error() {
    let (_client, server) = pair();
    let first = Scheduler::new().unwrap();
    let server = first.reactor().register(server).unwrap();
    let mut second = Scheduler::new().unwrap();
    let t = second.spawn(server.recv(16));
    second.run_for(Duration::from_secs(5)).unwrap();
    let err = second.take_result(t).unwrap().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
}

#[test]
fn registered_send_all_waits_for_room_on_the_writable_edge() {
    // As send_all_waits_when_the_buffer_is_full, on a registered socket: the wait is on
    // the edge-triggered registration, and the reader's draining wakes it.
    let (client, mut server) = pair();
    small_buffers(&client, 64 << 10);
    small_buffers(&server, 64 << 10);
    let data: Vec<u8> = (0..1 << 20).map(|i: u32| (i % 251) as u8).collect();
    let expected = data.clone();
    let mut sched = Scheduler::new().unwrap();
    let client = sched.reactor().register(client).unwrap();
    let sender = sched.spawn(client.send_all(data).map(move |r| {
        drop(client);
        r
    }));
    let deadline = Instant::now() + Duration::from_secs(5);
    while sched.state(sender.id()) != Some(TaskState::WaitingForIo(Interest::Writable)) {
        assert!(Instant::now() < deadline, "send_all never waited");
        sched.run_for(MS).unwrap();
    }
    let reader = std::thread::spawn(move || {
        server
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let mut got = Vec::new();
        server.read_to_end(&mut got).unwrap();
        got
    });
    assert_eq!(
        sched.run_for(Duration::from_secs(8)).unwrap(),
        RunExit::AllDone
    );
    sched.take_result(sender).unwrap().unwrap();
    assert!(reader.join().unwrap() == expected);
}

#[test]
fn a_recv_after_a_short_read_sees_data_that_arrived_while_nobody_waited() {
    // A short read marks a registered socket drained, so the next recv waits for an edge
    // without trying. Data that arrives in between, whose edge the scheduler sees while
    // no task waits, must still be found.
    let (mut client, server) = pair();
    let mut sched = Scheduler::new().unwrap();
    let server = sched.reactor().register(server).unwrap();
    client.write_all(b"one").unwrap();
    std::thread::sleep(MS * 20);
    let first = sched.spawn(server.recv(64));
    sched.run().unwrap();
    assert_eq!(sched.take_result(first).unwrap().unwrap(), b"one"); // short: drained
    client.write_all(b"two").unwrap();
    std::thread::sleep(MS * 20);
    // The edge arrives while only a sleeper is there.
    sched.spawn(sleep(MS * 20));
    sched.run().unwrap();
    let second = sched.spawn(server.recv(64));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(sched.take_result(second).unwrap().unwrap(), b"two");
    // And a later message wakes a recv that waits without trying.
    let third = sched.spawn(server.recv(64));
    sched.spawn(sleep(MS * 10).map(move |()| client.write_all(b"three").unwrap()));
    assert_eq!(
        sched.run_for(Duration::from_secs(5)).unwrap(),
        RunExit::AllDone
    );
    assert_eq!(sched.take_result(third).unwrap().unwrap(), b"three");
}
