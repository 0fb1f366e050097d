#!/usr/bin/env bash
# run.sh KIOSK CENTRAL: a kiosk looked after from the central server, end to end over real mutual TLS.
# The central server on loopback with a test PKI made now (its kiosk CA key as [enrollment] ca_key); an
# admin's personal token; an enroll token for contact point SGN. The walk-in kiosk starts with no
# certificate and only that token (walk.wps drives it headless): it enrolls on the public listener, its
# heartbeat arrives on the kiosk listener, and every command goes round: out-of-service (the screen shows
# the message and offers no tiles), in-service, screenshot (a PNG arrives), logs (the kiosk's log lines
# arrive) and restart (the process starts again and reports it). The spent token is refused afterwards.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 central=$2
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/fleet"
work=$(mktemp -d /tmp/wp-e2e-fleet.XXXXXX)
central_pid= kpid=
cleanup() {
  [ -n "$kpid" ] && kill "$kpid" 2>/dev/null || true
  [ -n "$central_pid" ] && kill "$central_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$shots"
rm -f "$shots"/fleet-*.png
fail() {
  echo "run.sh: $*" >&2
  [ -f "$work/kiosk.log" ] && { echo "--- kiosk log"; tail -40 "$work/kiosk.log"; } >&2
  [ -f "$work/central.log" ] && { echo "--- central log"; tail -40 "$work/central.log"; } >&2
  exit 1
}

. "$root/tests/support/central-config.sh"
"$root/tests/support/make-test-pki.sh" "$work/pki" >/dev/null
{
  wp_central_config "$work/pki"
  printf '\n[enrollment]\nca_key = "%s/ca.key"\n\n[fleet]\nheartbeat_seconds = 5\n' "$work/pki"
} >"$work/central.toml"
admin=$("$central" --config "$work/central.toml" token create --name "E2E admin" --role admin)
wp_start_central "$central" "$work/central.toml" "$work/central.port" "$work/central.log" || exit 1
public="https://127.0.0.1:$central_public_port"
api() {  # METHOD PATH [JSON]
  curl -sS --cacert "$work/pki/ca.crt" -H "Authorization: Bearer $admin" -X "$1" \
    ${3:+-H "Content-Type: application/json" --data "$3"} "$public$2"
}

# The enroll token, and a kiosk that knows only it and where the server is.
token=$(api POST /v1/fleet/enroll-tokens '{"contact_point":"SGN","hours":1}' | jq -r .token)
[ -n "$token" ] && [ "$token" != null ] || fail "no enroll token"
printf '%s\n' "$token" >"$work/token"
awk -v root="$root" '
  /^\[/ { skip = ($0 == "[central]" || $0 == "[kiosk]") }
  /^content = / { print "content = \"" root "/content\""; next }
  /^themes = / { print "themes = \"" root "/themes\""; next }
  !skip' "$root/provisioning/demo/settings.toml" >"$work/kiosk.toml"
cat >>"$work/kiosk.toml" <<TOML

[kiosk]

[central]
public_url = "https://wijkpunt.schiedam.nl"
api_url = "https://127.0.0.1:$central_port"
enroll_url = "$public"
enroll_token_file = "$work/token"
ca_file = "$work/pki/ca.crt"

[fleet]
heartbeat_s = 5
TOML

SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --script "$here/walk.wps" \
  --data-dir "$work/data" --screenshot-dir "$shots" >"$work/kiosk.log" 2>&1 &
kpid=$!

# Waits until GET PATH answers what the jq FILTER accepts; 60 s at most.
await() {  # DESCRIPTION PATH JQ-FILTER
  local got
  for _ in $(seq 600); do
    got=$(api GET "$2" 2>/dev/null || true)
    if jq -e "$3" <<<"$got" >/dev/null 2>&1; then return 0; fi
    kill -0 "$kpid" 2>/dev/null || fail "the kiosk ended while waiting for $1"
    sleep 0.1
  done
  fail "no $1: $got"
}
await_file() {
  for _ in $(seq 600); do
    [ -s "$1" ] && return 0
    kill -0 "$kpid" 2>/dev/null || fail "the kiosk ended before $1"
    sleep 0.1
  done
  fail "no $1"
}
send_command() {  # KIND [MESSAGE]: prints the new command's id
  local body
  body=$(jq -cn --arg kind "$1" --arg message "${2:-}" '{kind: $kind} + (if $message == "" then {} else {message: $message} end)')
  api POST "/v1/fleet/kiosks/$name/commands" "$body" | jq -r .id
}

# Enrollment: the key is the kiosk's own (0600), the certificate the server's, the token spent.
await_file "$work/data/identity/enrollment.toml"
[ "$(stat -c %a "$work/data/identity/kiosk.key")" = 600 ] || fail "the key is not 0600"
code=$(sed -n 's/^kiosk_code = "\(.*\)"/\1/p' "$work/data/identity/enrollment.toml")
name="SGN-$code"
openssl x509 -in "$work/data/identity/kiosk.crt" -noout -subject | grep -q "CN *= *kiosk-$name" ||
  fail "the certificate is not for $name"
grep -q "the token in .* is spent" "$work/kiosk.log" || fail "the log does not say the token is spent"
echo "run.sh: enrolled as $name"

# The heartbeat, and the kiosk in the fleet list.
await "$name's heartbeat" /v1/fleet/kiosks \
  ".kiosks[] | select(.kiosk == \"$name\") | select(.last_heard != null and .health.version != null)"
api GET /v1/fleet/kiosks | jq -c ".kiosks[] | select(.kiosk == \"$name\") | {kiosk, health}"

# Out of service, shown on the walk-in screen with the message.
await_file "$shots/fleet-01-start.png"
oos=$(send_command out-of-service "Storing, kom morgen terug")
await "out-of-service done" "/v1/fleet/commands/$oos" '.state == "done"'
await_file "$shots/fleet-02-out-of-service.png"
await "the kiosk out of service" /v1/fleet/kiosks \
  ".kiosks[] | select(.kiosk == \"$name\") | select(.health.in_service == false)"

# Back in service; a screenshot and the log.
back=$(send_command in-service)
await "in-service done" "/v1/fleet/commands/$back" '.state == "done"'
await_file "$shots/fleet-03-in-service.png"
shot=$(send_command screenshot)
logs=$(send_command logs)
await "the screenshot" "/v1/fleet/commands/$shot" '.state == "done" and .upload == "image/png"'
api GET "/v1/fleet/commands/$shot/upload" >"$shots/fleet-uploaded-screenshot.png"
[ "$(head -c 8 "$shots/fleet-uploaded-screenshot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
  fail "the uploaded screenshot is not a PNG"
await "the log" "/v1/fleet/commands/$logs" '.state == "done" and (.upload // "" | startswith("text/plain"))'
api GET "/v1/fleet/commands/$logs/upload" >"$work/uploaded.log"
grep -q "enrolled as $name" "$work/uploaded.log" || fail "the uploaded log lacks the enrollment line"
grep -q "fleet: command $oos (out-of-service) received" "$work/uploaded.log" || fail "the uploaded log lacks the commands"
echo "run.sh: screenshot $(stat -c %s "$shots/fleet-uploaded-screenshot.png") bytes, log $(wc -l <"$work/uploaded.log") lines"

# Restart: the same process id starts the program again, which reports the result.
restart=$(send_command restart)
await "restart done" "/v1/fleet/commands/$restart" '.state == "done"'
grep -q "starting again" "$work/kiosk.log" || fail "the kiosk did not start again"
kill "$kpid" 2>/dev/null || true
wait "$kpid" 2>/dev/null || true
kpid=

# The token is spent: a second enrollment with it is refused.
csr=$(openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout /dev/null -subj /CN=x 2>/dev/null)
status=$(curl -sS -o "$work/again.json" -w '%{http_code}' --cacert "$work/pki/ca.crt" -H "Content-Type: application/json" \
  --data "$(jq -cn --arg t "$token" --arg c "$csr" '{token: $t, csr: $c}')" "$public/v1/enroll")
[ "$status" = 403 ] && [ "$(jq -r .error.code "$work/again.json")" = enroll-token-spent ] ||
  fail "the spent token was not refused: $status $(cat "$work/again.json")"
echo "run.sh: enrolled, heard, out of service and back, screenshot, log and restart all went round"
