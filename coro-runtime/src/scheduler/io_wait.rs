//! Waiting for sockets: readiness system calls and the socket helpers built on them.
//!
//! **Why every helper holds its own copy of the socket.** A helper such as
//! `accept(&listener)` lives across a yield, inside the task's state. If it kept the
//! `&listener` borrow, a task built by `#[coro::coroutine]` could not store it when
//! `listener` is one of its own locals (a borrow of a local held across a yield is a
//! self-reference). So each helper duplicates the descriptor when it is built (`dup(2)`,
//! [`std::os::fd::BorrowedFd::try_clone_to_owned`]) and owns the copy. The copy is what the
//! scheduler registers with the poller: it owns it while the task waits, deletes it from
//! the poller before closing it on every path (wake-up, kill, scheduler drop), and hands it
//! back in [`Reply::Io`]. No raw descriptor is ever registered, so the poller's contract
//! ("delete before close") holds without trusting the task.

use core::fmt;
use core::mem;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::vec::Vec;

use super::calls::unexpected;
use super::{Interest, Reply, Syscall};
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
    state: WaitIoState,
}

enum WaitIoState {
    Fresh(io::Result<IoSource>, Interest),
    Waiting,
    Done,
}

impl WaitIo {
    fn new(source: &impl AsFd, interest: Interest) -> WaitIo {
        WaitIo {
            state: WaitIoState::Fresh(IoSource::new(source), interest),
        }
    }
}

impl Coroutine<Reply> for WaitIo {
    type Yield = Syscall;
    type Return = io::Result<()>;

    fn resume(&mut self, reply: Reply) -> CoroutineState<Syscall, io::Result<()>> {
        match mem::replace(&mut self.state, WaitIoState::Done) {
            WaitIoState::Fresh(Ok(source), interest) => {
                self.state = WaitIoState::Waiting;
                CoroutineState::Yielded(Syscall::WaitIo(source, interest))
            }
            WaitIoState::Fresh(Err(error), _) => CoroutineState::Complete(Err(error)),
            WaitIoState::Waiting => match reply {
                Reply::Io(result) => CoroutineState::Complete(result.map(drop)),
                other => unexpected("readable/writable", other),
            },
            WaitIoState::Done => panic!("a system call coroutine was resumed after it completed"),
        }
    }

    fn start(&mut self) -> Option<CoroutineState<Syscall, io::Result<()>>> {
        match self.state {
            WaitIoState::Fresh(..) => Some(self.resume(Reply::Start)),
            WaitIoState::Waiting | WaitIoState::Done => None,
        }
    }
}

impl fmt::Debug for WaitIo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.state {
            WaitIoState::Fresh(source, interest) => f
                .debug_tuple("WaitIo::Fresh")
                .field(source)
                .field(interest)
                .finish(),
            WaitIoState::Waiting => f.write_str("WaitIo::Waiting"),
            WaitIoState::Done => f.write_str("WaitIo::Done"),
        }
    }
}

/// Accepts a connection, waiting for one if none is pending: Beazley's `Accept(sock)`
/// trampolined sub-coroutine (`yield ReadWait(sock)` then `sock.accept()`).
///
/// Puts the listener in non-blocking mode (the mode belongs to the socket, so the caller's
/// listener becomes non-blocking too), which a scheduler needs: a blocking `accept` would
/// stall every task. Several tasks may accept on one listener; the ones that lose a race
/// for a connection simply wait again.
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
    Accept {
        state: AcceptState::Fresh(listener.try_clone()),
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
    state: AcceptState,
}

enum AcceptState {
    Fresh(io::Result<TcpListener>),
    Waiting,
    Done,
}

impl Accept {
    fn attempt(&mut self, listener: TcpListener) -> AcceptStep {
        loop {
            match listener.accept() {
                Ok(accepted) => return CoroutineState::Complete(Ok(accepted)),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.state = AcceptState::Waiting;
                    let source = IoSource(OwnedFd::from(listener));
                    return CoroutineState::Yielded(Syscall::WaitIo(source, Interest::Readable));
                }
                Err(e) => return CoroutineState::Complete(Err(e)),
            }
        }
    }
}

