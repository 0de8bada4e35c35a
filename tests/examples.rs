//! The examples against the Python programs they port.
//!
//! For every `tests/python/NAME.out` (the recorded stdout of `python3 NAME.py`), the
//! example `examples/NAME.rs` must print exactly that: same bytes, nothing normalised,
//! and exit successfully. When `python3` is on the PATH, every `NAME.py` is run again to
//! check that its `.out` is current; without it that check is skipped with a note. The
//! tour (`cargo run --example tour`) must run, exit successfully and print each of its
//! section headings.
//!
//! The examples are built once, by running `cargo build --examples` into the target
//! directory this test binary was built in (found from its own path,
//! `<target>/<profile>/deps/examples-<hash>`), and then run from
//! `<target>/<profile>/examples/`. Child processes run one at a time: four of the programs
//! sleep on real timers and check the clock, and they should not compete for the CPU.

mod python_common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// The longest any one program may take; the slowest take under a second.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The section headings `examples/tour.rs` prints, in order.
const TOUR_HEADINGS: [&str; 5] = [
    "== 1. Generators are lazy ==",
    "== 2. Sending values in ==",
    "== 3. Throwing errors in, and closing ==",
    "== 4. Delegating with yield_from! ==",
    "== 5. A scheduler of tasks ==",
];

fn python_dir() -> PathBuf {
    Path::new(MANIFEST_DIR).join("tests").join("python")
}

