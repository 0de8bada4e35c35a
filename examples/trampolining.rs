//! `trampolining`: a port of `tests/python/trampolining.py`; prints exactly `tests/python/trampolining.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       section on trampolining (add()/main() run by top-level code, then a
//! #       Task that keeps an explicit call stack of coroutines).
//! # Completed: part 1 is Beazley's trampoline.py (main() yields the add()
//! # coroutine instead of running it; run() executes it and sends the result
//! # back). Part 2 is Beazley's pyos8 Task.run() with its call stack (the seed's
//! # listing has its lines cut off) plugged into a minimal scheduler with a
//! # single GetTid system call, no sockets (see echo_server.py for those). In a
//! # subroutine, yielding a generator is a call, yielding a SystemCall goes to
//! # the scheduler, yielding any other value is "return value to the caller",
//! # and falling off the end returns None to the caller.
//! import types
//! from collections import deque
//!
//!
//! # ---------------- part 1: a hand-driven trampoline ----------------
//! # A subroutine
//! def add(x, y):
//!     yield x + y
//!
//!
//! # A function that calls a subroutine
//! def main():
//!     result = yield add(2, 2)
//!     print("main got", result)
//!     yield
//!
//!
//! def run():
//!     main_cr = main()
//!     add_cr = main_cr.send(None)     # add() is not executed
//!     result = add_cr.send(None)      # it has to be explicitly executed
//!     main_cr.send(result)
//!
//!
//! run()
//!
//!
//! # ---------------- part 2: a Task with a call stack ----------------
//! class SystemCall(object):
//!     def handle(self):
//!         pass
//!
//!
//! class GetTid(SystemCall):
//!     def handle(self):
//!         self.task.sendval = self.task.tid
//!         self.sched.schedule(self.task)
//!
//!
//! class Task(object):
//!     taskid = 0
//!
//!     def __init__(self, target):
//!         Task.taskid += 1
//!         self.tid = Task.taskid       # Task ID
//!         self.target = target         # Target coroutine
//!         self.sendval = None          # Value to send
//!         self.stack = []              # Call stack
//!
//!     # Run a task until it hits the next yield statement
//!     def run(self):
//!         while True:
//!             try:
//!                 result = self.target.send(self.sendval)
//!
//!                 if isinstance(result, SystemCall):
//!                     return result
//!
//!                 # sub-routine call
//!                 if isinstance(result, types.GeneratorType):
//!                     # put the caller on the stack
//!                     self.stack.append(self.target)
//!                     self.sendval = None
//!                     self.target = result
//!                 else:
//!                     # plain yield at the top level: back to the scheduler
//!                     if not self.stack:
//!                         return
//!                     # a value yielded by a subroutine is its return value
//!                     self.sendval = result
//!                     # resume execution to caller
//!                     self.target = self.stack.pop()
//!             # current coroutine finished
//!             except StopIteration:
//!                 # the task itself finished
//!                 if not self.stack:
//!                     raise
//!                 self.sendval = None
//!                 self.target = self.stack.pop()
//!
//!
//! class Scheduler(object):
//!     def __init__(self):
//!         self.ready = deque()
//!         self.taskmap = {}
//!
//!     def new(self, target):
//!         task = Task(target)
//!         self.taskmap[task.tid] = task
//!         self.schedule(task)
//!         return task.tid
//!
//!     def schedule(self, task):
//!         self.ready.append(task)
//!
//!     def mainloop(self):
//!         while self.taskmap:
//!             task = self.ready.popleft()
//!             try:
//!                 result = task.run()
//!                 if isinstance(result, SystemCall):
//!                     result.task = task
//!                     result.sched = self
//!                     result.handle()
//!                     continue
//!             except StopIteration:
//!                 print("Task %d terminated" % task.tid)
//!                 del self.taskmap[task.tid]
//!                 continue
//!             self.schedule(task)
//!
//!
//! def add3(x, y, z):
//!     xy = yield add(x, y)            # nested subroutine call
//!     xyz = yield add(xy, z)
//!     yield xyz                       # return xyz
//!
//!
//! def log(msg):
//!     tid = yield GetTid()            # a system call made from inside a subroutine
//!     print("[task %d] %s" % (tid, msg))
//!     # falling off the end returns None to the caller
//!
//!
//! def worker(name, n):
//!     total = 0
//!     for i in range(n):
//!         total = yield add3(total, i, 1)
//!         yield log("%s step %d: total=%d" % (name, i, total))
//!         yield                       # give up the CPU
//!     yield log("%s done" % name)
//!
//!
//! sched = Scheduler()
//! sched.new(worker("A", 3))
//! sched.new(worker("B", 2))
//! sched.mainloop()
//! ```
//!
//! Part 1 is the trampoline by hand: `main` yields the `add` generator instead of running
//! it, and `run` executes it and sends the result back.
//!
//! Part 2 needs no `Task` class. Beazley's explicit call stack (a yielded generator is a
//! call, a yielded value from a subroutine is its return, `StopIteration` returns `None`)
//! is what `yield_from!` does (PEP 380): `total = yield_from!(add3(..))` runs the
//! sub-coroutine, passes its system calls through to the scheduler and its replies back
//! in, and evaluates to its `return` value. So `add` returns `x + y` instead of yielding
//! it, and the scheduler is `coro::scheduler`, whose `get_tid()` is Beazley's `GetTid`.

