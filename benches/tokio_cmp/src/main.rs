//! The workloads of `benches/scheduler.rs` on tokio's current-thread runtime, timed the
//! same way: best of several runs, spawning untimed for the switch workloads, clients
//! connected before the clock starts for the echo.
//!
//! - switch_2_tasks / switch_100k_tasks: tasks calling `tokio::task::yield_now()` in a
//!   loop; ns per poll (each task is polled once per yield plus once to finish).
//! - memory per idle task: bytes allocated per task (counting global allocator) for
//!   100 000 tasks in `tokio::time::sleep(1 h)`, after they have all been polled once.
//! - echo_100_connections: 100 connections, 100 round trips of 64 bytes each, server,
//!   handlers and clients on one current-thread runtime; round trips per second.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::runtime::{Builder, Runtime};

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

const ECHO_CONNECTIONS: usize = 100;
const ECHO_ROUND_TRIPS: usize = 100;
const ECHO_MESSAGE: usize = 64;
const IDLE_TASKS: usize = 100_000;

fn runtime() -> Runtime {
    Builder::new_current_thread().enable_all().build().unwrap()
}

/// ns per poll of `tasks` tasks yielding `yields` times each; best of `repeat`.
fn switch(tasks: usize, yields: usize, repeat: usize) -> f64 {
    let mut best = Duration::MAX;
    for _ in 0..repeat {
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
            // The tasks first run when block_on's future yields: here.
            let t0 = Instant::now();
            for h in handles {
                h.await.unwrap();
            }
            t0.elapsed()
        });
        best = best.min(elapsed);
    }
    best.as_nanos() as f64 / (tasks * (yields + 1)) as f64
}

/// Bytes per task: spawned (not yet polled), and asleep after one poll.
fn idle_memory() -> (f64, f64) {
    let rt = runtime();
    rt.block_on(async {
        let before = LIVE_BYTES.load(Ordering::Relaxed);
        let handles: Vec<_> = (0..IDLE_TASKS)
            .map(|_| tokio::spawn(tokio::time::sleep(Duration::from_secs(3600))))
            .collect();
        let spawned = LIVE_BYTES.load(Ordering::Relaxed);
        tokio::task::yield_now().await; // every task is polled once
        tokio::task::yield_now().await;
        let asleep = LIVE_BYTES.load(Ordering::Relaxed);
        // The JoinHandles are counted too (they are what tokio::spawn returns): subtract
        // the Vec holding them.
        let vec = (IDLE_TASKS * size_of::<tokio::task::JoinHandle<()>>()) as isize;
        for h in &handles {
            h.abort();
        }
        let per = |b: isize| (b - before - vec) as f64 / IDLE_TASKS as f64;
        (per(spawned), per(asleep))
    })
}

/// Round trips per second with 100 connections; best of `repeat`.
fn echo(repeat: usize) -> f64 {
    let mut best = Duration::MAX;
    for _ in 0..repeat {
        let rt = runtime();
        let elapsed = rt.block_on(async {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let server = tokio::spawn(async move {
                for _ in 0..ECHO_CONNECTIONS {
                    let (mut conn, _) = listener.accept().await.unwrap();
                    conn.set_nodelay(true).unwrap();
                    tokio::spawn(async move {
                        let mut buf = vec![0; 65536];
                        loop {
                            let n = conn.read(&mut buf).await.unwrap();
                            if n == 0 {
                                return;
                            }
                            conn.write_all(&buf[..n]).await.unwrap();
                        }
                    });
                }
            });
            let mut conns = Vec::new();
            for _ in 0..ECHO_CONNECTIONS {
                let c = TcpStream::connect(addr).await.unwrap();
                c.set_nodelay(true).unwrap();
                conns.push(c);
            }
            let t0 = Instant::now();
            let clients: Vec<_> = conns
                .into_iter()
                .enumerate()
                .map(|(id, mut conn)| {
                    tokio::spawn(async move {
                        let mut got = [0; ECHO_MESSAGE];
                        for n in 0..ECHO_ROUND_TRIPS {
                            let msg = [(id ^ n) as u8; ECHO_MESSAGE];
                            conn.write_all(&msg).await.unwrap();
                            conn.read_exact(&mut got).await.unwrap();
                            assert_eq!(got, msg, "the echo differs");
                        }
                        conn.shutdown().await.unwrap();
                    })
                })
                .collect();
            for c in clients {
                c.await.unwrap();
            }
            let elapsed = t0.elapsed();
            server.await.unwrap();
            elapsed
        });
        best = best.min(elapsed);
    }
    (ECHO_CONNECTIONS * ECHO_ROUND_TRIPS) as f64 / best.as_secs_f64()
}

fn main() {
    println!("tokio switch_2_tasks {:.1} ns", switch(2, 100_000, 20));
    println!("tokio switch_100k_tasks {:.1} ns", switch(100_000, 10, 10));
    let (spawned, asleep) = idle_memory();
    println!("tokio idle_task_spawned {spawned:.1} bytes");
    println!("tokio idle_task_asleep {asleep:.1} bytes");
    println!("tokio echo_100_connections {:.0} round_trips/s", echo(10));
}
