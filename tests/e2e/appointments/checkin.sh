#!/usr/bin/env bash
# checkin.sh KIOSK CENTRAL: checking in for an appointment, end to end, against the real central server on
# loopback (test PKI made now, the demo's agendas imported, the kiosk and the server on one test clock):
#   1. two residents take walk-in numbers for the Gemeente (G-001, G-002);
#   2. a booking made through the kiosk API with curl and the test kiosk's certificate is checked in at the
#      walk-in role by its code (scanned), 20 minutes before its time: appointment ticket G-003;
#   3. at the booked time the host console's "Volgende G" calls G-003 ahead of the earlier walk-ins, and the
#      central server has the booking as arrived;
#   4. with the central server stopped, a second booking (synced before) is checked in all the same; when the
#      server is back, the arrival reaches it;
#   5. a third booking nobody checks in for is marked no-show 15 minutes after its time on the test clock,
#      and the central server learns it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 central=$2
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/appointments"
work=$(mktemp -d /tmp/wp-e2e-appt.XXXXXX)
central_pid='' walkin_pid=''
cleanup() {
  [ -n "$walkin_pid" ] && kill "$walkin_pid" 2>/dev/null || true
  [ -n "$central_pid" ] && kill "$central_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$shots"
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
fail() { echo "checkin.sh: $*"; echo "--- kiosk"; cat "$work/walkin.log" 2>/dev/null || true; echo "--- central"; tail -40 "$work/central.log" 2>/dev/null || true; exit 1; }

# Monday 7 December 2026, 09:00 in Schiedam: the Gemeente's agenda has 15-minute slots from 09:00.
clock=(--clock-file "$work/clock" --clock-start "2026-12-07 09:00")
. "$root/tests/support/central-config.sh"
"$root/tests/support/make-test-pki.sh" "$work/pki" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
wp_central_config "$work/pki" --set "port = $port" --set '[appointments]' --set 'min_lead_minutes = 0' \
  --clock-file "$work/clock" >"$work/central.toml"
"$central" --config "$work/central.toml" agenda import "$root/central/agendas.example.toml" >/dev/null
token=$("$central" --config "$work/central.toml" token create --name "E2E gemeente" --role team --team gemeente)
wp_kiosk_config "$root/provisioning/demo/settings.toml" "$work/pki" "https://127.0.0.1:$port" >"$work/kiosk.toml"
printf '\n[appointments]\nrefresh_minutes = 1\n' >>"$work/kiosk.toml"

start_central() {
  wp_start_central "$central" "$work/central.toml" "$work/central.port" "$work/central.log" || fail "the central server did not start"
}
# The test clock starts when the first process reads it: the walk-in role of step 1.
"$kiosk" --role walkin --config "$work/kiosk.toml" --data-dir "$work/data" "${clock[@]}" \
  --screenshot-dir "$shots" --script "$here/walkin_two.wps" >"$work/walkin.log" 2>&1 || fail "two walk-ins"
start_central

kioskapi() {
  curl -sS --cacert "$work/pki/ca.crt" --cert "$work/pki/kiosk.crt" --key "$work/pki/kiosk.key" \
    -H 'Content-Type: application/json' "$@"
}
staffapi() { curl -sS --cacert "$work/pki/ca.crt" -H "Authorization: Bearer $token" "https://127.0.0.1:$central_public_port$1"; }
book() {  # book START NAME -> the booking code
  local body
  body=$(jq -nc --arg uuid "$(cat /proc/sys/kernel/random/uuid)" --arg start "$1" --arg name "$2" \
    '{uuid: $uuid, contact_point: "SGN", service: "gemeente", start: $start, name: $name,
      phone: "0612345678", language: "nl", booked_by: "kiosk"}')
  kioskapi -X POST -d "$body" "https://127.0.0.1:$port/v1/appointments" | jq -er .code
}
state_of() {  # state_of CODE -> its state at the central server today
  staffapi "/v1/agendas/SGN/bookings?day=2026-12-07" | jq -r --arg c "$1" '.bookings[] | select(.code == $c) | .state'
}
wait_state() {  # wait_state CODE STATE
  for _ in $(seq 300); do [ "$(state_of "$1")" = "$2" ] && return 0; sleep 0.2; done
  fail "$1 is '$(state_of "$1")' at the central server, not $2"
}

first=$(book 2026-12-07T08:15:00Z "Fatma Yilmaz") || fail "booking 09:15"
second=$(book 2026-12-07T08:30:00Z "Piet de Vries") || fail "booking 09:30"
third=$(book 2026-12-07T08:45:00Z "Anna Nowak") || fail "booking 09:45"
echo "checkin.sh: booked $first (09:15), $second (09:30), $third (09:45)"

# run_walkin SCRIPT CODE SHOT: the walk-in role walks SCRIPT (with CODE for @CODE@) and stays up, syncing
# and forwarding, until the shell has seen what it waits for; SHOT is the screenshot that ends the walk.
run_walkin() {
  sed "s/@CODE@/$2/g" "$here/$1" >"$work/$1"
  rm -f "$shots/$3.png"
  "$kiosk" --role walkin --config "$work/kiosk.toml" --data-dir "$work/data" "${clock[@]}" \
    --screenshot-dir "$shots" --script "$work/$1" >"$work/walkin.log" 2>&1 &
  walkin_pid=$!
  for _ in $(seq 600); do
    [ -s "$shots/$3.png" ] && return 0
    kill -0 "$walkin_pid" 2>/dev/null || fail "the walk-in script $1 ended before $3"
    sleep 0.1
  done
  fail "no $3 from $1"
}
stop_walkin() { kill "$walkin_pid" 2>/dev/null || true; wait "$walkin_pid" 2>/dev/null || true; walkin_pid=''; }

run_walkin walkin_first.wps "$first" checkin-first-done
wait_state "$first" arrived
stop_walkin
echo "checkin.sh: $first checked in at 09:00 (G-003); the central server has it as arrived"

# The host calls at 09:20: G-003 (the appointment) before G-001 and G-002.
"$kiosk" --role host --counter "Balie 2" --config "$work/kiosk.toml" --data-dir "$work/data" "${clock[@]}" \
  --screenshot-dir "$shots" --script "$here/host_calls.wps" >"$work/host.log" 2>&1 || { cat "$work/host.log"; fail "the host's calls"; }
echo "checkin.sh: at 09:20 the host called G-003 ahead of G-001 and G-002"

# The central server goes away; the second booking (synced before) checks in all the same, and its arrival
# reaches the server once it is back.
kill "$central_pid"; wait "$central_pid" 2>/dev/null || true; central_pid=''
run_walkin walkin_second.wps "$second" checkin-second-done
start_central
wait_state "$second" arrived
stop_walkin
echo "checkin.sh: $second checked in while the server was down (G-004); the arrival reached it afterwards"

# Nobody comes for 09:45: at 10:01 on the test clock it is a no-show, at the central server too.
run_walkin walkin_no_show.wps "" checkin-no-show
wait_state "$third" no-show
stop_walkin
echo "checkin.sh: $third was marked no-show and the central server has it"