type AcceptStep = CoroutineState<Syscall, io::Result<(TcpStream, SocketAddr)>>;

impl Coroutine<Reply> for Accept {
    type Yield = Syscall;
    type Return = io::Result<(TcpStream, SocketAddr)>;

    fn resume(&mut self, reply: Reply) -> AcceptStep {
        match mem::replace(&mut self.state, AcceptState::Done) {
            AcceptState::Fresh(listener) => {
                match listener.and_then(|l| l.set_nonblocking(true).map(|()| l)) {
                    Ok(listener) => self.attempt(listener),
                    Err(e) => CoroutineState::Complete(Err(e)),
                }
            }
            AcceptState::Waiting => match reply {
                Reply::Io(Ok(source)) => self.attempt(TcpListener::from(source.0)),
                Reply::Io(Err(e)) => CoroutineState::Complete(Err(e)),
                other => unexpected("accept", other),
            },
            AcceptState::Done => panic!("a system call coroutine was resumed after it completed"),
        }
    }

    fn start(&mut self) -> Option<AcceptStep> {
        match self.state {
            AcceptState::Fresh(_) => Some(self.resume(Reply::Start)),
            AcceptState::Waiting | AcceptState::Done => None,
        }
    }
}

impl fmt::Debug for Accept {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.state {
            AcceptState::Fresh(_) => "Accept::Fresh",
            AcceptState::Waiting => "Accept::Waiting",
            AcceptState::Done => "Accept::Done",
        })
    }
}

/// Receives up to `max` bytes, waiting until some arrive. An empty vector means the peer
/// closed the connection (end of file).
///
/// Puts the stream in non-blocking mode (shared with the caller's stream).
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
        state: RecvState::Fresh(stream.try_clone()),
        max,
    }
}

/// The sub-coroutine of [`recv`]: completes with `io::Result<Vec<u8>>`.
///
/// ```
/// use coro_runtime::scheduler::{recv, Recv};
/// use std::net::{TcpListener, TcpStream};
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let client = TcpStream::connect(listener.local_addr()?)?;
/// let call: Recv = recv(&client, 64);
/// assert_eq!(format!("{call:?}"), "Recv::Fresh");
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct Recv {
    state: RecvState,
    max: usize,
}

std::thread_local! {
    /// What [`Recv`] reads into before copying out what arrived.
    static RECV_SCRATCH: core::cell::RefCell<Vec<u8>> = const { core::cell::RefCell::new(Vec::new()) };
}

enum RecvState {
    Fresh(io::Result<TcpStream>),
    Waiting,
    Done,
}

type RecvStep = CoroutineState<Syscall, io::Result<Vec<u8>>>;

impl Recv {
    fn attempt(&mut self, mut stream: TcpStream) -> RecvStep {
        loop {
            // Read into this thread's scratch buffer (zeroed once, when it grows), and copy
            // out what arrived: an attempt that would block allocates nothing, and the
            // result is as big as what was read, not `max`.
            let read = RECV_SCRATCH.with(|scratch| {
                let mut scratch = scratch.borrow_mut();
                if scratch.len() < self.max {
                    scratch.resize(self.max, 0);
                }
                stream
                    .read(&mut scratch[..self.max])
                    .map(|n| scratch[..n].to_vec())
            });
            match read {
                Ok(data) => return CoroutineState::Complete(Ok(data)),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.state = RecvState::Waiting;
                    let source = IoSource(OwnedFd::from(stream));
                    return CoroutineState::Yielded(Syscall::WaitIo(source, Interest::Readable));
                }
                Err(e) => return CoroutineState::Complete(Err(e)),
            }
        }
    }
}

impl Coroutine<Reply> for Recv {
    type Yield = Syscall;
    type Return = io::Result<Vec<u8>>;

