//! Coroutines of different types in one `Vec`, driven through `DynCoroutine`: resume,
//! send, throw, close, status and `{:?}` all work on the boxed trait object.
//!
//! `Box<dyn Coroutine<..>>` would lose `status`, `close`, `throw` and `Debug` (they come
//! from `Control`), and `dyn Coroutine<..> + Control` is not legal Rust; `DynCoroutine`
//! is both traits in one, implemented for every coroutine that has both.

use coro::{Control, Coroutine, CoroutineExt, CoroutineState, DynCoroutine, Status, yield_};

/// What the jobs are sent: a number, or (thrown in) a reason to stop.
type Sent = Result<i64, String>;

/// Any job: sent numbers, yields a report, returns a summary.
type Job = Box<dyn DynCoroutine<Sent, Yield = String, Return = String>>;

#[coro::coroutine]
fn averager() -> impl Coroutine<Sent, Yield = String, Return = String> {
    let (mut total, mut count) = (0i64, 0i64);
    loop {
        match yield_!(format!(
            "average of {count}: {}",
            total.checked_div(count).unwrap_or(0)
        )) {
            Ok(n) => (total, count) = (total + n, count + 1),
            Err(why) => return format!("averager stopped ({why}) after {count} values"),
        }
    }
}

#[coro::coroutine]
fn maximum() -> impl Coroutine<Sent, Yield = String, Return = String> {
    let mut max = None;
    // A thrown error ends the loop, and the summary ignores it.
    while let Ok(n) = yield_!(format!("max so far: {max:?}")) {
        max = Some(max.map_or(n, |m: i64| m.max(n)));
    }
    format!("maximum finished at {max:?}")
}

#[coro::coroutine]
fn parity(label: &'static str) -> impl Coroutine<Sent, Yield = String, Return = String> {
    let mut last = 0;
    loop {
        let n = match yield_!(format!(
            "{label}: last was {}",
            if last % 2 == 0 { "even" } else { "odd" }
        )) {
            Ok(n) => n,
            Err(why) => return why,
        };
        last = n;
    }
}

fn main() {
    let mut jobs: Vec<Job> = vec![
        Box::new(averager()),
        Box::new(maximum()),
        Box::new(parity("parity")),
    ];

    for job in &mut jobs {
        job.start();
    }
    for n in [4, 9, 2] {
        for job in &mut jobs {
            if let CoroutineState::Yielded(report) = job.send(n) {
                println!("{report}");
            }
        }
    }

    println!("{:?}", jobs[2]);

    // Throw into one, close another, leave the third suspended.
    let summary = jobs[0].throw("enough".to_string());
    println!("{summary:?}");
    assert_eq!(
        summary,
        Ok(CoroutineState::Complete(
            "averager stopped (enough) after 3 values".to_string()
        ))
    );
    jobs[1].close();

    let statuses: Vec<Status> = jobs.iter().map(|j| j.status()).collect();
    println!("{statuses:?}");
    assert_eq!(
        statuses,
        [Status::Complete, Status::Complete, Status::Suspended]
    );

    // A finished job hands the value back instead of panicking.
    for job in &mut jobs {
        match job.try_resume(Ok(1)) {
            Ok(state) => println!("resumed: {state:?}"),
            Err(unsent) => println!("finished, not sent: {unsent:?}"),
        }
    }
}
