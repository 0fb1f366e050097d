#!/usr/bin/env bash
# Appointment bench: free-slot query latency over 14 days of a busy agenda (08:00-20:00 every day,
# 10-minute slots, 4 parallel, most seats taken), and bookings per second when 16 clients, each on its own
# TLS connection with the kiosk's certificate, race for the same 50 one-seat slots, with the count of double
# bookings in the database afterwards (must be 0). The real wijkpunt-central on loopback with a PKI made on
# the spot, driven by tests/bench/appointment_bench.cpp. Its own command, never a ctest test (DESIGN.md:
# Testing). From the repository root:
#
#   tests/bench/appointment-bench.sh
#
# Environment:
#   QUERIES=200     free-slot queries, one after the other on one connection
#   FILL=0.85       share of the busy agenda's seats booked before the queries
#   CLIENTS=16      racing clients
#   RACE_SLOTS=50   slots they race for
#   BUILD=build     the RelWithDebInfo build folder it uses (it builds wijkpunt-central and the driver)
# Prints one JSON line per measurement and writes them to $BUILD/appointment-bench-results.txt. Ends every
# process it started and removes its temp folder, also on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
QUERIES="${QUERIES:-200}"
FILL="${FILL:-0.85}"
CLIENTS="${CLIENTS:-16}"
RACE_SLOTS="${RACE_SLOTS:-50}"
BUILD="${BUILD:-build}"

cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target wijkpunt-central wp-appointment-bench >/dev/null

tmp="$(mktemp -d /tmp/wp-appointment-bench-XXXXXX)"
central_pid=""
cleanup() {
  [ -z "$central_pid" ] || kill -9 "$central_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

central="$BUILD/central/wijkpunt-central"
driver="$BUILD/tests/integration/wp-appointment-bench"
results="$BUILD/appointment-bench-results.txt"
: > "$results"

tests/support/make-test-pki.sh "$tmp/pki" >/dev/null
pki="$tmp/pki"
. tests/support/central-config.sh
wp_central_config "$pki" --set 'threads = 32' --set 'max_connections_per_source = 256' > "$tmp/central.toml"
printf '\n[appointments]\nmin_lead_minutes = 0\n' >> "$tmp/central.toml"

every_day() {  # hours
  for day in monday tuesday wednesday thursday friday saturday sunday; do echo "$day = [\"$1\"]"; done
}
cat > "$tmp/agendas.toml" <<TOML
[[agenda]]
contact_point = "SGN"
service = "gemeente"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
team = "gemeente"
slot_minutes = 10
parallel = 4
[agenda.hours]
$(every_day "08:00-20:00")

[[agenda]]
contact_point = "SGN"
service = "huurloket"
place = "Wijkpunt Groenoord"
address = "Nieuwe Damlaan 90, Schiedam"
team = "huurloket"
slot_minutes = 10
parallel = 1
[agenda.hours]
$(every_day "00:00-24:00")
TOML
"$central" --config "$tmp/central.toml" agenda import "$tmp/agendas.toml" >/dev/null
"$driver" --seed-busy "$tmp/central.db" --fill "$FILL" | sed 's/^/seed /' | tee -a "$results"

wp_start_central "$central" "$tmp/central.toml" "$tmp/central.port" "$tmp/central.log"
url="https://127.0.0.1:$central_port"
tls=(--ca "$pki/ca.crt" --cert "$pki/kiosk.crt" --key "$pki/kiosk.key")
"$driver" --slots "$url" "${tls[@]}" --queries "$QUERIES" | sed 's/^/free-slots /' | tee -a "$results"
"$driver" --race "$url" "${tls[@]}" --clients "$CLIENTS" --service huurloket --first "$RACE_SLOTS" \
  | sed 's/^/race /' | tee -a "$results"

kill -TERM "$central_pid"
wait "$central_pid" 2>/dev/null || true
central_pid=""
"$driver" --count-double "$tmp/central.db" | sed 's/^/double-bookings /' | tee -a "$results"
