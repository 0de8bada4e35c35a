//! Waiting for sockets: readiness system calls and the socket helpers built on them.
//!
//! **Why a helper that waits holds its own copy of the socket.** A helper such as
//! `accept(&listener)` lives across a yield, inside the task's state. If it kept the
//! `&listener` borrow, a task built by `#[coro::coroutine]` could not store it when
//! `listener` is one of its own locals (a borrow of a local held across a yield is a
//! self-reference). So a helper that has to wait duplicates the descriptor (`dup(2)`,
//! [`std::os::fd::BorrowedFd::try_clone_to_owned`]) and owns the copy. The copy is what the
//! scheduler registers with the poller: it owns it while the task waits, deletes it from
//! the poller before closing it on every path (wake-up, kill, scheduler drop), and hands it
//! back in [`Reply::Io`]. No raw descriptor is ever registered, so the poller's contract
//! ("delete before close") holds without trusting the task.
//!
//! **Why [`accept`], [`recv`] and [`send_all`] try first.** While the borrow is still
//! there, when the helper is built, they make one attempt on the caller's socket (`recv`
//! and `send_all` with `MSG_DONTWAIT`, so the socket's blocking mode is neither needed
//! nor changed). Only an attempt that would
//! block costs the copy and the poller registration; a read whose data has arrived, or a
//! send that fits in the buffer, costs its one system call. (`accept` still puts the
//! listener in non-blocking mode: there is no `MSG_DONTWAIT` for it.) All four helpers
//! here, [`readable`]/[`writable`] included, are one machine, `Stage`, with their own
//! attempt.

use core::fmt;
use core::mem;
use std::io;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::vec::Vec;

use super::calls::unexpected;
use super::reactor::Registered;
use super::syscall::{Interest, Reply, Syscall};
use crate::{Coroutine, CoroutineState};

/// An owned descriptor that a task hands to the scheduler to wait on, and gets back when it
/// is ready: the payload of [`Syscall::WaitIo`] and [`Reply::Io`].
///
/// Build one with [`IoSource::new`], which duplicates the descriptor of any socket (or other
/// pollable file), so the task keeps its own socket and no borrow is held across the yield.
///
/// ```
/// use coro_runtime::scheduler::IoSource;
/// use std::net::TcpListener;
/// use std::os::fd::AsRawFd;
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let source = IoSource::new(&listener)?;
/// assert_ne!(source.as_raw_fd(), listener.as_raw_fd()); // a copy
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct IoSource(OwnedFd);

impl IoSource {
    /// Duplicates `source`'s descriptor. The copy refers to the same socket: readiness,
    /// non-blocking mode and the data are shared.
    ///
    /// ```
    /// use coro_runtime::scheduler::IoSource;
    /// use std::net::UdpSocket;
    ///
    /// let socket = UdpSocket::bind("127.0.0.1:0")?;
    /// let _source = IoSource::new(&socket)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(source: &impl AsFd) -> io::Result<IoSource> {
        source.as_fd().try_clone_to_owned().map(IoSource)
    }

    /// The owned descriptor inside.
    ///
    /// ```
    /// use coro_runtime::scheduler::IoSource;
    /// use std::net::TcpListener;
    ///
    /// let listener = TcpListener::bind("127.0.0.1:0")?;
    /// let copy = TcpListener::from(IoSource::new(&listener)?.into_owned_fd());
    /// assert_eq!(copy.local_addr()?, listener.local_addr()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_owned_fd(self) -> OwnedFd {
        self.0
    }
}

impl AsFd for IoSource {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}

impl AsRawFd for IoSource {
    fn as_raw_fd(&self) -> RawFd {
        self.0.as_raw_fd()
    }
}

impl From<OwnedFd> for IoSource {
    fn from(fd: OwnedFd) -> IoSource {
        IoSource(fd)
    }
}

impl From<IoSource> for OwnedFd {
    fn from(source: IoSource) -> OwnedFd {
        source.0
    }
}

