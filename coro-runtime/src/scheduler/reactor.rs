//! Sockets registered once with a scheduler's poller, for as long as they live.
//!
//! A plain `&TcpStream` given to [`recv`](super::recv) is copied and registered for each
//! wait (see [`IoSource`](super::IoSource)): a borrow cannot be kept across a yield. A
//! [`Registered`] socket is shared instead (an `Rc`, so a helper holds a clone across the
//! yield), added to the poller once in edge-triggered mode when it is made, and deleted
//! from it when the last clone is dropped, just before the socket is closed. A wait on it
//! costs no system call of its own: the scheduler notes the waiting task under the
//! socket's key, and the next edge wakes it. The helpers always try the socket until it
//! would block before they wait, which is what edge-triggered readiness needs.

use core::cell::Cell;
use core::fmt;
use core::ops::Deref;
use core::sync::atomic::Ordering;
use std::io;
use std::net::{TcpListener, TcpStream, UdpSocket};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd};
use std::rc::Rc;
use std::sync::Arc;

use super::run::Shared;

/// The high bit marks the keys of [`Registered`] sockets in the poller, so that they never
/// meet the keys of one-off waits on an [`IoSource`](super::IoSource).
pub(super) const REGISTERED: usize = 1 << (usize::BITS - 1);

/// A handle on a scheduler's poller, to [register](Reactor::register) sockets with it.
///
/// Get it with [`Scheduler::reactor`](super::Scheduler::reactor) from outside, or
/// [`get_reactor`](super::get_reactor) inside a task.
///
/// ```
/// use coro_runtime::scheduler::Scheduler;
/// use std::net::TcpListener;
///
/// let sched = Scheduler::new()?;
/// let listener = sched.reactor().register(TcpListener::bind("127.0.0.1:0")?)?;
/// assert!(listener.local_addr().is_ok()); // derefs to the socket
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone)]
pub struct Reactor {
    pub(super) shared: Arc<Shared>,
    pub(super) tag: u64,
}

impl Reactor {
    /// Adds `socket` to the poller (edge-triggered, for reading and writing) and wraps it,
    /// so that [`Registered::recv`] and [`Registered::send_all`] wait on it without a copy
    /// or a system call per wait. Errors: the poller refuses it (it cannot be polled, or
    /// the platform has no edge-triggered mode).
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    /// use std::net::UdpSocket;
    ///
    /// let sched = Scheduler::new()?;
    /// let socket = sched.reactor().register(UdpSocket::bind("127.0.0.1:0")?)?;
    /// let again = socket.clone(); // the same registration
    /// assert_eq!(again.local_addr()?, socket.local_addr()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn register<S: Socket>(&self, socket: S) -> io::Result<Registered<S>> {
        let key = REGISTERED | (self.shared.next_key.fetch_add(1, Ordering::Relaxed) & !REGISTERED);
        // SAFETY: the poller's contract is that a source is deleted from it before it is
        // closed. `socket` moves into the `Inner` built just below, whose `Drop` deletes it
        // from this same poller (kept alive by the `Arc`) before the `socket` field is
        // dropped; nothing hands the socket out by value or by `&mut`, and `Socket` is
        // sealed to types whose descriptor is fixed for their life (a borrow `&S` keeps its
        // socket alive for as long as the `Registered` lives). Test:
        // `dropping_a_registered_socket_deletes_it_from_the_poller`.
        unsafe {
            self.shared.poller.add_with_mode(
                socket.as_fd().as_raw_fd(),
                polling::Event::all(key),
                polling::PollMode::Edge,
            )?;
        }
        Ok(Registered {
            inner: Rc::new(Inner {
                socket,
                key,
                tag: self.tag,
                shared: Arc::clone(&self.shared),
                read_drained: Cell::new(false),
            }),
        })
    }
}

impl fmt::Debug for Reactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reactor").finish_non_exhaustive()
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for std::net::TcpStream {}
    impl Sealed for std::net::TcpListener {}
    impl Sealed for std::net::UdpSocket {}
    impl<T: Sealed> Sealed for &T {}
}

/// The sockets a [`Reactor`] registers: std's `TcpStream`, `TcpListener`, `UdpSocket`, and
/// borrows of them. Sealed: the registration relies on the descriptor staying open and the
/// same for as long as the value lives.
///
/// ```
/// use coro_runtime::scheduler::{Scheduler, Socket};
/// use std::net::TcpListener;
///
/// fn register_any<S: Socket>(sched: &Scheduler, s: S) -> std::io::Result<()> {
///     sched.reactor().register(s).map(drop)
/// }
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// register_any(&Scheduler::new()?, &listener)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait Socket: AsFd + sealed::Sealed {}
impl Socket for TcpStream {}
impl Socket for TcpListener {}
impl Socket for UdpSocket {}
impl<T: Socket> Socket for &T {}

