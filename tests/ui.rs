//! Compile-fail suite: each `tests/ui/NAME.rs` is a misuse of `#[coro::coroutine]`,
//! `yield_!` or `yield_from!`, and `NAME.stderr` the diagnostics it produces today.
//! Regenerate the expectations with `TRYBUILD=overwrite cargo test --test ui` and review
//! every changed `.stderr`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}

/// Misuses the macro does not reject yet: each case here compiles today. Once the macro
/// rejects one, move it to `tests/ui/` and generate its `.stderr` as above.
#[test]
#[ignore = "the macro does not reject these yet: user code can name the generated `__Coro*` items"]
fn ui_pending() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui-pending/*.rs");
}

/// No rendered message of the suite names a generated internal: a user reads about their
/// own tokens, in their words, never about `__CoroState`, `__coro_sent1`, `Machine<..>` or
/// `coro::__private::..` (file paths of the notes included). A `.stderr` that has to
/// mention one goes in `ALLOWED`, with the reason, so the list cannot grow unseen.
#[test]
fn messages_name_no_generated_items() {
    const INTERNALS: [&str; 4] = ["__Coro", "__coro", "Machine<", "__private"];
    const ALLOWED: [(&str, &str); 1] = [
        // The user's code writes `__coro_state` to check that it cannot reach the
        // generated variable; rustc quotes the user's own token back.
        (
            "generated-state-variable-not-nameable.stderr",
            "__coro_state",
        ),
    ];
    let mut offenders = Vec::new();
    let mut files = 0;
    for entry in std::fs::read_dir("tests/ui").expect("tests/ui") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "stderr") {
            continue;
        }
        files += 1;
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("read .stderr");
        for (n, line) in text.lines().enumerate() {
            for internal in INTERNALS {
                let allowed = ALLOWED
                    .iter()
                    .any(|(file, word)| *file == name && line.contains(word));
                if line.contains(internal) && !allowed {
                    offenders.push(format!("{name}:{}: {line}", n + 1));
                }
            }
        }
    }
    assert!(files >= 40, "the .stderr files are missing ({files} found)");
    assert!(
        offenders.is_empty(),
        "messages that name generated items:\n{}",
        offenders.join("\n")
    );
}