/// Waits until `source` can be read without blocking (Beazley's `ReadWait`).
///
/// Completes with `Ok(())` when it can: data has arrived, a connection is waiting to be
/// accepted, or the peer has closed its side (a read then returns the rest, then end of
/// file). Errors: the descriptor cannot be polled (a regular file, say), or the socket has a
/// pending error (the connection was reset).
///
/// ```
/// use coro_runtime::scheduler::{readable, Scheduler};
/// use std::io::Write;
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let mut client = TcpStream::connect(listener.local_addr()?)?;
/// let (server_side, _) = listener.accept()?;
/// client.write_all(b"ping")?;
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(readable(&server_side));
/// sched.run()?;
/// assert!(sched.take_result(t)?.is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn readable(source: &impl AsFd) -> WaitIo {
    WaitIo::new(source, Interest::Readable)
}

/// Waits until `source` can be written without blocking (Beazley's `WriteWait`).
///
/// Errors: the descriptor cannot be polled, the socket has a pending error, or it is closed
/// for writing (shut down, or hung up), so that a write would fail anyway.
///
/// ```
/// use coro_runtime::scheduler::{writable, Scheduler};
/// use std::net::{Shutdown, TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let client = TcpStream::connect(listener.local_addr()?)?;
///
/// let mut sched = Scheduler::new()?;
/// let open = sched.spawn(writable(&client));
/// sched.run()?;
/// assert!(sched.take_result(open)?.is_ok());
///
/// client.shutdown(Shutdown::Both)?;
/// let closed = sched.spawn(writable(&client));
/// sched.run()?;
/// let err = sched.take_result(closed)?.unwrap_err();
/// assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn writable(source: &impl AsFd) -> WaitIo {
    WaitIo::new(source, Interest::Writable)
}

/// The system call of [`readable`] and [`writable`]: completes with `io::Result<()>`.
///
/// ```
/// use coro_runtime::scheduler::{readable, Interest, Reply, Syscall};
/// use coro_runtime::{Coroutine, CoroutineState};
/// use std::net::UdpSocket;
///
/// let socket = UdpSocket::bind("127.0.0.1:0")?;
/// let mut call = readable(&socket);
/// let source = match call.start() {
///     Some(CoroutineState::Yielded(Syscall::WaitIo(source, Interest::Readable))) => source,
///     other => panic!("unexpected {other:?}"),
/// };
/// // Playing the scheduler: "it is readable now".
/// assert!(matches!(call.resume(Reply::Io(Ok(source))), CoroutineState::Complete(Ok(()))));
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct WaitIo {
    stage: Stage<()>,
    interest: Interest,
}

impl WaitIo {
    fn new(source: &impl AsFd, interest: Interest) -> WaitIo {
        // Nothing to try: it always waits, on a copy (the socket helpers' shape, with an
        // attempt that would block at first and is done once the wait is answered).
        WaitIo {
            stage: Stage::begin(source.as_fd(), |_| Attempt::WouldBlock),
            interest,
        }
    }
}

impl Coroutine<Reply> for WaitIo {
    type Yield = Syscall;
    type Return = io::Result<()>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, io::Result<()>> {
        self.stage
            .step(reply, "readable/writable", self.interest, |_| {
                Attempt::Done(Ok(()))
            })
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, io::Result<()>>> {
        (!self.stage.started()).then(|| self.resume(Reply::Start))
    }
}

impl fmt::Debug for WaitIo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WaitIo::{}({})", self.stage.name(), self.interest)
    }
}

/// Accepts a connection, waiting for one if none is pending: Beazley's `Accept(sock)`
/// trampolined sub-coroutine (`yield ReadWait(sock)` then `sock.accept()`).
///
/// Puts the listener in non-blocking mode (the mode belongs to the socket, so the caller's
/// listener becomes non-blocking too), which a scheduler needs: a blocking `accept` would
/// stall every task. The first attempt is made when the helper is built, on the caller's
/// listener; the descriptor is copied only to wait. Several tasks may accept on one
/// listener; the ones that lose a race for a connection simply wait again.
///
/// ```
/// use coro_runtime::scheduler::{accept, Scheduler};
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(accept(&listener));
/// let client = TcpStream::connect(listener.local_addr()?)?;
/// sched.run()?;
/// let (conn, addr) = sched.take_result(t)??;
/// assert_eq!(addr, client.local_addr()?);
/// assert_eq!(conn.peer_addr()?, client.local_addr()?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn accept(listener: &TcpListener) -> Accept {
    let stage = match listener.set_nonblocking(true) {
        Ok(()) => Stage::begin(listener.as_fd(), accept_once),
        Err(e) => Stage::Ready(Err(e)),
    };
    Accept { stage }
}

