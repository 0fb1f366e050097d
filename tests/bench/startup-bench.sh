#!/usr/bin/env bash
# Start-up bench: the kiosk against a Chromium kiosk showing the same start screen
# (tests/bench/start.html), each in a real window under Xvfb at 1080x1920x24, measured from outside the
# process by the same tool (tests/bench/first_paint.cpp):
#   - exec to first painted frame (probe pixels of the X root window show the start screen's colours),
#   - total PSS of the process tree PSS_DELAY_MS after that,
#   - CPU of the process tree over IDLE_SECONDS with only the clock running, as % of one core.
# Its own command, never a ctest test (DESIGN.md: Testing, bench). From the repository root:
#
#   tests/bench/startup-bench.sh
#
# Environment:
#   RUNS=5           runs per side, alternating kiosk / chromium; medians are reported
#   IDLE_SECONDS=30  length of the idle CPU measurement (0: none). Both clocks show HH:MM and repaint when
#                    the minute changes, and that repaint is most of the kiosk's idle CPU: a 30 s window
#                    holds one such change or none (column "ticks"). Use 60 (or 120, ...) for the average.
#   IDLE_RUNS=1      how many of the first runs of each side also measure idle CPU
#   PSS_DELAY_MS=2000  when the PSS is sampled, after the first paint
#   BENCH_REV=       empty: bench the kiosk of the working tree (build folder build-bench); a git revision:
#                    bench a clean export of it instead (build-bench-rev), e.g. to compare with main or to
#                    measure while the working tree is mid-edit. The bench's own files are always the
#                    working tree's.
# Installs what it needs (provisioning/install-deps.sh with provisioning/debian-packages-bench.txt), builds
# RelWithDebInfo, prints a table of medians and writes it, with every run, to build-bench/startup-results.txt.
# Exits non-zero when anything fails; ends every process it started and removes its temp folder.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

RUNS="${RUNS:-5}"
IDLE_SECONDS="${IDLE_SECONDS:-30}"
IDLE_RUNS="${IDLE_RUNS:-1}"
PSS_DELAY_MS="${PSS_DELAY_MS:-2000}"
BENCH_REV="${BENCH_REV:-}"
for var in RUNS IDLE_SECONDS IDLE_RUNS PSS_DELAY_MS; do
  [[ "${!var}" =~ ^[0-9]+$ ]] || { echo "startup-bench: $var must be a whole number, not '${!var}'" >&2; exit 2; }
done
[ "$RUNS" -ge 1 ] || { echo "startup-bench: RUNS must be at least 1" >&2; exit 2; }

say() { echo "startup-bench: $*" >&2; }
die() { say "$*"; exit 1; }