use coro::scheduler::{Reply, Scheduler, Syscall, get_tid, yield_now};
use coro::{Coroutine, yield_from};

// ---------------- part 1: a hand-driven trampoline ----------------
mod part1 {
    use coro::{Coroutine, CoroutineState, yield_};

    // A subroutine
    #[coro::coroutine]
    pub fn add(x: i32, y: i32) -> impl Iterator<Item = i32> {
        yield_!(x + y);
    }

    // A function that calls a subroutine (Python's bare `yield` is `None`)
    #[coro::coroutine]
    pub fn main() -> impl Coroutine<i32, Yield = Option<impl Iterator<Item = i32>>, Return = ()> {
        let result = yield_!(Some(add(2, 2)));
        println!("main got {result}");
        yield_!(None);
    }

    pub fn run() {
        let mut main_cr = main();
        // main hands out add(2, 2): add() is not executed
        let Some(CoroutineState::Yielded(Some(mut add_cr))) = main_cr.start() else {
            unreachable!("main yields its subroutine first");
        };
        let result = add_cr.next().expect("add yields its sum"); // it has to be explicitly executed
        main_cr.resume(result);
    }
}

// ---------------- part 2: subroutines with yield_from! ----------------
#[coro::coroutine]
fn add(x: i32, y: i32) -> impl Coroutine<Reply, Yield = Syscall, Return = i32> {
    x + y
}

#[coro::coroutine]
fn add3(x: i32, y: i32, z: i32) -> impl Coroutine<Reply, Yield = Syscall, Return = i32> {
    let xy = yield_from!(add(x, y)); // nested subroutine call
    let xyz = yield_from!(add(xy, z));
    xyz // return xyz
}

#[coro::coroutine]
fn log(msg: String) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let tid = yield_from!(get_tid()); // a system call made from inside a subroutine
    println!("[task {}] {msg}", tid.get());
    // falling off the end returns () to the caller
}

#[coro::coroutine]
fn worker(name: &'static str, n: i32) -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let mut total = 0;
    for i in 0..n {
        total = yield_from!(add3(total, i, 1));
        yield_from!(log(format!("{name} step {i}: total={total}")));
        yield_from!(yield_now()); // give up the CPU
    }
    yield_from!(log(format!("{name} done")));
}

fn main() -> std::io::Result<()> {
    part1::run();

    let mut sched = Scheduler::new()?;
    sched.on_exit(|tid, _| println!("Task {} terminated", tid.get())); // Scheduler.exit
    sched.spawn(worker("A", 3));
    sched.spawn(worker("B", 2));
    sched.run()?;
    Ok(())
}
