#!/usr/bin/env bash
# Compile cost: builds a throwaway crate of 100 #[coro::coroutine] functions and the same
# 100 functions written for genawaiter (rc flavour), each from clean, and reports wall
# times and the size of coro's expansion. The crates are generated in a temp dir and
# deleted afterwards; nothing is written to the repository.
#
#     benches/compile_cost.sh            # prints a Markdown table
#
# Dependencies must already be in cargo's cache (any build of the benches fetches them):
# the builds run --offline.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
N=100
WORK="$(mktemp -d "${TMPDIR:-/tmp}/coro-compile-cost.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# Four bodies, cycled: a countdown, an averager fed by send, a loop with yields in a
# match, and a delegation with yield_from!. Every function gets its own constants so no
# two are identical.
gen_coro() {
    local i=$1
    case $((i % 4)) in
    0) cat <<RS
#[coro::coroutine]
pub fn f$i(mut n: u64) -> impl Iterator<Item = u64> {
    while n > 0 {
        yield_!(n * $i);
        n -= 1;
    }
}
RS
    ;;
    1) cat <<RS
#[coro::coroutine]
pub fn f$i() -> impl Coroutine<f64, Yield = f64, Return = ()> {
    let mut total = 0.0;
    let mut count = 0u64;
    let mut mean = 0.0;
    loop {
        let x: f64 = yield_!(mean);
        total += x + $i.0;
        count += 1;
        mean = total / count as f64;
    }
}
RS
    ;;
    2) cat <<RS
#[coro::coroutine]
pub fn f$i(v: Vec<u64>) -> impl Iterator<Item = u64> {
    let mut seen = 0u64;
    for x in v {
        match x % 3 {
            0 => yield_!(x + $i),
            1 => {
                seen += 1;
                yield_!(seen);
                yield_!(x * seen);
            }
            _ => continue,
        }
    }
}
RS
    ;;
    3) cat <<RS
#[coro::coroutine]
pub fn f$i(n: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let a = yield_from!(sub(n, $i));
    let b = yield_from!(sub(a % 7, $i));
    a + b
}
RS
    ;;
    esac
}

gen_genawaiter() {
    local i=$1
    case $((i % 4)) in
    0) cat <<RS
pub fn f$i(mut n: u64) -> Gen<u64, (), impl Future<Output = ()>> {
    Gen::new(move |co| async move {
        while n > 0 {
            co.yield_(n * $i).await;
            n -= 1;
        }
    })
}
RS
    ;;
    1) cat <<RS
pub fn f$i() -> Gen<f64, f64, impl Future<Output = ()>> {
    Gen::new(|co| async move {
        let mut total = 0.0;
        let mut count = 0u64;
        let mut mean = 0.0;
        loop {
            let x: f64 = co.yield_(mean).await;
            total += x + $i.0;
            count += 1;
            mean = total / count as f64;
        }
    })
}
RS
    ;;
    2) cat <<RS
pub fn f$i(v: Vec<u64>) -> Gen<u64, (), impl Future<Output = ()>> {
    Gen::new(move |co| async move {
        let mut seen = 0u64;
        for x in v {
            match x % 3 {
                0 => co.yield_(x + $i).await,
                1 => {
                    seen += 1;
                    co.yield_(seen).await;
                    co.yield_(x * seen).await;
                }
                _ => continue,
            }
        }
    })
}
RS
    ;;
    3) cat <<RS
pub fn f$i(n: u64) -> Gen<u64, (), impl Future<Output = u64>> {
    Gen::new(move |co| async move {
        let a = sub(&co, n, $i).await;
        let b = sub(&co, a % 7, $i).await;
        a + b
    })
}
RS
    ;;
    esac
}

# main() runs every function, so all of them are monomorphised and code-generated.
gen_main_call() {
    local i=$1 flavour=$2
    case $((i % 4)) in
    0) echo "    total += f$i(3).into_iter().sum::<u64>();" ;;
    1) if [ "$flavour" = coro ]; then
           echo "    { let mut c = f$i(); c.resume(0.0); if let CoroutineState::Yielded(m) = c.resume(2.0) { total += m as u64; } }"
       else
           echo "    { let mut g = f$i(); g.resume_with(0.0); if let GeneratorState::Yielded(m) = g.resume_with(2.0) { total += m as u64; } }"
       fi ;;
    2) echo "    total += f$i(vec![1, 2, 3, 4]).into_iter().sum::<u64>();" ;;
    3) if [ "$flavour" = coro ]; then
           echo "    { let mut c = f$i(2); loop { match c.resume(()) { CoroutineState::Yielded(v) => total += v, CoroutineState::Complete(r) => { total += r; break } } } }"
       else
           echo "    { let mut g = f$i(2); loop { match g.resume() { GeneratorState::Yielded(v) => total += v, GeneratorState::Complete(r) => { total += r; break } } } }"
       fi ;;
    esac
}

