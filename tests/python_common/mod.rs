//! Re-checks recorded Python outputs: shared by `tests/examples.rs` (tests/python) and
//! `tests/parity.rs` (tests/parity).

use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `python3 DIR/NAME.py` for each name and compares its stdout with the recorded
/// `DIR/NAME.out`. Returns one message per program that fails or whose recording is
/// stale, or `None` (after printing a note) when `python3` is not on the PATH.
pub fn stale_outputs(dir: &Path, names: &[String]) -> Option<Vec<String>> {
    let python = "python3";
    let available = Command::new(python)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !available {
        println!(
            "note: {python} is not on the PATH; the recorded {}/*.out are not re-checked",
            dir.display()
        );
        return None;
    }
    let mut failures = Vec::new();
    for name in names {
        let expected = std::fs::read_to_string(dir.join(format!("{name}.out"))).unwrap();
        let out = Command::new(python)
            .arg(dir.join(format!("{name}.py")))
            .stdin(Stdio::null())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
        let stdout = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            failures.push(format!(
                "{name}.py: exited with an error; stderr:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        } else if stdout != expected {
            failures.push(format!(
                "{name}.out is stale:\n--- recorded ---\n{expected}--- python3 now ---\n{stdout}"
            ));
        }
    }
    Some(failures)
}
