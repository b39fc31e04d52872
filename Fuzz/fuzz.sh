#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer and AddressSanitizer, runs it, and merges what it found into the corpus.
#   Fuzz/fuzz.sh <target> [seconds=600] [libFuzzer flags...]     e.g. Fuzz/fuzz.sh quantity 600 -max_len=96
# Targets: watch-events list-pages quantity kubeconfig prometheus. New inputs go to .build/fuzz/<target>/new, crashes
# and the log to .build/fuzz/<target>/; when no property failed, the inputs that add coverage are merged into
# Fuzz/Corpus/<target> (commit them). Replay a crash without the fuzzer: swift run fuzz-<target> <file>.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$1
seconds=${2:-600}
shift $(($# > 1 ? 2 : 1))
swift build -c release -Xswiftc -sanitize=fuzzer,address --product "fuzz-$target"
work=.build/fuzz/$target
mkdir -p "$work/new"
# Swift's own crash reporter would take its time over a libFuzzer crash; the leak found in Foundation is suppressed.
export SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt"
nice -n 10 ".build/release/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$work/" "$@" "$work/new" "Fuzz/Corpus/$target" 2>&1 | tee "$work/log"
nice -n 10 ".build/release/fuzz-$target" -merge=1 "$@" "Fuzz/Corpus/$target" "$work/new" 2>&1 | tail -2