    fn resume(&mut self, reply: Reply) -> RecvStep {
        match mem::replace(&mut self.state, RecvState::Done) {
            RecvState::Fresh(stream) => {
                match stream.and_then(|s| s.set_nonblocking(true).map(|()| s)) {
                    Ok(stream) => self.attempt(stream),
                    Err(e) => CoroutineState::Complete(Err(e)),
                }
            }
            RecvState::Waiting => match reply {
                Reply::Io(Ok(source)) => self.attempt(TcpStream::from(source.0)),
                Reply::Io(Err(e)) => CoroutineState::Complete(Err(e)),
                other => unexpected("recv", other),
            },
            RecvState::Done => panic!("a system call coroutine was resumed after it completed"),
        }
    }

    fn start(&mut self) -> Option<RecvStep> {
        match self.state {
            RecvState::Fresh(_) => Some(self.resume(Reply::Start)),
            RecvState::Waiting | RecvState::Done => None,
        }
    }
}

impl fmt::Debug for Recv {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self.state {
            RecvState::Fresh(_) => "Recv::Fresh",
            RecvState::Waiting => "Recv::Waiting",
            RecvState::Done => "Recv::Done",
        })
    }
}

/// Sends all of `data`, waiting whenever the socket's send buffer is full.
///
/// Puts the stream in non-blocking mode (shared with the caller's stream). Errors: any
/// write error, e.g. the peer has reset the connection.
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
    SendAll {
        state: SendState::Fresh(stream.try_clone()),
        data: data.into(),
        sent: 0,
    }
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
/// assert_eq!(format!("{call:?}"), "SendAll { state: \"Fresh\", sent: 0, len: 3 }");
/// # Ok::<(), std::io::Error>(())
/// ```
#[must_use = "system calls are coroutines: they do nothing unless delegated to with `yield_from!`"]
pub struct SendAll {
    state: SendState,
    data: Vec<u8>,
    sent: usize,
}

enum SendState {
    Fresh(io::Result<TcpStream>),
    Waiting,
    Done,
}

type SendStep = CoroutineState<Syscall, io::Result<()>>;

impl SendAll {
    fn attempt(&mut self, mut stream: TcpStream) -> SendStep {
        while self.sent < self.data.len() {
            match stream.write(&self.data[self.sent..]) {
                Ok(0) => {
                    return CoroutineState::Complete(Err(io::Error::new(
                        io::ErrorKind::WriteZero,
                        "the socket accepted no more data",
                    )));
                }
                Ok(n) => self.sent += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    self.state = SendState::Waiting;
                    let source = IoSource(OwnedFd::from(stream));
                    return CoroutineState::Yielded(Syscall::WaitIo(source, Interest::Writable));
                }
                Err(e) => return CoroutineState::Complete(Err(e)),
            }
        }
        CoroutineState::Complete(Ok(()))
    }
}

impl Coroutine<Reply> for SendAll {
    type Yield = Syscall;
    type Return = io::Result<()>;

    fn resume(&mut self, reply: Reply) -> SendStep {
        match mem::replace(&mut self.state, SendState::Done) {
            SendState::Fresh(stream) => {
                match stream.and_then(|s| s.set_nonblocking(true).map(|()| s)) {
                    Ok(stream) => self.attempt(stream),
                    Err(e) => CoroutineState::Complete(Err(e)),
                }
            }
            SendState::Waiting => match reply {
                Reply::Io(Ok(source)) => self.attempt(TcpStream::from(source.0)),
                Reply::Io(Err(e)) => CoroutineState::Complete(Err(e)),
                other => unexpected("send_all", other),
            },
            SendState::Done => panic!("a system call coroutine was resumed after it completed"),
        }
    }

    fn start(&mut self) -> Option<SendStep> {
        match self.state {
            SendState::Fresh(_) => Some(self.resume(Reply::Start)),
            SendState::Waiting | SendState::Done => None,
        }
    }
}

impl fmt::Debug for SendAll {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            SendState::Fresh(_) => "Fresh",
            SendState::Waiting => "Waiting",
            SendState::Done => "Done",
        };
        f.debug_struct("SendAll")
            .field("state", &state)
            .field("sent", &self.sent)
            .field("len", &self.data.len())
            .finish()
    }
}
