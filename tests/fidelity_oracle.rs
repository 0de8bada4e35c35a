//! Re-checks the traces the `fidelity_*` tests compare with: each `tests/fidelity/*_native.rs`
//! is compiled with nightly rustc (rustc's own coroutines) and run, and its output must
//! equal the recorded `.trace`. Without a nightly toolchain it says so and checks nothing.

mod fidelity_common;

use std::process::{Command, Stdio};

fn nightly_available() -> bool {
    Command::new("rustc")
        .args(["+nightly", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn recorded_traces_are_what_rustc_native_coroutines_print() {
    if !nightly_available() {
        println!("note: no nightly rustc; the recorded tests/fidelity/*.trace are not re-checked");
        return;
    }
    let dir = fidelity_common::dir();
    let out_dir = std::env::temp_dir().join(format!("coro-fidelity-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut programs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("_native.rs"))
        .collect();
    programs.sort();
    assert!(
        !programs.is_empty(),
        "no native programs in {}",
        dir.display()
    );
    let mut failures = Vec::new();
    for program in &programs {
        let stem = program.file_stem().unwrap().to_string_lossy().into_owned();
        let area = stem.trim_end_matches("_native");
        let exe = out_dir.join(&stem);
        let build = Command::new("rustc")
            .args(["+nightly", "--edition", "2024", "-A", "warnings", "-o"])
            .arg(&exe)
            .arg(program)
            .output()
            .unwrap();
        if !build.status.success() {
            failures.push(format!(
                "{stem}.rs does not compile on nightly:\n{}",
                String::from_utf8_lossy(&build.stderr)
            ));
            continue;
        }
        let run = Command::new(&exe).stdin(Stdio::null()).output().unwrap();
        let expected = std::fs::read_to_string(dir.join(format!("{area}.trace"))).unwrap();
        let got = String::from_utf8_lossy(&run.stdout);
        if !run.status.success() {
            failures.push(format!("{stem} exited with {}", run.status));
        } else if got != expected {
            failures.push(format!(
                "{area}.trace is stale: {stem} now prints\n{got}\nrecorded:\n{expected}"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&out_dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
