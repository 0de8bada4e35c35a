//! `grep_tail`: a port of `tests/python/grep_tail.py`; prints exactly `tests/python/grep_tail.out`.
//!
//! ```python
//! # Seed: 003_8b9d4426804db3ba.txt ("Python Coroutines", NP-Incompleteness):
//! #       "one can model functionality like tail and grep as generators (e.g.
//! #       tail -f | grep foo) which is the exact example Beazley provides".
//! # Completed: the seed only mentions it; this is Beazley's follow()/grep()
//! # generator pipeline ("tail -f access-log | grep python").
//! #
//! # Choice: deterministic simulation of `tail -f`, single-threaded. The log
//! # being followed is a real file, created in a temporary directory (so the
//! # repository is never modified and parallel runs don't collide); it is
//! # appended to by web_server(), a generator standing in for the other process
//! # that writes the log. Its request lines come from examples/data/access-log.
//! # Beazley's follow() calls time.sleep(0.1) when no new line is available; here
//! # it calls idle() instead, which lets the "web server" append one line and
//! # returns False once the server has nothing left to write, which ends the
//! # (otherwise infinite) follow(). The first 3 lines are written before we start
//! # following: follow() seeks to the end first, so they are never reported.
//! import os
//! import tempfile
//!
//! ACCESS_LOG = os.path.join(os.path.dirname(os.path.abspath(__file__)),
//!                           '../../examples/data/access-log')
//!
//!
//! def follow(thefile, idle):
//!     thefile.seek(0, 2)          # Go to the end of the file
//!     while True:
//!         line = thefile.readline()
//!         if not line:
//!             if not idle():      # Beazley: time.sleep(0.1)
//!                 return
//!             continue
//!         yield line
//!
//!
//! def grep(pattern, lines):
//!     for line in lines:
//!         if pattern in line:
//!             yield line
//!
//!
//! def web_server(logpath, requests):
//!     """Stands in for the process that appends to the log, one line per step."""
//!     for request in requests:
//!         with open(logpath, 'a') as log:
//!             log.write(request)
//!         yield
//!
//!
//! with open(ACCESS_LOG) as src:
//!     requests = src.readlines()
//!
//! with tempfile.TemporaryDirectory() as tmp:
//!     logpath = os.path.join(tmp, 'access-log')
//!     with open(logpath, 'w') as log:
//!         log.writelines(requests[:3])        # already in the log: not reported
//!     server = web_server(logpath, requests[3:])
//!
//!     def idle():
//!         # let the other "process" run one step; False when it has finished
//!         return next(server, 'finished') != 'finished'
//!
//!     with open(logpath) as logfile:
//!         loglines = follow(logfile, idle)
//!         pylines = grep("python", loglines)
//!         for line in pylines:
//!             print(line, end='')
//! ```
//!
//! `follow` owns the open log file and the `idle` callback, which in turn owns the
//! `web_server` generator it steps. The log is a real file in a fresh temporary
//! directory, removed at the end (Python's `tempfile.TemporaryDirectory`).

use std::fs::{self, File, OpenOptions};
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use coro::yield_;

const ACCESS_LOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/access-log");

#[coro::coroutine]
fn follow(
    mut thefile: BufReader<File>,
    mut idle: impl FnMut() -> bool,
) -> impl Iterator<Item = String> {
    thefile
        .seek(SeekFrom::End(0))
        .expect("seek to the end of the log"); // Go to the end of the file
    loop {
        let mut line = String::new();
        thefile.read_line(&mut line).expect("read the log");
        if line.is_empty() {
            if !idle() {
                // Beazley: time.sleep(0.1)
                return;
            }
            continue;
        }
        yield_!(line);
    }
}

#[coro::coroutine]
fn grep(
    pattern: &'static str,
    lines: impl Iterator<Item = String>,
) -> impl Iterator<Item = String> {
    for line in lines {
        if line.contains(pattern) {
            yield_!(line);
        }
    }
}

/// Stands in for the process that appends to the log, one line per step.
#[coro::coroutine]
fn web_server(logpath: PathBuf, requests: Vec<String>) -> impl Iterator<Item = ()> {
    for request in requests {
        {
            let mut log = OpenOptions::new()
                .append(true)
                .open(&logpath)
                .expect("open the log");
            log.write_all(request.as_bytes())
                .expect("append to the log");
        }
        yield_!();
    }
}

/// A fresh directory under the system's temporary directory, removed on drop.
struct TemporaryDirectory(PathBuf);

impl TemporaryDirectory {
    fn new() -> TemporaryDirectory {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!("coro-grep_tail-{}-{nanos}", std::process::id());
        let dir = std::env::temp_dir().join(name);
        fs::create_dir(&dir).expect("create a temporary directory");
        TemporaryDirectory(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TemporaryDirectory {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn main() {
    let text = fs::read_to_string(ACCESS_LOG).expect("examples/data/access-log");
    let requests: Vec<String> = text.split_inclusive('\n').map(String::from).collect();

    let tmp = TemporaryDirectory::new();
    let logpath = tmp.path().join("access-log");
    fs::write(&logpath, requests[..3].concat()).expect("write the log"); // already in the log: not reported
    let mut server = web_server(logpath.clone(), requests[3..].to_vec());

    // let the other "process" run one step; false when it has finished
    let idle = move || server.next().is_some();

    let logfile = BufReader::new(File::open(&logpath).expect("open the log"));
    let loglines = follow(logfile, idle);
    let pylines = grep("python", loglines);
    for line in pylines {
        print!("{line}");
    }
}
