#!/usr/bin/env bash
# run.sh KIOSK: opt-in text messages end to end, against the real Kannel with its fake SMSC
# (tests/support/private-kannel.sh). The walk-in role takes H-001..H-003, and H-004 for a resident who opts
# in with 06 12345678 (and H-005 in English, for the screenshots). A walk-in process then keeps running (its
# notifier sends the messages) while the host console at Balie 2 calls H-001 (H-004 is now near), serves
# H-001..H-003 and calls H-004. The fake SMSC must receive the "near" message and "Ga naar Balie 2", each
# once; the number must be in the kiosk database in sms_subscription only (never in a queue event or the
# outbox); once the host has served H-004 it must be gone from the database.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1
if [ -z "${WP_SMS_URL:-}" ]; then
  exec "$root/tests/support/private-kannel.sh" run -- "${BASH_SOURCE[0]}" "$kiosk"
fi
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/sms"
work=$(mktemp -d /tmp/wp-e2e-sms.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy

# The demo kiosk's settings with this gateway in [sms].
sed -e "s|^content = .*|content = \"$root/content\"|" -e "s|^themes = .*|themes = \"$root/themes\"|" \
  "$root/provisioning/demo/settings.toml" >"$work/settings.toml"
cat >>"$work/settings.toml" <<EOF

[sms]
url = "$WP_SMS_URL"
username = "$WP_SMS_USERNAME"
password = "$WP_SMS_PASSWORD"
sender = "Wijkpunt"
near_ahead = 2
EOF
common=(--config "$work/settings.toml" --data-dir "$work/data" --clock-file "$work/clock"
  --clock-start "2026-11-26 10:00" --screenshot-dir "$shots")
db="$work/data/kiosk.sqlite"
number=612345678  # the resident's number without its leading 0 or +31, as it would appear anywhere

fail() { echo "run.sh: $*"; echo "run.sh: the fake SMSC received:"; grep "Got message" "$WP_FAKESMSC_LOG" || true; exit 1; }
# Waits up to 20 s for the fake SMSC to print line.
arrives() {
  local _
  for _ in $(seq 200); do grep -qF -- "$1" "$WP_FAKESMSC_LOG" && return 0; sleep 0.1; done
  return 1
}

"$kiosk" --role walkin "${common[@]}" --script "$here/walkin.wps"
"$kiosk" --role walkin "${common[@]}" --script "$here/walkin_en.wps"

# Where the number is now: in sms_subscription and nowhere else (not in queue_event, not in the outbox).
leaks=$(sqlite3 "$db" .dump | grep -F "$number" | grep -v '^INSERT INTO sms_subscription ' || true)
[ -z "$leaks" ] || fail "the number is stored outside sms_subscription: $leaks"
sqlite3 "$db" .dump | grep "^INSERT INTO sms_subscription .*+31$number" >/dev/null || fail "the opt-in was not stored"

# The walk-in role sends; it runs while the host calls (no script: it keeps running on the shared clock).
"$kiosk" --role walkin "${common[@]}" &
pids+=($!)
"$kiosk" --role host --counter "Balie 2" "${common[@]}" --script "$here/host.wps"
arrives "<Wijkpunt +31$number text Wijkpunt: nummer H-004 is bijna aan de beurt. Voor u in de rij: 2.>" ||
  fail "no 'near' message"
"$kiosk" --role host --counter "Balie 2" "${common[@]}" --script "$here/host_call.wps"
arrives "<Wijkpunt +31$number text Wijkpunt: nummer H-004 is aan de beurt. Ga naar Balie 2.>" ||
  fail "no 'called' message"
[ "$(grep -c "Got message" "$WP_FAKESMSC_LOG")" = 2 ] || fail "expected exactly two messages"
echo "run.sh: the fake SMSC received:"; grep "Got message" "$WP_FAKESMSC_LOG"

# Served: the number is deleted from the kiosk database.
"$kiosk" --role host --counter "Balie 2" "${common[@]}" --script "$here/host_done.wps"
for _ in $(seq 100); do
  [ "$(sqlite3 "$db" 'SELECT COUNT(*) FROM sms_subscription')" = 0 ] && break
  sleep 0.1
done
if sqlite3 "$db" .dump | grep -F "$number" >/dev/null; then fail "the number is still in the kiosk database"; fi
[ "$(grep -c "Got message" "$WP_FAKESMSC_LOG")" = 2 ] || fail "a message was sent twice"
echo "run.sh: the number is gone from the kiosk database"
