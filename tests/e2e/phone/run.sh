#!/usr/bin/env bash
# run.sh KIOSK CENTRAL: the phone queue page end to end, between the roles, through the real parts.
#   - wijkpunt-central on loopback with a test PKI made now (tests/support/make-test-pki.sh) and the phone
#     pages ([public_pages] content_dir); its [testing] clock_file is the kiosk's shared test clock;
#   - the walk-in kiosk with [central] api_url and public_url set: residents take H-001..H-003, and its
#     queue-statistics sender forwards the events;
#   - the host console on the same kiosk database and clock, in three short runs (host-first.wps,
#     host-second.wps, advance.wps), so this script can look at the page between them;
#   - the page of H-003, https://127.0.0.1:PORT/queue/SGN/2026-11-26/H-003 (what the ticket's QR opens:
#     public_url is this server), in headless Chromium at a phone's size, in the theme's name and colours
#     ([public_pages] theme): 2 people before it; after the host called H-001 and H-002, it is next; once
#     H-003 is called, its turn at "Balie 2" and a page title that says so; and after the kiosk
#     stopped and the clock moved on three minutes, it says plainly that the data is stale.
# Each state is first awaited by polling the page (curl, up to 30 s: the kiosk forwards within a second or
# so), then checked in Chromium's DOM and kept as a screenshot in $E2E_SHOTS/phone.
# Exit 77 (ctest: skipped) when Chromium is not installed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 central=$2
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/phone"
chromium=
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && chromium=$c && break; done
[ -n "$chromium" ] || { echo "run.sh: chromium is not installed (provisioning/debian-packages.txt); skipped"; exit 77; }

