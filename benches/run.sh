#!/usr/bin/env bash
# Runs every benchmark this machine can run and prints the tables of docs/BENCHMARKS.md:
#
#     benches/run.sh            # everything (about 10 minutes on 2 cores, builds included)
#     benches/run.sh --quick    # skips the compile-cost builds and shortens CPython
#
# - stable: benches/coroutines.rs (hand-written, coro, coro static, genawaiter, corosensei;
#   one process)
#   and benches/sizes.rs;
# - callgrind instruction counts of every workload and implementation, if valgrind exists;
# - rustc's native coroutines (benches/native), if `cargo +nightly` works;
# - the same workloads in CPython, if python3 exists;
# - compile cost (benches/compile_cost.sh), unless --quick.
# Raw outputs go to $CARGO_TARGET_DIR/coro-bench-results (target/ by default).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
export CARGO_TARGET_DIR="$TARGET"
OUT="$TARGET/coro-bench-results"
rm -rf "$OUT"
mkdir -p "$OUT"
say() { printf '\n== %s\n' "$*" >&2; }

{
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "os: $(uname -sr)"
    echo "toolchain: $(rustc --version)"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

say "stable: cargo bench -p coro-benches --bench coroutines"
cargo bench -p coro-benches --bench coroutines -- --color never | tee "$OUT/stable.txt" >&2
say "stable: cargo bench -p coro-benches --bench sizes"
cargo bench -p coro-benches --bench sizes | tee "$OUT/sizes.txt" >&2

if command -v valgrind >/dev/null; then
    say "callgrind"
    exe=$(cargo bench -p coro-benches --bench callgrind --no-run --message-format=json 2>/dev/null |
        sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
    : >"$OUT/callgrind.txt"
    for w in w1 w2 w3 w4 w5; do
        for imp in hand coro coro_static genawaiter_stack genawaiter_rc corosensei; do
            log=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
                --toggle-collect='callgrind::measured' "$exe" "$w" "$imp" 2>&1)
            ops=$(sed -n 's/.* ops=\([0-9]*\) .*/\1/p' <<<"$log")
            ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$log")
            echo "$w $imp $ops $ir" | tee -a "$OUT/callgrind.txt" >&2
        done
    done
    # The shapes users write: the peers for W6 and W7 only.
    for w in w6 w7 w8 w9; do
        imps="hand coro coro_static"
        case $w in w6 | w7) imps="$imps genawaiter_stack genawaiter_rc corosensei" ;; esac
        for imp in $imps; do
            log=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null \
                --toggle-collect='callgrind::measured' "$exe" "$w" "$imp" 2>&1)
            ops=$(sed -n 's/.* ops=\([0-9]*\) .*/\1/p' <<<"$log")
            ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$log")
            echo "$w $imp $ops $ir" | tee -a "$OUT/callgrind.txt" >&2
        done
    done
else
    say "callgrind: skipped (no valgrind)"
fi

if cargo +nightly --version >/dev/null 2>&1; then
    say "nightly: cargo +nightly bench --manifest-path benches/native/Cargo.toml"
    echo "nightly toolchain: $(rustc +nightly --version)" >>"$OUT/machine.txt"
    cargo +nightly bench --manifest-path benches/native/Cargo.toml -- --color never |
        tee "$OUT/native.txt" >&2
else
    say "nightly: skipped (no nightly toolchain)"
fi

if command -v python3 >/dev/null; then
    say "CPython"
    echo "python: $(python3 --version 2>&1)" >>"$OUT/machine.txt"
    python3 benches/python/workloads.py $([ $QUICK = 1 ] && echo --quick) >"$OUT/python.txt"
    cat "$OUT/python.txt" >&2
else
    say "CPython: skipped (no python3)"
fi

if [ $QUICK = 0 ]; then
    say "compile cost"
    bash benches/compile_cost.sh | tee "$OUT/compile.txt" >&2
fi

say "results ($OUT)"
cat "$OUT/machine.txt"
echo
if command -v python3 >/dev/null; then
    python3 benches/table.py "$OUT"
else
    cat "$OUT"/*.txt
fi
