#!/usr/bin/env bash
# Idle console cost: the console connected to the scale scenario (150,000 pods) with the simulator's clock paused,
# measured as CPU seconds of the console process over a window, after it has synced.
#   Benchmarks/scripts/idle-console.sh CONSOLE_BINARY [SIM_BINARY] [SECONDS] [PODS] [NODES] [SETTLE]
# SETTLE (default 20) is how long after "connected" the window starts: the first metrics scrape of every node and
# the first signal passes belong to start-up, not to idling.
# The simulator runs in its own process (its CPU is not counted); the console runs in tmux, a real terminal.
set -euo pipefail
console=${1:?console binary}
sim=${2:-$console}
window=${3:-60}
pods=${4:-150000}
nodes=${5:-5000}
settle=${6:-20}
work=$(mktemp -d)
trap 'tmux -L "fb-idle-$$" kill-server 2>/dev/null || true; kill $simpid 2>/dev/null || true; rm -rf "$work"' EXIT
"$sim" sim serve --scenario scale --pods "$pods" --nodes "$nodes" --kubeconfig-out "$work/config" >"$work/sim.log" 2>&1 &
simpid=$!
for _ in $(seq 1 600); do [ -s "$work/config" ] && grep -q server: "$work/config" && break; sleep 0.5; done
server=$(awk '/server:/ {print $2; exit}' "$work/config")
token=$(awk '/token:/ {print $2; exit}' "$work/config")
until curl -sk -o /dev/null -w '%{http_code}' "$server/version" | grep -q 200; do sleep 0.5; done
curl -sk -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"paused":true}' "$server/sim/clock" >/dev/null
tmux -L "fb-idle-$$" new-session -d -x 200 -y 60 "FIREBREAK_LOG=$work/console.log $console --kubeconfig $work/config"
sleep 1
pid=$(pgrep -n -f "$console --kubeconfig $work/config")
# Synced: the header stops saying "sync"; then let the first metrics scrape and signal passes settle.
for _ in $(seq 1 600); do
  screen=$(tmux -L "fb-idle-$$" capture-pane -p)
  if grep -q "connected" <<<"$screen" && ! grep -q "sync " <<<"$screen"; then break; fi
  sleep 1
done
sleep "$settle"
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before=$(cpu "$pid")
sleep "$window"
after=$(cpu "$pid")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
awk -v d=$((after - before)) -v t="$ticks" -v w="$window" -v r="$rss" -v p="$pods" \
  'BEGIN { printf "idle console at %d pods: %.2f CPU s in %d s = %.2f%% of a core, RSS %.0f MiB\n", p, d/t, w, 100*d/t/w, r/1024 }'
