//! `echo_server_many`: Beazley's echo server (see `echo_server.rs`) with many concurrent
//! clients, every one a `#[coro::coroutine]` task in the same scheduler.
//!
//! The server accepts on 127.0.0.1, port 0 (ephemeral; loopback only) and spawns a handler
//! task per connection. `main_task` starts `CLIENTS` client tasks at once; they all talk to
//! the server concurrently, each sending `MESSAGES` messages of assorted lengths and checking
//! every echoed byte. Only `main_task` prints, after waiting for each client in turn, so the
//! output does not depend on the order in which the sockets become ready.
//!
//! This example has no Python original in `tests/python/` (the seed's program is
//! `echo_server`); `tests/examples.rs` builds it but does not compare its output.
//!
//! ```sh
//! cargo run --example echo_server_many
//! ```

use std::io;
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use coro::scheduler::{
    Reply, RunExit, Scheduler, Syscall, accept, kill, recv, send_all, spawn, spawn_detached, wait,
};
use coro::{Coroutine, yield_from};

const CLIENTS: usize = 100;
const MESSAGES: usize = 20;

/// Client `id`'s `n`th message: 1 to 4000 bytes, different for every client and message.
fn message(id: usize, n: usize) -> Vec<u8> {
    let len = 1 + (id * 7919 + n * 104_729) % 4000;
    (0..len).map(|i| (i * 31 + id * 7 + n) as u8).collect()
}

#[coro::coroutine]
fn handle_client(
    client: TcpStream,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    loop {
        let data = yield_from!(recv(&client, 65536))?;
        if data.is_empty() {
            return Ok(());
        }
        yield_from!(send_all(&client, data))?;
    }
}

#[coro::coroutine]
fn server(sock: TcpListener) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    loop {
        let (client, _addr) = yield_from!(accept(&sock))?;
        client.set_nodelay(true)?;
        yield_from!(spawn_detached(handle_client(client)));
    }
}

/// Sends each message and checks its echo; returns the number of bytes checked.
#[coro::coroutine]
fn client(
    id: usize,
    addr: SocketAddr,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<usize>> {
    let sock = TcpStream::connect(addr)?; // loopback: completes at once
    sock.set_nodelay(true)?;
    let mut checked = 0;
    for n in 0..MESSAGES {
        let msg = message(id, n);
        yield_from!(send_all(&sock, msg.clone()))?;
        let mut echo = Vec::with_capacity(msg.len());
        while echo.len() < msg.len() {
            let data = yield_from!(recv(&sock, msg.len() - echo.len()))?;
            if data.is_empty() {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            echo.extend_from_slice(&data);
        }
        if echo != msg {
            return Err(io::Error::other(format!("client {id}: echo {n} differs")));
        }
        checked += echo.len();
    }
    sock.shutdown(Shutdown::Write)?; // tell the server we are done sending
    let _eof = yield_from!(recv(&sock, 16))?;
    Ok(checked)
}

#[coro::coroutine]
fn main_task() -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    let sock = TcpListener::bind(("127.0.0.1", 0))?; // ephemeral port, loopback only
    let addr = sock.local_addr()?;
    let srv = yield_from!(spawn(server(sock)));
    println!("Server starting");

    // All clients first, then the waits: they run concurrently.
    let mut clients = Vec::with_capacity(CLIENTS);
    for id in 0..CLIENTS {
        clients.push(yield_from!(spawn(client(id, addr))));
    }
    println!("{CLIENTS} clients started, {MESSAGES} messages each");
    let mut total = 0;
    for (id, handle) in clients.into_iter().enumerate() {
        let checked =
            yield_from!(wait(handle)).expect("the client was neither killed nor panicked")?;
        if id < 3 || id == CLIENTS - 1 {
            println!("client {id}: {MESSAGES} echoes checked, {checked} bytes");
        } else if id == 3 {
            println!("...");
        }
        total += checked;
    }
    println!(
        "all {CLIENTS} clients done: {} echoes, {total} bytes",
        CLIENTS * MESSAGES
    );
    let killed = yield_from!(kill(srv));
    println!("server killed: {}", killed.is_ok());
    Ok(())
}

fn main() -> io::Result<()> {
    let mut sched = Scheduler::new()?;
    let main = sched.spawn(main_task());
    let exit = sched.run_for(Duration::from_secs(60))?;
    assert_eq!(exit, RunExit::AllDone, "still running after 60 s");
    sched
        .take_result(main)
        .expect("main was neither killed nor panicked")
}