make_crate() {
    local flavour=$1 dir="$WORK/$1"
    mkdir -p "$dir/src"
    if [ "$flavour" = coro ]; then
        cat >"$dir/Cargo.toml" <<TOML
[package]
name = "cost-coro"
version = "0.0.0"
edition = "2024"
[workspace]
[dependencies]
coro = { path = "$ROOT" }
TOML
        {
            echo "use coro::{yield_, yield_from, Coroutine, CoroutineState};"
            echo
            cat <<'RS'
#[coro::coroutine]
fn sub(n: u64, k: u64) -> impl Coroutine<Yield = u64, Return = u64> {
    let mut i = 0;
    while i < n {
        yield_!(i + k);
        i += 1;
    }
    n * k
}
RS
            for i in $(seq 0 $((N - 1))); do gen_coro "$i"; done
        } >"$dir/src/fns.rs"
    else
        cat >"$dir/Cargo.toml" <<TOML
[package]
name = "cost-genawaiter"
version = "0.0.0"
edition = "2024"
[workspace]
[dependencies]
genawaiter = { version = "0.99", default-features = false }
TOML
        {
            echo "use genawaiter::rc::{Co, Gen};"
            echo "use std::future::Future;"
            echo
            cat <<'RS'
async fn sub(co: &Co<u64>, n: u64, k: u64) -> u64 {
    let mut i = 0;
    while i < n {
        co.yield_(i + k).await;
        i += 1;
    }
    n * k
}
RS
            for i in $(seq 0 $((N - 1))); do gen_genawaiter "$i"; done
        } >"$dir/src/fns.rs"
    fi
    {
        echo "#![allow(clippy::all)]"
        echo "mod fns;"
        echo "use fns::*;"
        if [ "$flavour" = coro ]; then
            echo "use coro::{Coroutine, CoroutineState};"
        else
            echo "use genawaiter::GeneratorState;"
        fi
        echo "fn main() {"
        echo "    let mut total = 0u64;"
        for i in $(seq 0 $((N - 1))); do gen_main_call "$i" "$flavour"; done
        echo "    println!(\"{total}\");"
        echo "}"
    } >"$dir/src/main.rs"
    # Lock against the same versions the project uses, offline.
    cp "$ROOT/Cargo.lock" "$dir/Cargo.lock" 2>/dev/null || true
    (cd "$dir" && cargo generate-lockfile --offline -q 2>/dev/null || true)
}

# wall time in seconds of a command, its output discarded.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@" >&2; exit 1; }
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}

declare -A RESULT
for flavour in coro genawaiter; do
    make_crate "$flavour"
    dir="$WORK/$flavour"
    target="$WORK/target-$flavour"
    # From clean, dependencies included (debug, then release on top of nothing).
    RESULT[$flavour.clean_debug]=$(cd "$dir" && CARGO_TARGET_DIR="$target" seconds cargo build --offline)
    RESULT[$flavour.clean_release]=$(cd "$dir" && CARGO_TARGET_DIR="$target" seconds cargo build --offline --release)
    # The crate alone: dependencies built, the 100 functions recompiled.
    touch "$dir/src/fns.rs" "$dir/src/main.rs"
    RESULT[$flavour.crate_debug]=$(cd "$dir" && CARGO_TARGET_DIR="$target" seconds cargo build --offline)
    touch "$dir/src/fns.rs" "$dir/src/main.rs"
    RESULT[$flavour.crate_release]=$(cd "$dir" && CARGO_TARGET_DIR="$target" seconds cargo build --offline --release)
    RESULT[$flavour.src]=$(wc -c <"$dir/src/fns.rs")
    RESULT[$flavour.bin]=$(stat -c %s "$target/release/cost-$flavour")
    "$target/release/cost-$flavour" >/dev/null
done

# coro's expansion: what the attribute hands rustc, rustfmt'ed (the crate is rebuilt
# with CORO_MACROS_DEBUG; the timings above ran without it).
exp="$WORK/expansion"
mkdir -p "$exp"
touch "$WORK/coro/src/fns.rs"
(cd "$WORK/coro" && CORO_MACROS_DEBUG="$exp" CARGO_TARGET_DIR="$WORK/target-coro" cargo build --offline -q >/dev/null 2>&1)
if command -v rustfmt >/dev/null; then rustfmt --edition 2024 "$exp"/*.rs 2>/dev/null || true; fi
exp_bytes=$(cat "$exp"/*.rs | wc -c)
exp_lines=$(cat "$exp"/*.rs | wc -l)
exp_files=$(ls "$exp"/*.rs | wc -l)
src_lines=$(wc -l <"$WORK/coro/src/fns.rs")

echo "Compile cost: $N coroutine functions (4 bodies cycled; main() runs them all), $(rustc --version)"
echo
echo "| | coro | genawaiter (rc) |"
echo "|---|---|---|"
echo "| clean build, debug (deps included) | ${RESULT[coro.clean_debug]} s | ${RESULT[genawaiter.clean_debug]} s |"
echo "| clean build, release (deps included) | ${RESULT[coro.clean_release]} s | ${RESULT[genawaiter.clean_release]} s |"
echo "| the crate alone, debug | ${RESULT[coro.crate_debug]} s | ${RESULT[genawaiter.crate_debug]} s |"
echo "| the crate alone, release | ${RESULT[coro.crate_release]} s | ${RESULT[genawaiter.crate_release]} s |"
echo "| source of the functions | ${RESULT[coro.src]} B ($src_lines lines) | ${RESULT[genawaiter.src]} B |"
echo "| what rustc compiles | expansion: $exp_bytes B, $exp_lines lines (rustfmt), $exp_files fns | the source (async desugaring is rustc's) |"
echo "| release binary | ${RESULT[coro.bin]} B | ${RESULT[genawaiter.bin]} B |"
