//! Prints `size_of` of each implementation's coroutine for every workload, as a Markdown
//! table (`cargo bench -p coro-benches --bench sizes`). Heap and stack memory a peer needs besides the
//! value itself is shown after a `+`.

#[path = "workloads/peers.rs"]
mod peers;
#[path = "workloads/mod.rs"]
mod workloads;

use std::alloc::{GlobalAlloc, Layout, System};
use std::future::Future;
use std::mem::{size_of, size_of_val};
use std::sync::atomic::{AtomicUsize, Ordering};
use workloads::*;

/// Counts the bytes allocated, so the static flavour's one allocation (rustc's layout of
/// the body, whose type cannot be named) can be reported.
struct CountingAllocator;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only a counter is added.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract is `System`'s.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The static flavour: the coroutine's own size, and the bytes it allocates when created.
fn st<C>(make: impl FnOnce() -> C) -> String {
    let before = ALLOCATED.load(Ordering::Relaxed);
    let c = make();
    let heap = ALLOCATED.load(Ordering::Relaxed) - before;
    format!("{} + {heap} (heap)", size_of_val(&c))
}

/// genawaiter `stack`: the state lives in the `Shelf`; the `Gen` is a pinned pointer to it.
fn ga_stack<'s, Y: 's, R: 's, F: Future + 's>(
    _: impl FnOnce(genawaiter::stack::Co<'s, Y, R>) -> F,
) -> String {
    format!(
        "{} (shelf) + {} (Gen)",
        size_of::<genawaiter::stack::Shelf<Y, R, F>>(),
        size_of::<genawaiter::stack::Gen<'s, Y, R, F>>()
    )
}

/// genawaiter `rc`: the `Gen` holds an `Rc` airlock (a small allocation) and a boxed
/// future.
fn ga_rc<Y, R, F: Future>(_: impl FnOnce(genawaiter::rc::Co<Y, R>) -> F) -> String {
    format!(
        "{} + {} (boxed future) + Rc",
        size_of::<genawaiter::rc::Gen<Y, R, F>>(),
        size_of::<F>()
    )
}

/// corosensei: a handle to a separate stack.
fn cs<I, Y, R>(c: &corosensei::Coroutine<I, Y, R>) -> String {
    format!(
        "{} + {} KiB (stack)",
        size_of_val(c),
        peers::STACK_SIZE / 1024
    )
}

fn main() {
    println!(
        "| implementation | W1 countdown | W2 averager | W3 delegation | W4 task | W5 tokenizer | u64 + [u8; 64] + String |"
    );
    println!("|---|---|---|---|---|---|---|");
    println!(
        "| hand-written | {} | {} | {} | {} | {} | {} |",
        size_of_val(&hand::countdown(1)),
        size_of_val(&hand::averager()),
        size_of_val(&hand::delegate(1)),
        size_of_val(&hand::task(0, 1)),
        size_of_val(&hand::tokenizer()),
        size_of_val(&hand::three_locals(1)),
    );
    println!(
        "| coro | {} | {} | {} | {} | {} | {} |",
        size_of_val(&coro_impl::countdown(1)),
        size_of_val(&coro_impl::averager()),
        size_of_val(&coro_impl::delegate(1)),
        size_of_val(&coro_impl::task(0, 1)),
        size_of_val(&coro_impl::tokenizer()),
        size_of_val(&coro_impl::three_locals(1)),
    );
    println!(
        "| coro static | {} | {} | {} | {} | {} | {} |",
        st(|| static_impl::countdown(1)),
        st(static_impl::averager),
        st(|| static_impl::delegate(1)),
        st(|| static_impl::task(0, 1)),
        st(static_impl::tokenizer),
        st(|| static_impl::three_locals(1)),
    );
    println!(
        "| genawaiter (stack) | {} | {} | {} | {} | {} | {} |",
        ga_stack(|co| peers::ga_stack::countdown(co, 1)),
        ga_stack(peers::ga_stack::averager),
        ga_stack(|co| peers::ga_stack::delegate(co, 1)),
        ga_stack(|co| peers::ga_stack::task(co, 0, 1)),
        ga_stack(peers::ga_stack::tokenizer),
        ga_stack(|co| peers::ga_stack::three_locals(co, 1)),
    );
    println!(
        "| genawaiter (rc) | {} | {} | {} | {} | {} | {} |",
        ga_rc(|co| peers::ga_rc::countdown(co, 1)),
        ga_rc(peers::ga_rc::averager),
        ga_rc(|co| peers::ga_rc::delegate(co, 1)),
        ga_rc(|co| peers::ga_rc::task(co, 0, 1)),
        ga_rc(peers::ga_rc::tokenizer),
        ga_rc(|co| peers::ga_rc::three_locals(co, 1)),
    );
    let c = peers::cs::countdown(peers::stack(), 1);
    let all = cs(&c.0);
    println!("| corosensei | {all} | {all} | {all} | {all} | {all} | {all} |");

    println!();
    println!(
        "| implementation | W6 `for` over `1..=m` | W7 delegation over `1..=n` | W8 saved struct | W9 `for` over a `Vec` |"
    );
    println!("|---|---|---|---|---|");
    println!(
        "| hand-written | {} | {} | {} | {} |",
        size_of_val(&hand::upto(1)),
        size_of_val(&hand::delegate_range(1)),
        size_of_val(&hand::walker(1)),
        size_of_val(&hand::owned(Vec::new())),
    );
    println!(
        "| coro | {} | {} | {} | {} |",
        size_of_val(&coro_impl::upto(1)),
        size_of_val(&coro_impl::delegate_range(1)),
        size_of_val(&coro_impl::walker(1)),
        size_of_val(&coro_impl::owned(Vec::new())),
    );
    println!(
        "| coro static | {} | {} | {} | {} |",
        st(|| static_impl::upto(1)),
        st(|| static_impl::delegate_range(1)),
        st(|| static_impl::walker(1)),
        st(|| static_impl::owned(Vec::new())),
    );
}
