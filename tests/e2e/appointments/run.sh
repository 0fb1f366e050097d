#!/usr/bin/env bash
# run.sh KIOSK CENTRAL CASE: appointments made at the walk-in kiosk against the real central server on
# loopback (a test PKI made now, the demo's agendas imported with `wijkpunt-central agenda import`, both on
# one test clock: Monday 30 November 2026, 10:00), the kiosk printing through a private cupsd.
#   book         the resident books at the kiosk (book.wps); the booking is at the central server (the staff
#                API's day list, with a staff token) under the code the slip shows; the slip (PDF read
#                back) shows the code, the time and what to bring, and no phone number or name.
#   unreachable  the central server stops while the resident is on the check screen (unreachable.wps): the
#                kiosk says so, "Bel mij terug" puts an appointment-callback request for the Gemeente in the
#                outbox, and it arrives at the central server once the server is back (same port).
#   bycode       two bookings made through the kiosk API: the first is moved to another day by its typed
#                code (change.wps), the second cancelled by its scanned code (cancel.wps); the central
#                server has the first at its new time under the same code and the second cancelled, and
#                the moved slip (PDF read back) shows the new day and time.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 central=$2 case=$3
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/appointments"
work=$(mktemp -d /tmp/wp-e2e-appt.XXXXXX)
central_pid=
cleanup() {
  [ -n "$central_pid" ] && kill "$central_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$shots"
fail() { echo "run.sh: $*" >&2; exit 1; }

# The central server on a port of its own (the unreachable case starts it again on the same one).
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
. "$root/tests/support/central-config.sh"
"$root/tests/support/make-test-pki.sh" "$work/pki" >/dev/null
wp_central_config "$work/pki" --set "port = $port" --clock-file "$work/clock" >"$work/central.toml"
"$central" --config "$work/central.toml" agenda import "$root/central/agendas.example.toml" >/dev/null
staff=$("$central" --config "$work/central.toml" token create --name "E2E admin" --role admin)
wp_start_central "$central" "$work/central.toml" "$work/central.port" "$work/central.log" || exit 1
wp_kiosk_config "$root/provisioning/demo/printing.toml" "$work/pki" "https://127.0.0.1:$port" >"$work/kiosk.toml"
api() { curl -sS --cacert "$work/pki/ca.crt" -H "Authorization: Bearer $staff" "https://127.0.0.1:$central_public_port$1"; }

walk() {
  local script=$1 done_shot=$2
  rm -f "$done_shot" "$WP_PDF_OUTPUT"
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --script "$here/$script" \
    --clock-file "$work/clock" --clock-start "2026-11-30 10:00" --data-dir "$work/data" \
    --screenshot-dir "$shots" --speech-log "$work/speech.log" >"$work/kiosk.log" 2>&1 &
  kpid=$!
}
stop_kiosk() {
  kill "$kpid" 2>/dev/null || true
  wait "$kpid" 2>/dev/null || true
}
# Waits until FILE exists (and is not empty) while the kiosk runs; 60 s at most.
await() {
  for _ in $(seq 600); do
    [ -s "$1" ] && return 0
    kill -0 "$kpid" 2>/dev/null || { cat "$work/kiosk.log"; fail "the kiosk ended before $1"; }
    sleep 0.1
  done
  cat "$work/kiosk.log"; fail "no $1"
}

book() {
  walk book.wps "$shots/appointments-nl-99-done.png"
  await "$shots/appointments-nl-99-done.png"
  await "$WP_PDF_OUTPUT"
  sleep 1
  stop_kiosk
  local text flat code listed
  text=$(pdftotext "$WP_PDF_OUTPUT" - 2>/dev/null || true)
  cp "$WP_PDF_OUTPUT" "$shots/appointments-slip.pdf"
  echo "run.sh: the slip says:"; sed -e '/^\s*$/d' -e 's/^/  | /' <<<"$text"
  flat=$(tr -d ' \n' <<<"$text")
  code=$(grep -oE '\b[2-9A-HJKMNP-Z]{4} [2-9A-HJKMNP-Z]{4}\b' <<<"$text" | head -1 | tr -d ' ')
  [ -n "$code" ] || fail "the slip shows no booking code"
  for want in "Uwafspraak" "dinsdag1december" "09:00" "WijkpuntGroenoord" "NieuweDamlaan90" \
    "Neemmee:uwpaspoortofidentiteitskaart"; do
    [[ "$flat" == *"$want"* ]] || fail "the slip does not say '$want'"
  done
  for p in 0612345678 "06 1234" Vries; do
    if grep -qiF -- "$p" <<<"$text"; then fail "the slip shows '$p'"; fi
  done
  listed=$(api "/v1/agendas/SGN/bookings?day=2026-12-01")
  echo "run.sh: the central server's day list: $listed"
  grep -qF "$code" <<<"$listed" || fail "the central server has no booking $code on 1 December"
  echo "run.sh: booking $code is at the central server and on the slip, without phone or name"
}

unreachable() {
  # A check screen's picture from an earlier run would stop the server before this kiosk got there.
  rm -f "$shots/unreachable-nl-01-check.png"
  walk unreachable.wps "$shots/unreachable-nl-99-done.png"
  await "$shots/unreachable-nl-01-check.png"
  kill "$central_pid"; wait "$central_pid" 2>/dev/null || true
  central_pid=
  await "$shots/unreachable-nl-99-done.png"
  # The request waits in the outbox; the server comes back on the same port and the sender delivers it.
  export central_pid
  wp_start_central "$central" "$work/central.toml" "$work/central.port" "$work/central2.log" || exit 1
  local listed=
  for _ in $(seq 600); do
    listed=$(api "/v1/backoffice/requests?type=appointment-callback")
    [ "$(jq '.requests | length' <<<"$listed" 2>/dev/null || echo 0)" -ge 1 ] && break
    kill -0 "$kpid" 2>/dev/null || break
    sleep 0.1
  done
  stop_kiosk
  [ "$(jq '.requests | length' <<<"$listed")" -eq 1 ] || { cat "$work/kiosk.log"; fail "no appointment-callback request arrived: $listed"; }
  local ref got
  ref=$(jq -r '.requests[0].reference' <<<"$listed")
  got=$(api "/v1/backoffice/requests/$ref")
  echo "run.sh: the central server has $ref: $(jq -c '{type, category, team, fields}' <<<"$got")"
  [ "$(jq -r .fields.service <<<"$got")" = gemeente ] || fail "the request is not for the Gemeente"
  [ "$(jq -r .fields.phone <<<"$got")" = 0687654321 ] || fail "the request has not the phone number"
  listed=$(api "/v1/agendas/SGN/bookings?day=2026-12-01")
  if grep -qF "09:30" <<<"$listed" || grep -qF "T08:30:00Z" <<<"$listed"; then
    fail "a booking was made although the server was down: $listed"
  fi
}

bycode() {
  kioskapi() {
    curl -sS --cacert "$work/pki/ca.crt" --cert "$work/pki/kiosk.crt" --key "$work/pki/kiosk.key" \
      -H 'Content-Type: application/json' "$@"
  }
  book_at() {  # book_at START -> the booking code
    local body
    body=$(jq -nc --arg uuid "$(cat /proc/sys/kernel/random/uuid)" --arg start "$1" \
      '{uuid: $uuid, contact_point: "SGN", service: "gemeente", start: $start, name: "Anna Nowak",
        phone: "0612345678", language: "nl", booked_by: "kiosk"}')
    local answer
    answer=$(kioskapi -X POST -d "$body" "https://127.0.0.1:$port/v1/appointments")
    jq -er .code <<<"$answer" || { echo "run.sh: the booking at $1 got: $answer" >&2; return 1; }
  }
  local moved cancelled got
  # The test clock starts when a kiosk first reads it; until then the server would book on today's date.
  echo 'expect "Ik heb een afspraak"' >"$work/start.wps"
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --script "$work/start.wps" \
    --clock-file "$work/clock" --clock-start "2026-11-30 10:00" --data-dir "$work/data" >"$work/kiosk.log" 2>&1 \
    || { cat "$work/kiosk.log"; fail "the kiosk did not start"; }
  moved=$(book_at 2026-12-01T08:00:00Z) || fail "booking 09:00"
  cancelled=$(book_at 2026-12-01T08:15:00Z) || fail "booking 09:15"
  echo "run.sh: booked $moved (tuesday 09:00) and $cancelled (tuesday 09:15)"

  sed "s/@CODE@/$moved/g" "$here/change.wps" >"$work/change.wps"
  rm -f "$shots/bycode-nl-04-moved.png" "$WP_PDF_OUTPUT"
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --script "$work/change.wps" \
    --clock-file "$work/clock" --clock-start "2026-11-30 10:00" --data-dir "$work/data" \
    --screenshot-dir "$shots" >"$work/kiosk.log" 2>&1 &
  kpid=$!
  await "$shots/bycode-nl-04-moved.png"
  await "$WP_PDF_OUTPUT"
  sleep 1
  stop_kiosk
  local text flat
  text=$(pdftotext "$WP_PDF_OUTPUT" - 2>/dev/null || true)
  cp "$WP_PDF_OUTPUT" "$shots/bycode-moved-slip.pdf"
  flat=$(tr -d ' \n' <<<"$text")
  for want in "woensdag2december" "10:00" "${moved:0:4}${moved:4:4}"; do
    [[ "$flat" == *"$want"* ]] || fail "the moved slip does not say '$want': $text"
  done
  got=$(api "/v1/agendas/SGN/bookings?day=2026-12-02")
  jq -e --arg c "$moved" '.bookings[] | select(.code == $c and (.start | startswith("2026-12-02T09:00:00")))' <<<"$got" \
    >/dev/null || fail "$moved is not on wednesday 10:00 at the central server: $got"
  got=$(api "/v1/agendas/SGN/bookings?day=2026-12-01")
  if jq -e --arg c "$moved" '.bookings[] | select(.code == $c and .state != "cancelled")' <<<"$got" >/dev/null; then
    fail "$moved is still on tuesday at the central server: $got"
  fi
  echo "run.sh: $moved moved to wednesday 10:00, same code"

  sed "s/@CODE@/$cancelled/g" "$here/cancel.wps" >"$work/cancel.wps"
  rm -f "$shots/bycode-nl-99-cancelled.png"
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --script "$work/cancel.wps" \
    --clock-file "$work/clock" --clock-start "2026-11-30 10:00" --data-dir "$work/data" \
    --screenshot-dir "$shots" >"$work/kiosk.log" 2>&1 &
  kpid=$!
  await "$shots/bycode-nl-99-cancelled.png"
  stop_kiosk
  got=$(kioskapi -o /dev/null -w '%{http_code}' "https://127.0.0.1:$port/v1/appointments/$cancelled")
  [ "$got" = 404 ] || fail "the cancelled booking $cancelled is still found by its code ($got)"
  got=$(api "/v1/agendas/SGN/bookings?day=2026-12-01")
  if jq -e --arg c "$cancelled" '.bookings[] | select(.code == $c and .state != "cancelled")' <<<"$got" >/dev/null; then
    fail "$cancelled is still booked at the central server: $got"
  fi
  echo "run.sh: $cancelled cancelled"
}

export -f walk stop_kiosk await fail book unreachable bycode api wp_start_central
export kiosk central work shots here staff port central_pid central_public_port
# The subshell ends the server it started again itself.
"$root/tests/support/private-cupsd.sh" run -- bash -c 'trap "[ -n \"\$central_pid\" ] && kill \$central_pid 2>/dev/null" EXIT; '"$case"