work=$(mktemp -d /tmp/wp-e2e-phone.XXXXXX)
central_pid= walkin_pid=
cleanup() {
  [ -n "$walkin_pid" ] && kill "$walkin_pid" 2>/dev/null || true
  [ -n "$central_pid" ] && kill "$central_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$shots"
rm -f "$shots"/*.png
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
day=2026-11-26

fail() {
  echo "run.sh: $*"
  echo "--- central.log"; cat "$work/central.log" 2>/dev/null || true
  echo "--- walkin.log"; cat "$work/walkin.log" 2>/dev/null || true
  exit 1
}

# The central server.
"$root/tests/support/make-test-pki.sh" "$work/pki" >/dev/null
cat >"$work/central.toml" <<TOML
[server]
address = "127.0.0.1"
port = 0
port_file = "$work/central.port"
public_port = 0
public_port_file = "$work/central.public-port"
database = "$work/central.db"

[tls]
certificate = "$work/pki/server.crt"
key = "$work/pki/server.key"
client_ca = "$work/pki/ca.crt"

[[kiosk]]
subject = "CN=kiosk-K2,O=Wijkpunt"
code = "K2"
contact_point = "SGN"

[routing]
default_team = "gemeente"

[public_pages]
content_dir = "$root/content"
theme = "$root/themes/gemeente.toml"
queue_pages_per_minute = 10000  # this script polls the page; a phone's limit is not under test here

[testing]
clock_file = "$work/clock"
TOML
"$central" --config "$work/central.toml" >"$work/central.log" 2>&1 &
central_pid=$!
for _ in $(seq 150); do [ -s "$work/central.port" ] && break; sleep 0.1; done
[ -s "$work/central.port" ] || fail "the central server did not start"
port=$(cat "$work/central.port")
base="https://127.0.0.1:$port"
public_base="https://127.0.0.1:$(cat "$work/central.public-port")"

# The kiosk's settings: the demo's, with absolute content paths and this central server (the ticket's QR
# then opens this server's page).
awk -v root="$root" '
  /^\[/ { skip = ($0 == "[central]") }
  /^content = / { print "content = \"" root "/content\""; next }
  /^themes = / { print "themes = \"" root "/themes\""; next }
  !skip' "$root/provisioning/demo/settings.toml" >"$work/kiosk.toml"
cat >>"$work/kiosk.toml" <<TOML

[central]
initiative_contact_days = 5
public_url = "$public_base"
api_url = "$base"
ca_file = "$work/pki/ca.crt"
client_certificate = "$work/pki/kiosk.crt"
client_key = "$work/pki/kiosk.key"
TOML
common=(--config "$work/kiosk.toml" --data-dir "$work/data" --clock-file "$work/clock"
        --clock-start "$day 10:00" --screenshot-dir "$shots")

page="$public_base/queue/SGN/$day/H-003?lang=nl"
# Polls the page until it shows TEXT (30 s at most).
await_page() {
  local want=$1 body=
  for _ in $(seq 120); do
    body=$(curl -sS --cacert "$work/pki/ca.crt" "$page" 2>&1 || true)
    grep -qF -- "$want" <<<"$body" && return 0
    sleep 0.25
  done
  echo "--- the page said:"; echo "$body"
  fail "the page of H-003 did not come to show '$want'"
}
# base64(sha256(SubjectPublicKeyInfo)) of the server certificate, for --ignore-certificate-errors-spki-list.
spki=$(openssl x509 -in "$work/pki/server.crt" -pubkey -noout | openssl pkey -pubin -outform der |
       openssl dgst -sha256 -binary | base64)
chrome() {
  HOME="$work" timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --ignore-certificate-errors-spki-list="$spki" --window-size=412,915 \
    "$@" 2>>"$work/chromium.log"
}
# The page in Chromium: its DOM must contain every WANT (and not "NOT:text" ones); then a screenshot NAME.
look() {
  local name=$1 dom
  shift
  dom=$(chrome --dump-dom "$page") || fail "chromium --dump-dom failed: $(tail -5 "$work/chromium.log")"
  for want in "$@"; do
    if [[ "$want" == NOT:* ]]; then
      ! grep -qF -- "${want#NOT:}" <<<"$dom" || { echo "$dom"; fail "$name: the page in Chromium says '${want#NOT:}'"; }
    else
      grep -qF -- "$want" <<<"$dom" || { echo "$dom"; fail "$name: the page in Chromium does not say '$want'"; }
    fi
  done
  chrome --screenshot="$shots/$name.png" "$page" >/dev/null || fail "chromium --screenshot failed"
  [ -s "$shots/$name.png" ] || fail "no screenshot $name.png"
  echo "run.sh: $name: the page says $(sed -n 's:.*<p class="\(big\|box[^"]*\)"[^>]*>\([^<]*\)</p>.*:\2:p' <<<"$dom" | paste -sd'|')"
}
host() { "$kiosk" --role host --counter "Balie 2" "${common[@]}" --script "$here/$1" || fail "the host script $1 failed"; }

# Residents take H-001..H-003; the kiosk keeps running (and forwarding) until we stop it.
"$kiosk" --role walkin "${common[@]}" --script "$here/walkin.wps" >"$work/walkin.log" 2>&1 &
walkin_pid=$!
for _ in $(seq 600); do
  [ -s "$shots/phone-walkin-done.png" ] && break
  kill -0 "$walkin_pid" 2>/dev/null || fail "the walk-in kiosk ended early"
  sleep 0.1
done
[ -s "$shots/phone-walkin-done.png" ] || fail "the walk-in kiosk did not take three numbers"

await_page "Voor u in de rij: 2"
# No host has signed in yet: like the kiosk's ticket, the page does not guess the wait.
look phone-01-two-before "H-003" "Huurloket" "Voor u in de rij: 2" "Wachttijd: nog niet bekend" "NOT:geen nieuws" \
  "Gemeente Schiedam" "<title>H-003 Uw plek in de rij</title>"

host host-first.wps
await_page "U bent de volgende."
look phone-02-next "U bent de volgende." "NOT:Voor u in de rij" "NOT:geen nieuws"

host host-second.wps
await_page "U bent aan de beurt: ga naar Balie 2"
look phone-03-your-turn "U bent aan de beurt: ga naar Balie 2" "NOT:geen nieuws" \
  "<title>Aan de beurt: H-003 naar Balie 2</title>"

# The kiosk goes off: the central server hears nothing more. Three minutes later the page says so.
kill "$walkin_pid"
wait "$walkin_pid" 2>/dev/null || true
walkin_pid=
host advance.wps
await_page "geen nieuws van het wijkpunt"
look phone-04-stale "geen nieuws van het wijkpunt. De wachttijd kan anders zijn." "U bent aan de beurt: ga naar Balie 2"
echo "run.sh: screenshots in $shots"
