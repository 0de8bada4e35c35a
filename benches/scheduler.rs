//! `coro::scheduler` with `#[coro::coroutine]` tasks: task switch cost, memory per idle
//! task, and echo round trips over loopback. `benches/python/scheduler.py` measures the
//! same workloads in CPython (the seed's scheduler, and asyncio), and
//! `benches/tokio_cmp/` in tokio's current-thread runtime, if it is there.
//!
//! ```sh
//! cargo bench -p coro-benches --bench scheduler
//! ```
//!
//! - **switch_2_tasks**, **switch_100k_tasks**: tasks that call `yield_now()` in a loop, run
//!   to completion by `Scheduler::run`. One item is one resume of one task (pop from the
//!   ready queue, resume, handle the syscall, push back), so time per item is the cost of a
//!   task switch. Building the scheduler and spawning the tasks is not timed.
//! - **switch_1k_tasks_beside_100k_idle**: the same switches among 1 000 tasks whose ids
//!   come after 100 000 idle tasks (asleep) and enough finished ones that they wrap
//!   around the task table onto the idle tasks' ids: what a table keyed by the id pays
//!   when the low bits of the ids collide (a server with many idle connections and
//!   short-lived tasks beside them).
//! - **echo_100_connections**: a server task accepting 100 connections, a handler task per
//!   connection, and 100 client tasks in the same scheduler, each doing `ECHO_ROUND_TRIPS`
//!   round trips of a 64-byte message (send, receive the whole echo, check it). One item
//!   is one round trip; the rate is printed by divan as items per second. The 100 client
//!   sockets connect during the untimed setup; the 100 accepts are timed.
//! - **memory per idle task** (printed before the benchmarks, not timed): the bytes
//!   allocated per task, counted by a global counting allocator, for 100 000 tasks
//!   asleep in `sleep(1 h)`: the boxed coroutine plus the scheduler's bookkeeping (its
//!   task table entry, ready-queue and sleep-heap entries, including the tables' spare
//!   capacity).
//!
//! The counting allocator adds one relaxed atomic add to every allocation and free, in
//! every benchmark of this binary.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Duration;

use coro::scheduler::{
    Reply, RunExit, Scheduler, Syscall, TaskHandle, accept, recv, send_all, sleep, spawn_detached,
    stop, wait, yield_now,
};
use coro::{Coroutine, yield_from};
use divan::Bencher;
use divan::counter::ItemsCount;

// ---- a counting allocator --------------------------------------------------------------

/// Bytes currently allocated through the global allocator.
static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

struct Counting;

// SAFETY: forwards to `System`, only counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE_BYTES.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

// ---- tasks ------------------------------------------------------------------------------

/// Gives up the CPU `n` times.
#[coro::coroutine]
fn yielder(n: u32) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    for _ in 0..n {
        yield_from!(yield_now());
    }
}

/// An idle task: asleep for an hour.
#[coro::coroutine]
fn idle() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(sleep(Duration::from_secs(3600)));
}

/// Ends at once.
#[coro::coroutine]
fn quick() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {}

/// Waits for each task of `tasks`, then stops the run.
#[coro::coroutine]
fn stop_after(tasks: Vec<TaskHandle<()>>) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    for task in tasks {
        yield_from!(wait(task)).unwrap();
    }
    yield_from!(stop());
}

/// Stops the run: spawned last, it runs once every task before it has run once.
#[coro::coroutine]
fn stopper() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    yield_from!(stop());
}

const ECHO_CONNECTIONS: usize = 100;
const ECHO_ROUND_TRIPS: usize = 100;
const ECHO_MESSAGE: usize = 64;

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
fn echo_server(
    listener: TcpListener,
    connections: usize,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    for _ in 0..connections {
        let (conn, _addr) = yield_from!(accept(&listener))?;
        conn.set_nodelay(true)?;
        yield_from!(spawn_detached(echo_handler(conn)));
    }
    Ok(())
}

#[coro::coroutine]
fn echo_client(
    conn: TcpStream,
    id: u8,
) -> impl Coroutine<Reply, Yield = Syscall, Return = io::Result<()>> {
    for n in 0..ECHO_ROUND_TRIPS {
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

// ---- benchmarks ---------------------------------------------------------------------------

fn main() {
    memory_per_idle_task();
    divan::main();
}

fn switch_scheduler(tasks: u32, yields: u32) -> Scheduler {
    let mut sched = Scheduler::new().unwrap();
    for _ in 0..tasks {
        sched.spawn_detached(yielder(yields));
    }
    sched
}

fn bench_switches(bencher: Bencher, tasks: u32, yields: u32) {
    // Each task is resumed once per yield, plus once to finish.
    let resumes = u64::from(tasks) * (u64::from(yields) + 1);
    bencher
        .counter(ItemsCount::new(resumes))
        .with_inputs(|| switch_scheduler(tasks, yields))
        .bench_local_values(|mut sched| {
            assert_eq!(sched.run().unwrap(), RunExit::AllDone);
            sched // dropped outside the timed region
        });
}

/// 2 tasks yielding 100 000 times each.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn switch_2_tasks(bencher: Bencher) {
    bench_switches(bencher, 2, 100_000);
}

/// 100 000 tasks yielding 10 times each.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn switch_100k_tasks(bencher: Bencher) {
    bench_switches(bencher, 100_000, 10);
}

