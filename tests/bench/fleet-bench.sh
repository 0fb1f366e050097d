#!/usr/bin/env bash
# Fleet bench: the central server under a fleet of simulated kiosks (tests/bench/fleet_load.cpp,
# wp-fleet-load). Its own command, never a ctest test (DESIGN.md: Testing). From the repository root:
#
#   tests/bench/fleet-bench.sh
#
# What it does, on loopback, with a test PKI made now (tests/support/make-test-pki.sh) and the kiosk CA's key
# as [enrollment] ca_key:
# 1. enrolls ENROLL_RUNS x 100 kiosks in a row (each: an EC P-256 key and CSR made by the kiosk, then
#    POST /v1/enroll on a new connection; the tokens are made beforehand through the staff API): seconds per
#    100;
# 2. enrolls more kiosks the same way until KIOSKS have certificates (all enrolled: the server resolves each
#    by the store, as it would in the field);
# 3. ROUNDS rounds in which every kiosk sends one heartbeat over mutual TLS, on a new connection with its own
#    certificate, the kiosks started evenly over WINDOW seconds: with WINDOW=60 that is the real cadence of
#    one heartbeat a minute per kiosk; a shorter WINDOW squeezes the same heartbeats into less time (a
#    heavier load than the field's, said in the output). Per round: the server's CPU (percent of one core,
#    /proc/PID/stat), its RSS (peak sampled every 200 ms) and the heartbeats' p50/p99 (connect, TLS
#    handshake and answer; also the part after the handshake).
# Each kiosk talks from its own loopback address (127.0.x.y), as kiosks in the field have their own.
# Prints the parameters and the medians; writes every line to $BUILD/fleet-bench-results.txt.
#
# Environment:
#   KIOSKS=5000      simulated kiosks
#   WINDOW=60        seconds over which one round's heartbeats are spread
#   ROUNDS=3         heartbeat rounds; medians are reported
#   ENROLL_RUNS=3    runs of 100 enrollments in a row; the median is reported
#   BUILD=build      the RelWithDebInfo build folder it builds wijkpunt-central and wp-fleet-load in
# Ends every process it started and removes its temp folder, also on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
KIOSKS="${KIOSKS:-5000}"
WINDOW="${WINDOW:-60}"
ROUNDS="${ROUNDS:-3}"
ENROLL_RUNS="${ENROLL_RUNS:-3}"
BUILD="${BUILD:-build}"

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target wijkpunt-central wp-fleet-load >/dev/null

tmp="$(mktemp -d /tmp/wp-fleet-bench-XXXXXX)"
central_pid=""
cleanup() {
  if [ -n "$central_pid" ]; then kill -TERM "$central_pid" 2>/dev/null || true; wait "$central_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

central="$BUILD/central/wijkpunt-central"
load="$BUILD/tests/integration/wp-fleet-load"
results="$BUILD/fleet-bench-results.txt"
: > "$results"
pki="$tmp/pki"
tests/support/make-test-pki.sh "$pki" >/dev/null

. tests/support/central-config.sh
mkdir -p "$tmp/central"
{
  wp_central_config "$pki" --set 'max_connections = 4096'
  printf '\n[enrollment]\nca_key = "%s/ca.key"\n' "$pki"
} > "$tmp/central/central.toml"
wp_start_central "$central" "$tmp/central/central.toml" "$tmp/central/central.port" "$tmp/central/central.log"
"$central" --config "$tmp/central/central.toml" token create --name "Bench admin" --role admin | head -n 1 \
  > "$tmp/admin.token"

# Contact points for KIOSKS kiosks: 961 kiosk codes each (kCodeAlphabet squared), the config's K2 of SGN
# aside; three letters of the reference-code alphabet.
letters=23456789ABCDEFGHJKMNPQRSTUVWXYZ
points=""
needed=$(( (KIOSKS + ENROLL_RUNS * 100) / 900 + 1 ))
for i in $(seq 0 $((needed - 1))); do
  points+="${points:+,}B${letters:$((i / 31 % 31)):1}${letters:$((i % 31)):1}"
done

{
  echo "fleet bench $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(uname -r)"
  echo "parameters: KIOSKS=$KIOSKS WINDOW=${WINDOW}s ROUNDS=$ROUNDS ENROLL_RUNS=$ENROLL_RUNS contact points: $needed"
} | tee -a "$results"

json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
median() { python3 -c 'import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:]),2))' "$@"; }

address=0
enroll_seconds=()
for run in $(seq 1 "$ENROLL_RUNS"); do
  line="$("$load" enroll --public-url "https://127.0.0.1:$central_public_port" --ca "$pki/ca.crt" \
    --admin-token-file "$tmp/admin.token" --count 100 --contact-points "$points" \
    --out "$tmp/kiosks" --first-address "$address")"
  echo "enroll-100 $line" >> "$results"
  enroll_seconds+=("$(json_field "$line" seconds)")
  address=$((address + 100))
done

rest=$((KIOSKS - address))
if [ "$rest" -gt 0 ]; then
  line="$("$load" enroll --public-url "https://127.0.0.1:$central_public_port" --ca "$pki/ca.crt" \
    --admin-token-file "$tmp/admin.token" --count "$rest" --contact-points "$points" \
    --out "$tmp/kiosks" --first-address "$address")"
  echo "enroll-rest $line" | tee -a "$results"
fi
# Exactly KIOSKS identities take part in the heartbeats.
ls "$tmp/kiosks" | sort | tail -n +$((KIOSKS + 1)) | while read -r f; do rm "$tmp/kiosks/$f"; done
rss_idle_kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$central_pid/status")"

declare -a cpu rss p50 p99 hp50 hp99
for round in $(seq 1 "$ROUNDS"); do
  line="$("$load" heartbeat --url "https://127.0.0.1:$central_port" --ca "$pki/ca.crt" \
    --identities "$tmp/kiosks" --window "$WINDOW" --pid "$central_pid")"
  echo "heartbeat-round-$round $line" | tee -a "$results"
  [ "$(json_field "$line" failed)" = 0 ] || { echo "fleet-bench: round $round had failed heartbeats" >&2; exit 1; }
  cpu+=("$(json_field "$line" server_cpu_percent)")
  rss+=("$(json_field "$line" server_rss_peak_mb)")
  p50+=("$(json_field "$line" p50_ms)")
  p99+=("$(json_field "$line" p99_ms)")
  hp50+=("$(json_field "$line" after_handshake_p50_ms)")
  hp99+=("$(json_field "$line" after_handshake_p99_ms)")
done

{
  echo
  if [ "$WINDOW" = 60 ]; then
    echo "cadence: $KIOSKS heartbeats a minute, the field's rate (one a minute per kiosk)"
  else
    echo "cadence: $KIOSKS heartbeats in ${WINDOW}s, $(python3 -c "print(round(60/$WINDOW,2))") times the field's rate"
  fi
  echo "enroll 100 kiosks in a row:      $(median "${enroll_seconds[@]}") s (median of $ENROLL_RUNS)"
  echo "server CPU during heartbeats:    $(median "${cpu[@]}") % of one core (median of $ROUNDS rounds)"
  echo "server RSS during heartbeats:    $(median "${rss[@]}") MB peak (idle after enrolling: $((rss_idle_kb / 1024)) MB)"
  echo "heartbeat p50 / p99:             $(median "${p50[@]}") / $(median "${p99[@]}") ms (new TLS connection each)"
  echo "  after the handshake p50 / p99: $(median "${hp50[@]}") / $(median "${hp99[@]}") ms"
  echo "results in $results"
} | tee -a "$results"