/// One `accept(2)` on a non-blocking listener.
fn accept_once(fd: BorrowedFd<'_>) -> Attempt<(TcpStream, SocketAddr)> {
    loop {
        let accepted = rustix::net::accept_with(fd, rustix::net::SocketFlags::CLOEXEC);
        match classify(accepted) {
            None => {}
            Some(Attempt::Done(Ok(conn))) => {
                let conn = TcpStream::from(conn);
                return Attempt::Done(conn.peer_addr().map(|addr| (conn, addr)));
            }
            Some(Attempt::Done(Err(e)) | Attempt::Drained(Err(e))) => {
                return Attempt::Done(Err(e));
            }
            Some(Attempt::Drained(Ok(_))) => unreachable!("classify never says drained"),
            Some(Attempt::WouldBlock) => return Attempt::WouldBlock,
        }
    }
}

/// The sub-coroutine of [`accept`]: completes with `io::Result<(TcpStream, SocketAddr)>`.
///
/// ```
/// use coro_runtime::scheduler::{accept, Syscall};
/// use coro_runtime::{Coroutine, CoroutineState};
/// use std::net::TcpListener;
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let mut call = accept(&listener);
/// // Nobody has connected: it asks to wait until the listener is readable.
/// assert!(matches!(call.start(), Some(CoroutineState::Yielded(Syscall::WaitIo(..)))));
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct Accept {
    stage: Stage<(TcpStream, SocketAddr)>,
}

impl Coroutine<Reply> for Accept {
    type Yield = Syscall;
    type Return = io::Result<(TcpStream, SocketAddr)>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, Self::Return> {
        self.stage
            .step(reply, "accept", Interest::Readable, accept_once)
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, Self::Return>> {
        (!self.stage.started()).then(|| self.resume(Reply::Start))
    }
}

impl fmt::Debug for Accept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Accept::{}", self.stage.name())
    }
}

// ---- recv and send_all: one attempt on the caller's socket, a copy only to wait ----------

/// One non-blocking attempt of a socket helper.
enum Attempt<T> {
    /// The call is over, with this result.
    Done(io::Result<T>),
    /// It would block: wait for readiness and try again.
    WouldBlock,
    /// The call is over, and it read less than it asked for: the socket has nothing
    /// left to read until its next readable edge.
    Drained(io::Result<T>),
}

/// How a socket helper waits: [`Unregistered`] (the helpers on plain sockets: on a copy of
/// the descriptor, and `Send`) or [`Registered<TcpStream>`] (the methods of a registered
/// socket: on its registration, and not `Send`). Sealed.
///
/// ```
/// use coro_runtime::scheduler::{Recv, Registered, Unregistered, WaitVia};
/// use std::net::TcpStream;
///
/// fn via<S: WaitVia>(_: &Recv<S>) {}
/// fn is_send<T: Send>() {}
/// is_send::<Recv>(); // the plain helper may move between threads
/// is_send::<Recv<Unregistered>>();
/// # let _ = via::<Registered<TcpStream>>;
/// ```
pub trait WaitVia: via::Sealed + Sized {
    #[doc(hidden)]
    fn fd(&self) -> BorrowedFd<'_>;
    #[doc(hidden)]
    fn ready_key(&self) -> super::ReadyKey;
    #[doc(hidden)]
    fn set_drained(&self, drained: bool);
}

mod via {
    pub trait Sealed {}
    impl Sealed for super::Unregistered {}
    impl Sealed for super::Registered<std::net::TcpStream> {}
}

/// The [`WaitVia`] of the helpers on plain sockets ([`recv`], [`send_all`], [`accept`],
/// [`readable`], [`writable`]): they wait on a copy of the descriptor (see [`IoSource`]).
/// A marker type with no values.
///
/// ```
/// use coro_runtime::scheduler::{Recv, Unregistered};
/// let _: Option<Recv<Unregistered>> = None::<Recv>; // the default
/// ```
#[derive(Debug)]
pub enum Unregistered {}

