#!/usr/bin/env bash
# Builds one fuzz target with libFuzzer and AddressSanitizer, runs it, and merges what it found into the corpus.
#   Fuzz/fuzz.sh <target> [seconds=600] [libFuzzer flags...]     e.g. Fuzz/fuzz.sh quantity 600 -max_len=96
# Targets: watch-events list-pages quantity kubeconfig prometheus. New inputs go to .build/fuzz/<target>/new, crashes
# and the log to .build/fuzz/<target>/. When no property failed, Fuzz/Corpus/<target> becomes its named inputs (seed-*,
# hand-*, sim-*, regression-*) plus the fewest inputs of at most FUZZ_KEEP_MAX_BYTES (4096) bytes that reach every
# feature the others reach (commit it). Replay a crash without the fuzzer: swift run fuzz-<target> <file>.
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
corpus=Fuzz/Corpus/$target
rm -rf "$work/keep" "$work/candidates"
mkdir -p "$work/keep" "$work/candidates"
hashed=(-regextype posix-extended -type f -regex '.*/[0-9a-f]{40}')
find "$corpus" -regextype posix-extended -type f -not -regex '.*/[0-9a-f]{40}' -exec cp {} "$work/keep/" \;
find "$corpus" "$work/new" "${hashed[@]}" -size -"$((${FUZZ_KEEP_MAX_BYTES:-4096} + 1))"c -exec cp {} "$work/candidates/" \;
nice -n 10 ".build/release/fuzz-$target" -merge=1 "$@" "$work/keep" "$work/candidates" 2>&1 | grep "MERGE-OUTER: .*added"
find "$corpus" "${hashed[@]}" -delete
find "$work/keep" "${hashed[@]}" -exec cp {} "$corpus/" \;
echo "$corpus: $(find "$corpus" -type f | wc -l) files, $(du -sb "$corpus" | cut -f1) bytes"