# --- Everything this script starts is ended on the way out, whatever the way out is.
tmp=""
xvfb_pid=""
probe_pid=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ -n "$probe_pid" ] && kill -0 "$probe_pid" 2>/dev/null; then
    kill -TERM "$probe_pid" 2>/dev/null || true  # first-paint ends the measured process tree itself
    wait "$probe_pid" 2>/dev/null || true
  fi
  stop_xvfb
  [ -n "$tmp" ] && rm -rf "$tmp"
  exit "$rc"
}
stop_xvfb() {
  if [ -n "$xvfb_pid" ]; then
    kill -TERM "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
    xvfb_pid=""
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP
tmp="$(mktemp -d /tmp/wijkpunt-bench.XXXXXX)"

# --- Install and build
say "installing packages"
bash provisioning/install-deps.sh provisioning/debian-packages-bench.txt >&2

src="$repo"
kiosk_build="$repo/build-bench"
if [ -n "$BENCH_REV" ]; then
  rev="$(git rev-parse --verify "$BENCH_REV^{commit}")" || die "no such revision: $BENCH_REV"
  kiosk_build="$repo/build-bench-rev"
  src="$kiosk_build/src"
  # Exported again only for another revision, so an unchanged one is not rebuilt. A folder of its own:
  # a CMake cache belongs to one source tree.
  if [ "$(cat "$kiosk_build/src.rev" 2>/dev/null)" != "$rev" ]; then
    rm -rf "$src" "$kiosk_build/src.rev"
    mkdir -p "$src"
    git archive "$rev" | tar -x -C "$src"
    echo "$rev" >"$kiosk_build/src.rev"
  fi
  cmake -S "$src" -B "$kiosk_build/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWIJKPUNT_BUILD_TESTS=OFF >&2
  kiosk_bin_dir="$kiosk_build/build"
else
  cmake -S "$src" -B "$kiosk_build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DWIJKPUNT_BUILD_TESTS=OFF >&2
  kiosk_bin_dir="$kiosk_build"
fi
say "building the kiosk ($kiosk_bin_dir)"
cmake --build "$kiosk_bin_dir" --target wijkpunt-kiosk >&2 || die "the kiosk does not build"
say "building the bench tools (build-bench/tools)"
cmake -S tests/bench -B build-bench/tools -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >&2
cmake --build build-bench/tools >&2 || die "the bench tools do not build"

probe_tool="$repo/build-bench/tools/first-paint"
kiosk_bin="$kiosk_bin_dir/kiosk/app/wijkpunt-kiosk"
kiosk_config="$src/provisioning/demo/settings.toml"
page="$repo/tests/bench/start.html"
command -v chromium >/dev/null || die "chromium is not installed"
[ -x "$kiosk_bin" ] || die "no kiosk binary at $kiosk_bin"

# Pixels both start screens share (theme "gemeente"): top bar, page background, first and last tile,
# the "ask the host" button and the bottom bar. All must show before a frame counts as painted.
probes=(
  --probe "10,10,0B3A66"
  --probe "10,200,F4F6F8"
  --probe "60,420,0B5394"
  --probe "1020,1300,0B5394"
  --probe "60,1790,FFFFFF"
  --probe "10,1910,0B3A66"
)

# --- One fresh X server per measurement: the root starts black, nothing is left from the last run.
display=""
start_xvfb() {
  local fifo="$tmp/displayfd"
  rm -f "$fifo"
  mkfifo "$fifo"
  Xvfb -displayfd 3 -screen 0 1080x1920x24 -nolisten tcp -noreset 3>"$fifo" >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  display=""
  read -r -t 20 display <"$fifo" || true
  rm -f "$fifo"
  if ! [[ "$display" =~ ^[0-9]+$ ]] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
    cat "$tmp/xvfb.log" >&2 || true
    die "Xvfb did not start"
  fi
}

# measure SIDE RUN IDLE_S DUMP: one measurement; its key=value lines go to $tmp/SIDE-RUN.out.
measure() {
  local side=$1 run=$2 idle=$3 dump=$4
  local out="$tmp/$side-$run.out" log="$tmp/$side-$run.log"
  local cmd
  case "$side" in
    kiosk)
      cmd=(env SDL_VIDEODRIVER=x11 "$kiosk_bin" --config "$kiosk_config" --windowed) ;;
    chromium)
      local profile
      profile="$(mktemp -d -p "$tmp" chromium-profile.XXXXXX)"
      # Its crash-report folder goes to XDG_CONFIG_HOME, not the user's home.
      cmd=(env "XDG_CONFIG_HOME=$tmp/config"
           chromium --no-sandbox --kiosk "--app=file://$page" "--user-data-dir=$profile" --no-first-run
           --disable-background-networking --disable-component-update --disable-sync --disable-quic
           --disable-gpu "--window-size=1080,1920" "--window-position=0,0") ;;
  esac
  local dump_args=()
  [ -n "$dump" ] && dump_args=(--dump "$dump")
  start_xvfb
  local note=""
  [ "$idle" -gt 0 ] && note=", then idle ${idle} s"
  say "run $run/$RUNS $side (display :$display$note)"
  # first-paint's own messages and the command's output share the log (both append).
  # shellcheck disable=SC2094
  env -u WAYLAND_DISPLAY DISPLAY=":$display" "$probe_tool" "${probes[@]}" --timeout-ms 30000 \
    --pss-after-ms "$PSS_DELAY_MS" --idle-seconds "$idle" "${dump_args[@]}" --log "$log" -- "${cmd[@]}" \
    >"$out" 2>>"$log" &
  probe_pid=$!
  local rc=0
  wait "$probe_pid" || rc=$?
  probe_pid=""
  stop_xvfb
  if [ "$rc" -ne 0 ]; then
    say "$side run $run failed (exit $rc); the last lines of its log:"
    tail -n 30 "$log" >&2 || true
    exit 1
  fi
}

value() { sed -n "s/^$2=//p" "$1"; }