impl WaitVia for Unregistered {
    fn fd(&self) -> BorrowedFd<'_> {
        match *self {}
    }
    fn ready_key(&self) -> super::ReadyKey {
        match *self {}
    }
    fn set_drained(&self, _: bool) {
        match *self {}
    }
}

impl WaitVia for Registered<TcpStream> {
    fn fd(&self) -> BorrowedFd<'_> {
        self.as_fd()
    }
    fn ready_key(&self) -> super::ReadyKey {
        self.key()
    }
    fn set_drained(&self, drained: bool) {
        self.set_read_drained(drained);
    }
}

/// Where a [`Recv`] or [`SendAll`] is: the one shape of the socket helpers that try first
/// and wait only when they must. `S` is how it waits ([`WaitVia`]); with
/// [`Unregistered`], the variants holding it cannot exist, and the stage is `Send`.
enum Stage<T, S = Unregistered> {
    /// The first attempt, made when the helper was built, finished the call: this is
    /// handed out on the first resume without a system call.
    Ready(io::Result<T>),
    /// The first attempt would block: the copy of the descriptor to wait on (or why it
    /// could not be made), yielded on the first resume.
    Fresh(io::Result<IoSource>),
    /// Yielded [`Syscall::WaitIo`]; the scheduler holds the copy.
    Waiting,
    /// A [`Registered`] socket would block: yield a wait on its key.
    Blocked(S),
    /// Yielded [`Syscall::WaitReady`] on this socket.
    WaitingOn(S),
    Done,
}

impl<T, S: WaitVia> Stage<T, S> {
    /// Makes the first attempt on the caller's own socket (no copy, no mode change), and
    /// copies the descriptor only if the call has to wait.
    fn begin(
        fd: BorrowedFd<'_>,
        attempt: impl FnOnce(BorrowedFd<'_>) -> Attempt<T>,
    ) -> Stage<T, S> {
        match attempt(fd) {
            Attempt::Done(result) | Attempt::Drained(result) => Stage::Ready(result),
            Attempt::WouldBlock => Stage::Fresh(fd.try_clone_to_owned().map(IoSource)),
        }
    }

    /// The same on a registered socket: no copy is needed to wait, and a read that
    /// drained the socket last time (`skip`) waits for the next edge without trying.
    fn begin_on(
        socket: &S,
        skip: bool,
        attempt: impl FnOnce(BorrowedFd<'_>) -> Attempt<T>,
    ) -> Stage<T, S>
    where
        S: Clone,
    {
        if skip {
            return Stage::Blocked(socket.clone());
        }
        match Stage::<T, S>::settled(socket, attempt(socket.fd())) {
            Some(result) => Stage::Ready(result),
            // Only a call that waits keeps (a clone of) the socket.
            None => Stage::Blocked(socket.clone()),
        }
    }

    /// The result of an attempt on a registered socket, noting whether the socket is
    /// drained for reading; `None` when it would block.
    fn settled(socket: &S, attempt: Attempt<T>) -> Option<io::Result<T>> {
        match attempt {
            Attempt::Done(result) => Some(result),
            Attempt::Drained(result) => {
                socket.set_drained(true);
                Some(result)
            }
            Attempt::WouldBlock => None,
        }
    }

    /// One resume: hands out a ready result, yields a wait, or retries after one.
    fn step(
        &mut self,
        reply: Reply,
        name: &str,
        interest: Interest,
        mut attempt: impl FnMut(BorrowedFd<'_>) -> Attempt<T>,
    ) -> CoroutineState<Syscall, io::Result<T>> {
        let source = match mem::replace(self, Stage::Done) {
            Stage::Ready(result) => return CoroutineState::Complete(result),
            Stage::Fresh(source) => source,
            Stage::Waiting => match reply {
                Reply::Io(Ok(source)) => match attempt(source.as_fd()) {
                    Attempt::Done(result) | Attempt::Drained(result) => {
                        return CoroutineState::Complete(result);
                    }
                    Attempt::WouldBlock => Ok(source),
                },
                Reply::Io(Err(e)) => Err(e),
                other => unexpected(name, other),
            },
            Stage::Blocked(socket) => return self.wait_on(socket, interest),
            Stage::WaitingOn(socket) => match reply {
                Reply::Done => {
                    if interest == Interest::Readable {
                        socket.set_drained(false); // an edge: try again
                    }
                    return match Stage::<T, S>::settled(&socket, attempt(socket.fd())) {
                        Some(result) => CoroutineState::Complete(result),
                        None => self.wait_on(socket, interest),
                    };
                }
                other => unexpected(name, other),
            },
            Stage::Done => panic!("a system call coroutine was resumed after it completed"),
        };
        match source {
            Ok(source) => {
                *self = Stage::Waiting;
                CoroutineState::Yielded(Syscall::WaitIo(source, interest))
            }
            Err(e) => CoroutineState::Complete(Err(e)),
        }
    }

    /// Yields the wait on a registered socket, unless it belongs to another scheduler
    /// (whose poller would never wake this one).
    fn wait_on(&mut self, socket: S, interest: Interest) -> CoroutineState<Syscall, io::Result<T>> {
        let key = socket.ready_key();
        let current = super::run::current_scheduler();
        if current != 0 && current != key.tag {
            return CoroutineState::Complete(Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "the socket is registered with another scheduler",
            )));
        }
        *self = Stage::WaitingOn(socket);
        CoroutineState::Yielded(Syscall::WaitReady(key, interest))
    }

    fn started(&self) -> bool {
        matches!(self, Stage::Waiting | Stage::WaitingOn(_) | Stage::Done)
    }

    fn name(&self) -> &'static str {
        match self {
            Stage::Ready(_) => "Ready",
            Stage::Fresh(_) => "Fresh",
            Stage::Waiting | Stage::WaitingOn(_) => "Waiting",
            Stage::Blocked(_) => "Fresh",
            Stage::Done => "Done",
        }
    }
}

