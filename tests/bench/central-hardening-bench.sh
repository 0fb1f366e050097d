#!/usr/bin/env bash
# Central hardening bench: the figures of the hardened central server beside those of an earlier commit
# (default 0f890fe, the cpp-httplib core the hardening started from), both measured in one run on this
# machine. Its own command, never a ctest test (DESIGN.md: Testing). From the repository root:
#
#   tests/bench/central-hardening-bench.sh
#
# Per tree and run, each on a freshly started server with the tree's own demo config:
#   memory    the server's peak RSS while 32 clients each send a 64 MiB chunked body, and their answers
#   slow      /v1/health latency (median, max, failures) while 200 slow connections are held
#   lookups   status lookups answered in LOOKUP_SECONDS to one attacker with 256 source addresses
#             (127.0.x.7, one per /24), as lookups per minute
# then intake requests/s at 1, 8 and 64 connections beside nginx's static 201: each tree's own
# tests/bench/central-bench.sh (DRAIN=0). The attacks are tests/bench/central_figures.py (Debian's python3).
#
# Environment:
#   BASE=0f890fe                the commit compared with; checked out once, detached, in BASE_TREE
#   BASE_TREE=build-hardening-base   its worktree (under the ignored build folders), built in its own build
#   BUILD=build-central-bench   the RelWithDebInfo build folder of both trees
#   RUNS=3                      runs per figure and tree; medians are reported
#   LOOKUP_SECONDS=60           length of one lookup attack
#   SLOW_SECONDS=15             how long the slow connections are held
#   SECONDS_PER_RUN=5           length of each intake load run (central-bench.sh)
#   SKIP_INTAKE=0               1: leave the intake figures out
# Loopback only. Prints a table of medians and writes it with every run's figures to
# $BUILD/central-hardening-results.txt. Ends every process it started and removes its temp folder, also on
# failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
BASE="${BASE:-0f890fe}"
BASE_TREE="${BASE_TREE:-build-hardening-base}"
BUILD="${BUILD:-build-central-bench}"
RUNS="${RUNS:-3}"
LOOKUP_SECONDS="${LOOKUP_SECONDS:-60}"
SLOW_SECONDS="${SLOW_SECONDS:-15}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-5}"
SKIP_INTAKE="${SKIP_INTAKE:-0}"

if [ ! -e "$BASE_TREE/.git" ]; then
  git worktree add --detach "$BASE_TREE" "$BASE" >/dev/null
fi
base_tree="$(cd "$BASE_TREE" && pwd)"
[ "$(git -C "$base_tree" rev-parse HEAD)" = "$(git rev-parse "$BASE^{commit}")" ] ||
  { echo "central-hardening-bench: $BASE_TREE is not at $BASE" >&2; exit 1; }

build_tree() {  # tree
  cmake -S "$1" -B "$1/$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$1/$BUILD" --target wijkpunt-central wp-central-load wp-outbox-tool >/dev/null
}
build_tree "$base_tree"
build_tree "$repo"

tmp="$(mktemp -d /tmp/wp-hardening-bench-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -9 "$server_pid" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

results="$BUILD/central-hardening-results.txt"
mkdir -p "$BUILD"
: > "$results"
tests/support/make-test-pki.sh "$tmp/pki" >/dev/null
pki="$tmp/pki"
"$repo/$BUILD/tests/integration/wp-central-load" --guesses 100000 --offset 7 > "$tmp/guesses"