/// The names of the Python programs with a recorded output, sorted.
fn recorded_programs() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(python_dir())
        .expect("read tests/python")
        .map(|entry| entry.expect("read tests/python").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "out"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no tests/python/*.out found");
    names
}

/// Builds every example (once per test run) and returns the directory holding them.
fn examples_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| build(&["--examples"]))
}

/// Runs `cargo build ARGS` for this package into the target directory and profile this
/// test binary was built in, and returns that profile's examples directory.
fn build(args: &[&str]) -> PathBuf {
    {
        let exe = std::env::current_exe().expect("the test binary's path");
        // <target>/<profile>/deps/examples-<hash>, or <target>/<triple>/<profile>/deps/..
        // when cross-compiling (only the top of the target directory has CACHEDIR.TAG).
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("the test binary is in <target>/<profile>/deps");
        let profile = profile_dir.file_name().unwrap().to_str().unwrap();
        let mut target_dir = profile_dir.parent().unwrap();
        let mut triple = None;
        if !target_dir.join("CACHEDIR.TAG").exists()
            && let Some(parent) = target_dir.parent()
            && parent.join("CACHEDIR.TAG").exists()
        {
            triple = target_dir.file_name();
            target_dir = parent;
        }

        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .arg("build")
            .args(args)
            .args(["--quiet", "--manifest-path"])
            .arg(Path::new(MANIFEST_DIR).join("Cargo.toml"))
            .arg("--target-dir")
            .arg(target_dir);
        match profile {
            "debug" => {}
            "release" => {
                cargo.arg("--release");
            }
            other => {
                cargo.args(["--profile", other]);
            }
        }
        if let Some(triple) = triple {
            cargo.arg("--target").arg(triple);
        }
        let status = cargo.status().expect("run cargo build");
        assert!(status.success(), "cargo build {args:?} failed: {status}");
        profile_dir.join("examples")
    }
}

/// What a finished child process left.
struct Finished {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    success: bool,
    elapsed: Duration,
}

/// Runs `command` to completion (killing it after [`TIMEOUT`]), one process at a time.
fn run(command: &mut Command) -> Finished {
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());

    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"));
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).map(|_| bytes)
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the child") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{command:?} did not finish within {TIMEOUT:?}");
        }
        thread::sleep(Duration::from_millis(5));
    };
    Finished {
        stdout: stdout.join().unwrap().expect("read stdout"),
        stderr: stderr.join().unwrap().expect("read stderr"),
        success: status.success(),
        elapsed: started.elapsed(),
    }
}

/// Describes how `actual` differs from `expected`, by their first differing line.
fn difference(expected: &[u8], actual: &[u8]) -> String {
    let expected = String::from_utf8_lossy(expected);
    let actual = String::from_utf8_lossy(actual);
    let mut e = expected.split_inclusive('\n');
    let mut a = actual.split_inclusive('\n');
    for line in 1.. {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => continue,
            (x, y) => return format!("first difference at line {line}: expected {x:?}, got {y:?}"),
        }
    }
    unreachable!()
}

#[test]
fn every_python_program_has_an_example() {
    let missing: Vec<String> = recorded_programs()
        .into_iter()
        .filter(|name| {
            !Path::new(MANIFEST_DIR)
                .join("examples")
                .join(format!("{name}.rs"))
                .exists()
        })
        .collect();
    assert!(
        missing.is_empty(),
        "tests/python programs without examples/NAME.rs: {missing:?}"
    );
}

#[test]
fn examples_print_what_python_prints() {
    let dir = examples_dir();
    let mut failures = Vec::new();
    for name in recorded_programs() {
        let expected = std::fs::read(python_dir().join(format!("{name}.out"))).unwrap();
        let binary = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
        if !binary.exists() {
            failures.push(format!("{name}: no example binary at {}", binary.display()));
            continue;
        }
        let out = run(&mut Command::new(&binary));
        if !out.success {
            failures.push(format!(
                "{name}: exited with an error; stderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        } else if out.stdout != expected {
            failures.push(format!("{name}: {}", difference(&expected, &out.stdout)));
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) do not match their Python output:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn python_outputs_are_current() {
    if let Some(failures) = python_common::stale_outputs(&python_dir(), &recorded_programs()) {
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}

#[test]
fn the_tour_runs() {
    let binary = examples_dir().join(format!("tour{}", std::env::consts::EXE_SUFFIX));
    let out = run(&mut Command::new(&binary));
    let stdout = String::from_utf8(out.stdout).expect("the tour prints UTF-8");
    assert!(
        out.success,
        "the tour failed; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rest = stdout.as_str();
    for heading in TOUR_HEADINGS {
        let at = rest.find(heading).unwrap_or_else(|| {
            panic!("the tour does not print {heading:?} (in this order):\n{stdout}")
        });
        rest = &rest[at + heading.len()..];
    }
    let lines = stdout.lines().count();
    assert!(
        lines < 100,
        "the tour prints {lines} lines; keep it under 100"
    );
    // It takes milliseconds; the bound only catches a tour that sleeps or hangs.
    assert!(
        out.elapsed < Duration::from_secs(10),
        "the tour took {:?}",
        out.elapsed
    );
}

/// Examples that port no Python program, and check their own results with `assert!`
/// (so exiting successfully is the check): the API shown to a new user.
const SELF_CHECKING: [&str; 2] = [
    // Coroutines of different types in one `Vec<Box<dyn DynCoroutine<..>>>`.
    "mixed_coroutines",
    // A recursive generator and a recursive coroutine, boxed.
    "tree_inorder",
];

#[test]
fn self_checking_examples_run() {
    for name in SELF_CHECKING {
        let binary = examples_dir().join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
        let out = run(&mut Command::new(&binary));
        assert!(
            out.success,
            "{name} failed; stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{name} printed nothing");
    }
}

/// The seed article's step-by-step view, printed through `Debug`, is pinned byte for byte
/// (`tests/golden/step_by_step.out`; its line numbers are those of
/// `examples/step_by_step.rs`, so moving a `yield_!` there means updating both).
#[test]
fn step_by_step_prints_the_articles_walkthrough() {
    let binary = examples_dir().join(format!("step_by_step{}", std::env::consts::EXE_SUFFIX));
    let out = run(&mut Command::new(&binary));
    assert!(
        out.success,
        "step_by_step failed; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = std::fs::read(
        Path::new(MANIFEST_DIR)
            .join("tests")
            .join("golden")
            .join("step_by_step.out"),
    )
    .unwrap();
    assert!(
        out.stdout == expected,
        "{}",
        difference(&expected, &out.stdout)
    );
}

/// `echo_tokio` runs echo_server's tasks on tokio's worker threads: it prints the seed's
/// lines (all of them, each once) but the single-threaded scheduler's `Task N terminated`.
/// Lines printed by different tasks at the same moment may swap, so the lines are compared
/// as a multiset, and only the orders the tasks impose are checked.
#[cfg(feature = "tokio")]
#[test]
fn echo_tokio_prints_the_seeds_lines() {
    let dir = build(&["--example", "echo_tokio", "--features", "tokio"]);
    let binary = dir.join(format!("echo_tokio{}", std::env::consts::EXE_SUFFIX));
    let out = run(&mut Command::new(&binary));
    assert!(
        out.success,
        "echo_tokio failed; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let seed = std::fs::read_to_string(python_dir().join("echo_server.out")).unwrap();
    let mut expected: Vec<&str> = seed
        .lines()
        .filter(|line| !(line.starts_with("Task ") && line.ends_with(" terminated")))
        .collect();
    let lines: Vec<&str> = stdout.lines().collect();
    let mut sorted = lines.clone();
    expected.sort_unstable();
    sorted.sort_unstable();
    assert_eq!(sorted, expected, "echo_tokio printed:\n{stdout}");
    // The server starts before anything else; `kill` returns once the server has been
    // dropped (its `finally` has printed), and main prints after that. (A handler's
    // `Client closed` may come anywhere after its client's echoes, even after `main done`.)
    assert_eq!(lines.first(), Some(&"Server starting"));
    let at = |line: &str| lines.iter().position(|l| *l == line).unwrap();
    assert!(at("Server stopped") < at("server killed: True"), "{stdout}");
    assert!(at("server killed: True") < at("main done"), "{stdout}");
}