# --- The runs, alternating sides. Other work on the machine (a build) shows up in every figure.
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
if awk -v l="${load_before%% *}" 'BEGIN { exit !(l >= 1.0) }'; then
  say "warning: load average $load_before: other work is running and the figures will be noisy"
fi
raw="$tmp/runs.txt"
printf '%-8s %3s %9s %10s %9s %5s %9s %9s %9s %6s\n' side run paint_ms change_ms pss_mib procs cpu_pct sched_pct wakeups/s ticks \
  >"$raw"
for ((run = 1; run <= RUNS; run++)); do
  idle=0
  [ "$run" -le "$IDLE_RUNS" ] && idle="$IDLE_SECONDS"
  for side in kiosk chromium; do
    dump=""
    [ "$run" -eq 1 ] && dump="$repo/build-bench/startup-$side.ppm"
    measure "$side" "$run" "$idle" "$dump"
    out="$tmp/$side-$run.out"
    pss_mib="$(awk -v k="$(value "$out" pss_kib)" 'BEGIN { printf "%.1f", k / 1024 }')"
    printf '%-8s %3s %9s %10s %9s %5s %9s %9s %9s %6s\n' "$side" "$run" "$(value "$out" first_paint_ms)" \
      "$(value "$out" first_change_ms)" "$pss_mib" "$(value "$out" processes)" \
      "$(value "$out" idle_cpu_pct)" "$(value "$out" sched_cpu_pct)" "$(value "$out" wakeups_per_s)" \
      "$(value "$out" minute_ticks)" >>"$raw"
  done
done

# --- Medians and ratios
median() {  # median SIDE COLUMN: over the runs that have a value in that column
  awk -v side="$1" -v col="$2" 'NR > 1 && $1 == side && $col != "" { print $col }' "$raw" | sort -g |
    awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || a + 0 == 0) print "-"; else printf "%.1fx", b / a }'
}
# The raw table's columns: 3 paint, 4 change, 5 pss, 6 processes, 7 cpu (ticks), 8 cpu (schedstat), 9 wakeups,
# 10 minute changes of the clock. A run without the idle measurement leaves 7-10 empty (fewer fields).
row() {  # row LABEL COLUMN TARGET [no-ratio]
  local k c r
  k="$(median kiosk "$2")"
  c="$(median chromium "$2")"
  r="$(ratio "$k" "$c")"
  [ -n "${4:-}" ] && r=""
  printf '%-40s %10s %10s %8s   %s\n' "$1" "$k" "$c" "$r" "$3"
}
table="$tmp/table.txt"
{
  echo "Wijkpunt start-up bench: medians of $RUNS run(s) per side; idle CPU over ${IDLE_SECONDS} s in the first ${IDLE_RUNS} run(s)"
  printf '%-40s %10s %10s %8s   %s\n' metric kiosk chromium ratio "kiosk target / chromium ref"
  row "exec to first painted frame (ms)" 3 "< 80 / ~640"
  row "exec to first change on screen (ms)" 4 ""
  row "PSS ${PSS_DELAY_MS} ms after first paint (MiB)" 5 "< 40 / ~395"
  row "processes" 6 ""
  if [ "$IDLE_SECONDS" -gt 0 ] && [ "$IDLE_RUNS" -gt 0 ]; then
    row "idle CPU, % of one core (utime+stime)" 7 "< 0.1 / ~1.2"
    row "idle CPU, % of one core (schedstat)" 8 ""
    row "idle wakeups per second" 9 ""
    row "clock minute changes in the idle window" 10 "" no-ratio
  fi
} >"$table"

results="$repo/build-bench/startup-results.txt"
if [ -n "$BENCH_REV" ]; then
  kiosk_from="$(git rev-parse --short "$rev") ($BENCH_REV)"
else
  kiosk_from="working tree at $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  if [ -n "$(git status --porcelain 2>/dev/null)" ]; then kiosk_from+=" with local changes"; fi
fi
{
  cat "$table"
  echo
  echo "every run:"
  cat "$raw"
  echo
  echo "kiosk:    $kiosk_from, RelWithDebInfo"
  echo "chromium: $(chromium --version 2>/dev/null | head -n 1)"
  echo "machine:  $(nproc) CPU(s), $(uname -sr), $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "load:     $load_before before the runs, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "screens:  build-bench/startup-kiosk.ppm, build-bench/startup-chromium.ppm (run 1, after the PSS sample)"
} >"$results"
cat "$table"
say "written to ${results#"$repo"/}"