# Starts the tree's server with the tree's own demo config in a fresh folder; sets server_pid, kiosk_port
# and public_port (the same port for a server with one listener).
start_server() {  # tree dir
  local tree=$1 dir=$2
  mkdir -p "$dir"
  (
    # shellcheck source=/dev/null  # the tree's own version
    . "$tree/tests/support/central-config.sh"
    wp_central_config "$pki" --set 'port_file = "port"' > "$dir/central.toml"
  )
  "$tree/$BUILD/central/wijkpunt-central" --config "$dir/central.toml" > "$dir/central.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 150); do [ -s "$dir/port" ] && break; sleep 0.1; done
  [ -s "$dir/port" ] || { cat "$dir/central.log" >&2; return 1; }
  kiosk_port=$(cat "$dir/port")
  public_port=$kiosk_port
  if [ -s "$dir/central.public-port" ]; then public_port=$(cat "$dir/central.public-port"); fi
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

figure() {  # tree what run
  local tree=$1 what=$2 run=$3 side line
  side=$([ "$tree" = "$repo" ] && echo this || echo base)
  start_server "$tree" "$tmp/$side-$what-$run"
  line="$(python3 tests/bench/central_figures.py --pid "$server_pid" --public-port "$public_port" \
    --kiosk-port "$kiosk_port" --pki "$pki" --what "$what" --guesses "$tmp/guesses" \
    --seconds "$([ "$what" = lookups ] && echo "$LOOKUP_SECONDS" || echo "$SLOW_SECONDS")")"
  stop_server
  echo "$side $what $line" | tee -a "$results"
}

for run in $(seq 1 "$RUNS"); do
  for what in memory slow lookups; do
    for tree in "$base_tree" "$repo"; do figure "$tree" "$what" "$run"; done
  done
done

if [ "$SKIP_INTAKE" != 1 ]; then
  for tree in "$base_tree" "$repo"; do
    side=$([ "$tree" = "$repo" ] && echo this || echo base)
    (cd "$tree" && DRAIN=0 RUNS="$RUNS" SECONDS_PER_RUN="$SECONDS_PER_RUN" BUILD="$BUILD" \
      bash tests/bench/central-bench.sh) > "$tmp/intake-$side.txt"
    # The table's rows: clients, central req/s, p99, nginx req/s, p99, ratio.
    awk -v side="$side" '$1 ~ /^(1|8|64)$/ && NF == 6 { print side, "intake", $0 }' "$tmp/intake-$side.txt" |
      tee -a "$results"
  done
fi

python3 - "$results" "$BASE" <<'PY' | tee -a "$results"
import json, statistics, sys
rows = {}
intake = {}
for line in open(sys.argv[1]):
    side, what, rest = line.split(" ", 2)
    if what == "intake":
        f = rest.split()
        intake[(side, f[0])] = f
    else:
        rows.setdefault((side, what), []).append(json.loads(rest))
def med(side, what, key, f=lambda v: v):
    vals = [f(r) for r in rows.get((side, what), [])]
    return statistics.median(vals) if vals else float("nan")
def answers(side):
    rs = rows.get((side, "memory"), [])
    return "; ".join(" ".join(f"{k}:{v}" for k, v in r["answers"].items()) for r in rs[:1])
peak = lambda r: r["peak_rss_after_kib"] / 1024
out = [("figure (median of runs)", f"base {sys.argv[2]}", "this tree")]
out.append(("peak RSS, 32 x 64 MiB chunked (MiB)", f"{med('base','memory','',peak):.0f}", f"{med('this','memory','',peak):.0f}"))
out.append(("  answers (first run)", answers("base"), answers("this")))
for key, label in (("median_ms", "median"), ("max_ms", "max")):
    out.append((f"/v1/health under 200 slow, {label} (ms)", f"{med('base','slow','',lambda r: r[key]):.0f}", f"{med('this','slow','',lambda r: r[key]):.0f}"))
out.append(("  failed probes / probes", *(f"{med(s,'slow','',lambda r: r['failed']):.0f} / {med(s,'slow','',lambda r: r['probes']):.0f}" for s in ("base", "this"))))
out.append(("lookups answered per minute, 256 addr", *(f"{med(s,'lookups','',lambda r: r['answered_per_minute']):.0f}" for s in ("base", "this"))))
out.append(("  of which refused (429) per run", *(f"{med(s,'lookups','',lambda r: r['refused']):.0f}" for s in ("base", "this"))))
for clients in ("1", "8", "64"):
    b, t = intake.get(("base", clients)), intake.get(("this", clients))
    if b and t:
        out.append((f"intake req/s at {clients} (p99)", f"{b[1]} ({b[2]})", f"{t[1]} ({t[2]})"))
        out.append((f"  nginx req/s at {clients}", b[3], t[3]))
        out.append((f"  intake / nginx at {clients}", b[5], t[5]))
w = [max(len(r[i]) for r in out) for i in range(3)]
print()
for r in out:
    print(f"{r[0]:<{w[0]}}  {r[1]:>{w[1]}}  {r[2]:>{w[2]}}")
PY
echo "results in $results"