/// Maps a socket call's result: interrupted calls are retried by the caller's loop.
fn classify<T>(result: rustix::io::Result<T>) -> Option<Attempt<T>> {
    match result {
        Ok(value) => Some(Attempt::Done(Ok(value))),
        Err(rustix::io::Errno::INTR) => None,
        Err(e) if e == rustix::io::Errno::AGAIN || e == rustix::io::Errno::WOULDBLOCK => {
            Some(Attempt::WouldBlock)
        }
        Err(e) => Some(Attempt::Done(Err(e.into()))),
    }
}

std::thread_local! {
    /// What [`Recv`] reads into before copying out what arrived.
    static RECV_SCRATCH: core::cell::RefCell<Vec<u8>> = const { core::cell::RefCell::new(Vec::new()) };
}

/// One `recv(2)` with `MSG_DONTWAIT`, whatever the socket's mode: reads into this
/// thread's scratch buffer (zeroed once, when it grows) and copies out what arrived, so an
/// attempt that would block allocates nothing and the result is as big as what was read.
fn recv_once(fd: BorrowedFd<'_>, max: usize) -> Attempt<Vec<u8>> {
    loop {
        let attempt = RECV_SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            if scratch.len() < max {
                scratch.resize(max, 0);
            }
            let buf = &mut scratch[..max];
            let read = rustix::net::recv(fd, &mut *buf, rustix::net::RecvFlags::DONTWAIT);
            classify(read).map(|attempt| match attempt {
                // Shorter than asked, and not the end of file: the socket is drained.
                Attempt::Done(Ok((n, _))) if n > 0 && n < max => {
                    Attempt::Drained(Ok(buf[..n].to_vec()))
                }
                Attempt::Done(Ok((n, _))) => Attempt::Done(Ok(buf[..n].to_vec())),
                Attempt::Done(Err(e)) | Attempt::Drained(Err(e)) => Attempt::Done(Err(e)),
                Attempt::Drained(Ok(_)) => unreachable!("classify never says drained"),
                Attempt::WouldBlock => Attempt::WouldBlock,
            })
        });
        if let Some(attempt) = attempt {
            return attempt;
        }
    }
}

