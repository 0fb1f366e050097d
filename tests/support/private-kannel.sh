#!/usr/bin/env bash
# private-kannel.sh: a throw-away Kannel SMS gateway for tests and the demo, with its fake SMSC.
#
# It never touches the system's Kannel (/etc/kannel, the kannel service). Everything lives in one fresh folder
# under /tmp: the configuration, the logs, and what the fake SMSC received. Three processes run as children
# of this script, on loopback ports chosen free at start: bearerbox (the core), fakesmsc (Kannel's fake
# SMSC from kannel-extras, connected to bearerbox's "fake" SMSC; it prints every message it receives as
# "Got message N: <from to text|ucs-2 TEXT>"), and smsbox (the HTTP sendsms interface the kiosk calls).
#
# Usage:
#   private-kannel.sh run [-- COMMAND ARGS...]   start, run COMMAND with the variables below exported, stop
#                                                (also on failure). Exits with COMMAND's status.
#
# Variables exported for COMMAND:
#   WP_KANNEL_DIR        the folder (removed at the end; WP_KANNEL_KEEP=1 keeps it for a look at the logs)
#   WP_SMS_URL           http://127.0.0.1:PORT/cgi-bin/sendsms
#   WP_SMS_USERNAME, WP_SMS_PASSWORD   the sendsms user
#   WP_FAKESMSC_LOG      what the fake SMSC printed: one "Got message" line per message delivered
#   WP_KANNEL_PIDS       "bearerbox smsbox fakesmsc" process ids (a test may stop bearerbox to take the
#                        gateway down)
set -euo pipefail

readonly START_TIMEOUT="${WP_KANNEL_TIMEOUT:-20}"
die() { echo "private-kannel: $*" >&2; exit 2; }

[ "${1:-}" = run ] || die "usage: private-kannel.sh run [-- COMMAND ARGS...]"
shift
[ "${1:-}" = -- ] && shift
for bin in /usr/sbin/bearerbox /usr/sbin/smsbox /usr/lib/kannel/test/fakesmsc; do
  [ -x "$bin" ] || die "$bin is missing (Debian packages kannel and kannel-extras)"
done

dir=$(mktemp -d /tmp/wp-kannel.XXXXXX)
pids=()
stop() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  [ "${WP_KANNEL_KEEP:-}" = 1 ] && echo "private-kannel: kept $dir" >&2 || rm -rf "$dir"
}
trap stop EXIT

# Four free loopback ports, asked from the kernel (port 0) and released just before Kannel takes them.
read -r admin_port box_port smsc_port http_port < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
PY
)
password="test-$(od -An -tx4 -N8 /dev/urandom | tr -d ' \n')"
cat >"$dir/kannel.conf" <<EOF
# Written by private-kannel.sh; everything it names is in $dir or on loopback.
group = core
admin-port = $admin_port
admin-interface = 127.0.0.1
admin-password = $password
smsbox-port = $box_port
box-allow-ip = "127.0.0.1"
log-file = "$dir/bearerbox.log"
log-level = 1
access-log = "$dir/access.log"

group = smsc
smsc = fake
smsc-id = fake
host = 127.0.0.1
port = $smsc_port
connect-allow-ip = "127.0.0.1"

group = smsbox
bearerbox-host = 127.0.0.1
sendsms-port = $http_port
sendsms-interface = 127.0.0.1
log-file = "$dir/smsbox.log"
log-level = 1

group = sendsms-user
username = wijkpunt
password = $password
concatenation = true
max-messages = 3

# Messages from phones are not used; one catch-all service keeps smsbox from complaining.
group = sms-service
keyword = default
catch-all = yes
text = "Wijkpunt"
EOF

wait_for_port() {
  local port=$1 what=$2 _
  for _ in $(seq $((START_TIMEOUT * 10))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "private-kannel: $what did not listen on $port; its log:" >&2
  cat "$dir"/*.log "$dir"/*.out >&2 2>/dev/null || true
  exit 2
}

/usr/sbin/bearerbox -v 1 "$dir/kannel.conf" >"$dir/bearerbox.out" 2>&1 &
pids+=($!)
wait_for_port "$box_port" bearerbox
# -m 0: the fake SMSC sends nothing itself; it only prints what bearerbox delivers to it.
/usr/lib/kannel/test/fakesmsc -H 127.0.0.1 -r "$smsc_port" -m 0 "1 2 text x" >"$dir/fakesmsc.out" 2>&1 &
pids+=($!)
/usr/sbin/smsbox -v 1 "$dir/kannel.conf" >"$dir/smsbox.out" 2>&1 &
pids+=($!)
wait_for_port "$http_port" smsbox
# Messages are delivered once bearerbox has the fake SMSC connected.
for _ in $(seq $((START_TIMEOUT * 10))); do
  grep -q "Fakesmsc client connected" "$dir/bearerbox.log" 2>/dev/null && break
  sleep 0.1
done
grep -q "Fakesmsc client connected" "$dir/bearerbox.log" || die "the fake SMSC did not connect"

export WP_KANNEL_DIR="$dir"
export WP_SMS_URL="http://127.0.0.1:$http_port/cgi-bin/sendsms"
export WP_SMS_USERNAME=wijkpunt WP_SMS_PASSWORD="$password"
export WP_FAKESMSC_LOG="$dir/fakesmsc.out"
export WP_KANNEL_PIDS="${pids[0]} ${pids[2]} ${pids[1]}"
if [ $# -eq 0 ]; then set -- "${SHELL:-bash}"; fi
status=0
"$@" || status=$?
exit "$status"
