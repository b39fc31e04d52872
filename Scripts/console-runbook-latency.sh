#!/usr/bin/env bash
# Keypress → dry-run diff on screen in the console, against the embedded simulator, through a real terminal (tmux).
# Beside it, in the same console run: keypress → help screen (no network; the terminal and harness's own latency).
# Usage: Scripts/console-runbook-latency.sh [firebreak-binary] [runs]
set -euo pipefail
binary=${1:-.build/debug/firebreak}
runs=${2:-10}
socket=fb-bench-$$
scratch=$(mktemp -d)
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$scratch"' EXIT
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
screen() { tmux -L "$socket" capture-pane -p -t bench; }
# Waits until the screen contains $1 (up to 10 s); prints the milliseconds since $2.
wait_for() {
    local deadline=$(( $(now_ms) + 10000 ))
    until screen | grep -qF -- "$1"; do
        (( $(now_ms) < deadline )) || { echo "timeout waiting for: $1" >&2; exit 1; }
        sleep 0.005
    done
    echo $(( $(now_ms) - $2 ))
}
median() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s (min %s, max %s)", m, v[1], v[NR] }'; }

tmux -L "$socket" -f /dev/null new-session -d -x 200 -y 50 -s bench \
    "env XDG_STATE_HOME=$scratch/state XDG_CONFIG_HOME=$scratch/config FIREBREAK_LOG=$scratch/log TERM=xterm-256color \
    FIREBREAK_RUNBOOKS=$PWD/runbooks $binary --demo coredns-dns-spike --speed 20"
tmux -L "$socket" send-keys -t bench 3 / c o r e d n s Enter
wait_for "CrashLoop (OOMKilled)" "$(now_ms)" >/dev/null
sleep 2
diffs=()
helps=()
for _ in $(seq "$runs"); do
    start=$(now_ms); tmux -L "$socket" send-keys -t bench m
    diffs+=("$(wait_for '170Mi → 255Mi' "$start")")
    phases=$(screen | grep -o 'read [0-9]* ms · plan [0-9]* ms · access [0-9]* ms · dry-run [0-9]* ms' || true)
    tmux -L "$socket" send-keys -t bench Escape
    wait_for "Tab pane" "$(now_ms)" >/dev/null
    start=$(now_ms); tmux -L "$socket" send-keys -t bench '?'
    helps+=("$(wait_for 'Show or hide this help' "$start")")
    tmux -L "$socket" send-keys -t bench Escape
    wait_for "Tab pane" "$(now_ms)" >/dev/null
    sleep 0.5
done
echo "keypress → dry-run diff on screen (ms): $(printf '%s\n' "${diffs[@]}" | median)"
echo "peer, same run: keypress → help screen (ms): $(printf '%s\n' "${helps[@]}" | median)"
echo "engine phases of the last run (as the panel shows them): $phases"