/// `send(2)` with `MSG_DONTWAIT` (and `MSG_NOSIGNAL` where there is one: a closed peer is
/// an error, not a signal) until all of `data` is sent or the socket's buffer is full.
fn send_once(fd: BorrowedFd<'_>, data: &[u8], sent: &mut usize) -> Attempt<()> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    let flags = rustix::net::SendFlags::DONTWAIT | rustix::net::SendFlags::NOSIGNAL;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    let flags = rustix::net::SendFlags::DONTWAIT;
    while *sent < data.len() {
        match classify(rustix::net::send(fd, &data[*sent..], flags)) {
            None => {}
            Some(Attempt::Done(Ok(0))) => {
                return Attempt::Done(Err(io::Error::new(
                    io::ErrorKind::WriteZero,
                    "the socket accepted no more data",
                )));
            }
            Some(Attempt::Done(Ok(n))) => *sent += n,
            Some(Attempt::Done(Err(e)) | Attempt::Drained(Err(e))) => return Attempt::Done(Err(e)),
            Some(Attempt::Drained(Ok(_))) => unreachable!("classify never says drained"),
            Some(Attempt::WouldBlock) => return Attempt::WouldBlock,
        }
    }
    Attempt::Done(Ok(()))
}

/// Receives up to `max` bytes, waiting until some arrive. An empty vector means the peer
/// closed the connection (end of file).
///
/// The first attempt is made at once, on `stream` itself, when the helper is built (with
/// `MSG_DONTWAIT`: the stream's blocking mode is left alone): if data is there, it is read
/// then and handed out on the first resume without a system call, so do not build a `Recv`
/// you will not drive. Only if nothing has arrived is the descriptor copied for the wait
/// (see [`IoSource`]). The vector is as big as what arrived, not `max`.
///
/// ```
/// use coro_runtime::scheduler::{recv, Scheduler};
/// use std::io::Write;
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let mut client = TcpStream::connect(listener.local_addr()?)?;
/// let (conn, _) = listener.accept()?;
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(recv(&conn, 1024));
/// client.write_all(b"hello")?;
/// sched.run()?;
/// assert_eq!(sched.take_result(t)??, b"hello");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recv(stream: &TcpStream, max: usize) -> Recv {
    Recv {
        stage: Stage::begin(stream.as_fd(), |fd| recv_once(fd, max)),
        max,
    }
}

/// The sub-coroutine of [`recv`]: completes with `io::Result<Vec<u8>>`.
///
/// ```
/// use coro_runtime::scheduler::{recv, Recv};
/// use std::io::Write;
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let mut client = TcpStream::connect(listener.local_addr()?)?;
/// let (conn, _) = listener.accept()?;
/// let call: Recv = recv(&conn, 64);
/// assert_eq!(format!("{call:?}"), "Recv::Fresh"); // nothing yet: it will wait
/// client.write_all(b"hi")?;
/// # std::thread::sleep(std::time::Duration::from_millis(50));
/// let call: Recv = recv(&conn, 64);
/// assert_eq!(format!("{call:?}"), "Recv::Ready"); // read already
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct Recv<S = Unregistered> {
    stage: Stage<Vec<u8>, S>,
    max: usize,
}

impl<S: WaitVia> Coroutine<Reply> for Recv<S> {
    type Yield = Syscall;
    type Return = io::Result<Vec<u8>>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, io::Result<Vec<u8>>> {
        let max = self.max;
        self.stage
            .step(reply, "recv", Interest::Readable, |fd| recv_once(fd, max))
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, io::Result<Vec<u8>>>> {
        (!self.stage.started()).then(|| self.resume(Reply::Start))
    }
}

impl<S: WaitVia> fmt::Debug for Recv<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Recv::{}", self.stage.name())
    }
}