/// A socket registered once with a scheduler's poller: made by [`Reactor::register`],
/// deleted from the poller when the last clone is dropped. Derefs to the socket.
///
/// Clones are cheap (an `Rc`), which is how a helper keeps the socket across its yield
/// without copying the descriptor. Use it with the scheduler it was registered with: a
/// wait in another one fails with [`io::ErrorKind::InvalidInput`].
///
/// ```
/// use coro::scheduler::{get_reactor, Reply, Scheduler, Syscall};
/// use coro::{yield_from, Coroutine};
/// use std::io::{self, Write};
/// use std::net::{TcpListener, TcpStream};
///
/// #[coro::coroutine]
/// fn echo_once(conn: TcpStream) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
///     let reactor = yield_from!(get_reactor());
///     let conn = reactor.register(conn)?;
///     let data = yield_from!(conn.recv(1024))?;
///     yield_from!(conn.send_all(data))
/// }
///
/// let listener = TcpListener::bind("127.0.0.1:0")?;
/// let mut client = TcpStream::connect(listener.local_addr()?)?;
/// let (conn, _) = listener.accept()?;
/// let mut sched = Scheduler::new()?;
/// let t = sched.spawn(echo_once(conn));
/// client.write_all(b"ping")?;
/// sched.run()?;
/// sched.take_result(t)??;
/// let mut got = [0; 4];
/// std::io::Read::read_exact(&mut client, &mut got)?;
/// assert_eq!(&got, b"ping");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Registered<S: Socket> {
    inner: Rc<Inner<S>>,
}

struct Inner<S: Socket> {
    socket: S,
    key: usize,
    tag: u64,
    shared: Arc<Shared>,
    /// The last read was shorter than asked (or would block): nothing is left to read
    /// until the next readable edge, so the next `recv` waits without trying.
    read_drained: Cell<bool>,
}

impl<S: Socket> Drop for Inner<S> {
    fn drop(&mut self) {
        // Before `socket` is dropped (closed): the poller's contract.
        let _ = self.shared.poller.delete(self.socket.as_fd());
        // The scheduler forgets the edges it kept for this key.
        if let Ok(mut dropped) = self.shared.dropped.lock() {
            dropped.push(self.key);
        }
    }
}

impl<S: Socket> Registered<S> {
    /// The key of this registration in the poller: what [`Syscall::WaitReady`] carries.
    ///
    /// [`Syscall::WaitReady`]: super::Syscall::WaitReady
    ///
    /// ```
    /// use coro_runtime::scheduler::Scheduler;
    /// use std::net::UdpSocket;
    ///
    /// let sched = Scheduler::new()?;
    /// let a = sched.reactor().register(UdpSocket::bind("127.0.0.1:0")?)?;
    /// let b = sched.reactor().register(UdpSocket::bind("127.0.0.1:0")?)?;
    /// assert_ne!(a.key(), b.key());
    /// assert_eq!(a.key(), a.clone().key());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn key(&self) -> ReadyKey {
        ReadyKey {
            key: self.inner.key,
            tag: self.inner.tag,
        }
    }
}

impl<S: Socket> Registered<S> {
    pub(super) fn read_drained(&self) -> bool {
        self.inner.read_drained.get()
    }

    pub(super) fn set_read_drained(&self, drained: bool) {
        self.inner.read_drained.set(drained);
    }
}

impl<S: Socket> Clone for Registered<S> {
    fn clone(&self) -> Self {
        Registered {
            inner: Rc::clone(&self.inner),
        }
    }
}

impl<S: Socket> Deref for Registered<S> {
    type Target = S;
    fn deref(&self) -> &S {
        &self.inner.socket
    }
}

impl<S: Socket> AsFd for Registered<S> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.inner.socket.as_fd()
    }
}

impl<S: Socket + fmt::Debug> fmt::Debug for Registered<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registered")
            .field("socket", &self.inner.socket)
            .field("key", &self.inner.key)
            .finish()
    }
}

/// Names a [`Registered`] socket in [`Syscall::WaitReady`](super::Syscall::WaitReady): its
/// key in the poller and the scheduler it belongs to.
///
/// ```
/// use coro_runtime::scheduler::Scheduler;
/// use std::net::UdpSocket;
///
/// let sched = Scheduler::new()?;
/// let socket = sched.reactor().register(UdpSocket::bind("127.0.0.1:0")?)?;
/// let key = socket.key();
/// assert_eq!(key, socket.key());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReadyKey {
    pub(super) key: usize,
    pub(super) tag: u64,
}