/// 1 000 tasks yielding 100 times each, beside 100 000 idle tasks (asleep), spawned after
/// enough short tasks came and went that the busy tasks' ids are the idle tasks' plus 2^18
/// (the task table has 2^17 or 2^18 buckets here): a table that placed tasks by the low
/// bits of their ids alone would put them on top of the idle ones.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn switch_1k_tasks_beside_100k_idle(bencher: Bencher) {
    const BUSY: u32 = 1_000;
    const YIELDS: u32 = 100;
    const WRAP: u64 = 1 << 18;
    bencher
        .counter(ItemsCount::new(u64::from(BUSY) * u64::from(YIELDS + 1)))
        .with_inputs(|| {
            let mut sched = Scheduler::new().unwrap();
            for _ in 0..100_000 {
                sched.spawn_detached(idle());
            }
            sched.spawn_detached(stopper());
            assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
            // Short tasks in batches, so that few are alive at once.
            let mut last = 0;
            while last < WRAP {
                for _ in 0..1_000.min(WRAP - last) {
                    last = sched.spawn_detached(quick()).get();
                }
                sched.spawn_detached(stopper());
                assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
            }
            let busy: Vec<_> = (0..BUSY).map(|_| sched.spawn(yielder(YIELDS))).collect();
            assert!(busy[0].id().get() % WRAP < 100);
            sched.spawn_detached(stop_after(busy));
            sched
        })
        .bench_local_values(|mut sched| {
            // The last stopper of the setup ends in the first round.
            assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
            assert_eq!(sched.len(), 100_000 + 1); // the idle tasks, and `stop_after`
            sched
        });
}

/// 100 connections, 100 round trips each, server and clients in one scheduler.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn echo_100_connections(bencher: Bencher) {
    bencher
        .counter(ItemsCount::new(ECHO_CONNECTIONS * ECHO_ROUND_TRIPS))
        .with_inputs(|| {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let addr = listener.local_addr().unwrap();
            let mut sched = Scheduler::new().unwrap();
            sched.spawn_detached(echo_server(listener, ECHO_CONNECTIONS));
            for id in 0..ECHO_CONNECTIONS {
                let conn = TcpStream::connect(addr).unwrap();
                conn.set_nodelay(true).unwrap();
                sched.spawn_detached(echo_client(conn, id as u8));
            }
            sched
        })
        .bench_local_values(|mut sched| {
            let exit = sched.run_for(Duration::from_secs(60)).unwrap();
            assert_eq!(exit, RunExit::AllDone);
            sched
        });
}

fn live() -> isize {
    LIVE_BYTES.load(Ordering::Relaxed)
}

/// Prints the bytes per idle task, counted by the allocator.
fn memory_per_idle_task() {
    const N: usize = 100_000;
    let mut sched = Scheduler::new().unwrap();
    // Warm up whatever the scheduler allocates once (the poller's event buffer...).
    sched.spawn_detached(stopper());
    assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
    sched.run().unwrap();

    let before = live();
    for _ in 0..N {
        sched.spawn_detached(idle());
    }
    let spawned = live();
    sched.spawn_detached(stopper());
    assert_eq!(sched.run().unwrap(), RunExit::StopRequested);
    let asleep = live();
    assert_eq!(sched.len(), N + 1); // and the stopper, which has not finished yet
    let per_task = |bytes: isize| bytes as f64 / N as f64;
    println!(
        "memory per idle task ({N} tasks): {:.1} bytes spawned, not yet run; {:.1} bytes asleep \
         in sleep(1 h) (size_of the coroutine: {} bytes, boxed once per task)",
        per_task(spawned - before),
        per_task(asleep - before),
        size_of_output0(idle),
    );
    println!(
        "size_of the echo tasks: handler {} bytes, client {} bytes",
        size_of_output(echo_handler),
        size_of_output2(echo_client),
    );
    drop(sched);
}

/// The size of what `f` returns.
fn size_of_output<A, C>(_f: fn(A) -> C) -> usize {
    size_of::<C>()
}

/// The size of what `f` returns.
fn size_of_output2<A, B, C>(_f: fn(A, B) -> C) -> usize {
    size_of::<C>()
}

/// The size of what `f` returns.
fn size_of_output0<C>(_f: fn() -> C) -> usize {
    size_of::<C>()
}
