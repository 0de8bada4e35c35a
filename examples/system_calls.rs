//! `system_calls`: a port of `tests/python/system_calls.py`; prints exactly `tests/python/system_calls.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness),
//! #       sections "Coroutines as tasks" and "System Calls" (Beazley's
//! #       multitasking OS: Task, Scheduler, SystemCall, GetTid, NewTask,
//! #       KillTask, WaitTask).
//! # Completed: the seed shows only an excerpt (foo, GetTid, part of mainloop).
//! # This is Beazley's pyos6 (tasks + system calls + task waiting), ported to
//! # Python 3, with a demo exercising all four system calls: main gets its tid,
//! # spawns an endless foo(), lets it run, kills it (KillTask closes foo's
//! # generator, so its next run raises StopIteration and it exits), then spawns
//! # a finite bar() and waits for it; waiting for a task that no longer exists
//! # returns False immediately.
//! from queue import Queue
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
//!
//!     # Run a task until it hits the next yield statement
//!     def run(self):
//!         return self.target.send(self.sendval)
//!
//!
//! class Scheduler(object):
//!     def __init__(self):
//!         self.ready = Queue()
//!         self.taskmap = {}
//!         self.exit_waiting = {}       # Tasks waiting for other tasks to exit
//!
//!     def new(self, target):
//!         newtask = Task(target)
//!         self.taskmap[newtask.tid] = newtask
//!         self.schedule(newtask)
//!         return newtask.tid
//!
//!     def exit(self, task):
//!         print("Task %d terminated" % task.tid)
//!         del self.taskmap[task.tid]
//!         # Notify other tasks waiting for exit
//!         for task in self.exit_waiting.pop(task.tid, []):
//!             self.schedule(task)
//!
//!     def waitforexit(self, task, waittid):
//!         if waittid in self.taskmap:
//!             self.exit_waiting.setdefault(waittid, []).append(task)
//!             return True
//!         else:
//!             return False
//!
//!     def schedule(self, task):
//!         self.ready.put(task)
//!
//!     def mainloop(self):
//!         while self.taskmap:
//!             task = self.ready.get()
//!             try:
//!                 result = task.run()
//!                 if isinstance(result, SystemCall):
//!                     result.task = task
//!                     result.sched = self
//!                     result.handle()
//!                     continue
//!             except StopIteration:
//!                 self.exit(task)
//!                 continue
//!             self.schedule(task)
//!
//!
//! class SystemCall(object):
//!     def handle(self):
//!         pass
//!
//!
//! # Return a task's ID number
//! class GetTid(SystemCall):
//!     def handle(self):
//!         self.task.sendval = self.task.tid
//!         self.sched.schedule(self.task)
//!
//!
//! # Create a new task
//! class NewTask(SystemCall):
//!     def __init__(self, target):
//!         self.target = target
//!
//!     def handle(self):
//!         tid = self.sched.new(self.target)
//!         self.task.sendval = tid
//!         self.sched.schedule(self.task)
//!
//!
//! # Kill a task
//! class KillTask(SystemCall):
//!     def __init__(self, tid):
//!         self.tid = tid
//!
//!     def handle(self):
//!         task = self.sched.taskmap.get(self.tid, None)
//!         if task:
//!             task.target.close()
//!             self.task.sendval = True
//!         else:
//!             self.task.sendval = False
//!         self.sched.schedule(self.task)
//!
//!
//! # Wait for a task to exit
//! class WaitTask(SystemCall):
//!     def __init__(self, tid):
//!         self.tid = tid
//!
//!     def handle(self):
//!         result = self.sched.waitforexit(self.task, self.tid)
//!         self.task.sendval = result
//!         # If waiting for a non-existent task,
//!         # return immediately without waiting
//!         if not result:
//!             self.sched.schedule(self.task)
//!
//!
//! # ------------------------------------------------------------
//! #                      === Example ===
//! # ------------------------------------------------------------
//! def foo():
//!     mytid = yield GetTid()
//!     while True:
//!         print("I'm foo", mytid)
//!         yield
//!
//!
//! def bar():
//!     mytid = yield GetTid()
//!     for i in range(3):
//!         print("I'm bar", mytid)
//!         yield
//!
//!
//! def main():
//!     mytid = yield GetTid()
//!     print("main is task", mytid)
//!     child = yield NewTask(foo())    # Launch new task
//!     for i in range(3):
//!         yield
//!     killed = yield KillTask(child)  # Kill the task
//!     print("killed foo:", killed)
//!     child = yield NewTask(bar())
//!     print("Waiting for child")
//!     yield WaitTask(child)
//!     print("Child done")
//!     waited = yield WaitTask(child)  # already gone: returns at once
//!     print("waiting again:", waited)
//!     killed = yield KillTask(child)
//!     print("killing again:", killed)
//!     print("main done")
//!
//!
//! sched = Scheduler()
//! sched.new(main())
//! sched.mainloop()
//! ```
//!
//! Beazley's Task/Scheduler/SystemCall classes are `coro::scheduler`: a task is a
//! coroutine that yields `Syscall`s, and `yield GetTid()` is `yield_from!(get_tid())`, a
//! helper sub-coroutine that yields the request and returns the typed answer. The
//! scheduler keeps Beazley's order: a FIFO ready queue; a task that makes a system call
//! answered at once goes to the back; a new task is queued before its parent.
//!
//! Differences the output does not show: `KillTask` drops the task at once (its drop
//! guards run before the killer resumes) instead of closing it to be reaped on its next
//! run; waiting for a task gives its return value (`Ok(())` here) and kill and wait
//! report failures as errors. Python's `True`/`False` are whether they succeeded.

use coro::scheduler::{Reply, Scheduler, Syscall, get_tid, kill, spawn, wait, yield_now};
use coro::{Coroutine, yield_from};

// ------------------------------------------------------------
//                      === Example ===
// ------------------------------------------------------------
#[coro::coroutine]
fn foo() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let mytid = yield_from!(get_tid());
    loop {
        println!("I'm foo {}", mytid.get());
        yield_from!(yield_now());
    }
}

#[coro::coroutine]
fn bar() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let mytid = yield_from!(get_tid());
    for _ in 0..3 {
        println!("I'm bar {}", mytid.get());
        yield_from!(yield_now());
    }
}

#[coro::coroutine]
fn main_task() -> impl Coroutine<Reply, Yield = Syscall, Return = ()> {
    let mytid = yield_from!(get_tid());
    println!("main is task {}", mytid.get());
    let child = yield_from!(spawn(foo())); // Launch new task
    for _ in 0..3 {
        yield_from!(yield_now());
    }
    let killed = yield_from!(kill(child)).is_ok(); // Kill the task
    println!("killed foo: {}", py_bool(killed));
    let child = yield_from!(spawn(bar()));
    println!("Waiting for child");
    let _ = yield_from!(wait(child));
    println!("Child done");
    let waited = yield_from!(wait(child)).is_ok(); // already gone: returns at once
    println!("waiting again: {}", py_bool(waited));
    let killed = yield_from!(kill(child)).is_ok();
    println!("killing again: {}", py_bool(killed));
    println!("main done");
}

/// Python's `str(bool)`.
fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

fn main() -> std::io::Result<()> {
    let mut sched = Scheduler::new()?;
    sched.on_exit(|tid, _| println!("Task {} terminated", tid.get())); // Scheduler.exit
    sched.spawn(main_task());
    sched.run()?;
    Ok(())
}