/// Sends all of `data`, waiting whenever the socket's send buffer is full.
///
/// As much as fits is sent at once, on `stream` itself, when the helper is built (with
/// `MSG_DONTWAIT`: the stream's blocking mode is left alone); the descriptor is copied for
/// a wait only if the send buffer fills. Errors: any write error, e.g. the peer has reset
/// the connection.
///
/// ```
/// use coro_runtime::scheduler::{send_all, Scheduler};
/// use std::io::Read;
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let client = TcpStream::connect(listener.local_addr()?)?;
/// let (mut conn, _) = listener.accept()?;
///
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(send_all(&client, "hello"));
/// sched.run()?;
/// sched.take_result(t)??;
/// let mut got = [0; 5];
/// conn.read_exact(&mut got)?;
/// assert_eq!(&got, b"hello");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn send_all(stream: &TcpStream, data: impl Into<Vec<u8>>) -> SendAll {
    let data = data.into();
    let mut sent = 0;
    let stage = Stage::begin(stream.as_fd(), |fd| send_once(fd, &data, &mut sent));
    SendAll { stage, data, sent }
}

/// The sub-coroutine of [`send_all`]: completes with `io::Result<()>`.
///
/// ```
/// use coro_runtime::scheduler::{send_all, SendAll};
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let client = TcpStream::connect(listener.local_addr()?)?;
/// let call: SendAll = send_all(&client, vec![1, 2, 3]);
/// // Three bytes fit in the send buffer: sent when the helper was built.
/// assert_eq!(format!("{call:?}"), "SendAll { state: \"Ready\", sent: 3, len: 3 }");
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct SendAll<S = Unregistered> {
    stage: Stage<(), S>,
    data: Vec<u8>,
    sent: usize,
}

impl<S: WaitVia> Coroutine<Reply> for SendAll<S> {
    type Yield = Syscall;
    type Return = io::Result<()>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, io::Result<()>> {
        let (data, sent) = (&self.data, &mut self.sent);
        self.stage
            .step(reply, "send_all", Interest::Writable, |fd| {
                send_once(fd, data, sent)
            })
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, io::Result<()>>> {
        (!self.stage.started()).then(|| self.resume(Reply::Start))
    }
}

impl<S: WaitVia> fmt::Debug for SendAll<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SendAll")
            .field("state", &self.stage.name())
            .field("sent", &self.sent)
            .field("len", &self.data.len())
            .finish()
    }
}

impl Registered<TcpStream> {
    /// [`recv`] on a registered stream: the same first attempt, and a wait that neither
    /// copies the descriptor nor asks the poller anything.
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    /// use std::io::Write;
    /// use std::net::{TcpListener, TcpStream};
    ///
    /// let listener = TcpListener::bind("127.0.0.1:0")?;
    /// let mut client = TcpStream::connect(listener.local_addr()?)?;
    /// let mut sched = Scheduler::new()?;
    /// let conn = sched.reactor().register(listener.accept()?.0)?;
    /// let t = sched.spawn(conn.recv(1024));
    /// client.write_all(b"hello")?;
    /// sched.run()?;
    /// assert_eq!(sched.take_result(t)??, b"hello");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn recv(&self, max: usize) -> Recv<Registered<TcpStream>> {
        Recv {
            stage: Stage::begin_on(self, self.read_drained(), |fd| recv_once(fd, max)),
            max,
        }
    }

    /// [`send_all`] on a registered stream: waits for room without a copy of the
    /// descriptor or a poller call.
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    /// use std::io::Read;
    /// use std::net::{TcpListener, TcpStream};
    ///
    /// let listener = TcpListener::bind("127.0.0.1:0")?;
    /// let sched = Scheduler::new()?;
    /// let client = sched.reactor().register(TcpStream::connect(listener.local_addr()?)?)?;
    /// let (mut conn, _) = listener.accept()?;
    /// let mut sched = sched;
    /// let t = sched.spawn(client.send_all("hello"));
    /// sched.run()?;
    /// sched.take_result(t)??;
    /// let mut got = [0; 5];
    /// conn.read_exact(&mut got)?;
    /// assert_eq!(&got, b"hello");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn send_all(&self, data: impl Into<Vec<u8>>) -> SendAll<Registered<TcpStream>> {
        let data = data.into();
        let mut sent = 0;
        let stage = Stage::begin_on(self, false, |fd| send_once(fd, &data, &mut sent));
        SendAll { stage, data, sent }
    }
}
