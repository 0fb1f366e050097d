#!/usr/bin/env bash
# Central bench: intake over HTTPS with keep-alive and client certificates at 1, 8 and 64
# concurrent clients, every request durably stored (fsync'd before its 201), against nginx answering 201
# with a fixed body over TLS on this machine (the ceiling), driven by the same libcurl load client
# (tests/bench/central_load.cpp). Then the outbox drain: 10,000 requests queued at the kiosk during an
# outage, delivered once the server is back. Its own command, never a ctest test (DESIGN.md: Testing).
# From the repository root:
#
#   tests/bench/central-bench.sh
#
# Environment:
#   SECONDS_PER_RUN=5   length of each load run
#   RUNS=3              runs per concurrency and side, alternating central / nginx; medians are reported
#   DRAIN=10000         requests queued for the drain (0: skip)
#   DRAIN_PARALLEL=4    sender threads (connections) of the drain
#   BUILD=build-central-bench   the RelWithDebInfo build folder it uses
# Loopback only. Installs nginx (provisioning/debian-packages-bench.txt), builds what it needs, prints a
# table of medians and writes it with every run to $BUILD/central-bench-results.txt. Ends every process it
# started and removes its temp folder, also on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-5}"
RUNS="${RUNS:-3}"
DRAIN="${DRAIN:-10000}"
DRAIN_PARALLEL="${DRAIN_PARALLEL:-4}"
BUILD="${BUILD:-build-central-bench}"

if ! command -v nginx >/dev/null 2>&1; then
  provisioning/install-deps.sh provisioning/debian-packages-bench.txt
fi
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target wijkpunt-central wp-outbox-tool wp-central-load >/dev/null

tmp="$(mktemp -d /tmp/wp-central-bench-XXXXXX)"
pids=()
nginx_pid=""
cleanup() {
  # nginx's master stops its workers on TERM; a KILLed master would leave them running.
  if [ -n "$nginx_pid" ]; then
    kill -TERM "$nginx_pid" 2>/dev/null || true
    for _ in $(seq 1 250); do kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.02; done
    kill -9 "$nginx_pid" 2>/dev/null || true
  fi
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

central="$BUILD/central/wijkpunt-central"
tool="$BUILD/tests/integration/wp-outbox-tool"
load="$BUILD/tests/integration/wp-central-load"
results="$BUILD/central-bench-results.txt"
: > "$results"

tests/support/make-test-pki.sh "$tmp/pki" >/dev/null
pki="$tmp/pki"

. tests/support/central-config.sh

start_central() {  # dir [port]
  local dir="$1" port="${2:-0}"
  mkdir -p "$dir"
  # The demo's central config with this PKI, tuned for load: many threads, long keep-alive, big batches,
  # every load connection from one address.
  wp_central_config "$pki" --set "port = $port" --set 'port_file = "port"' --set 'threads = 160' \
    --set 'keep_alive_max_requests = 1000000' --set 'max_batch = 256' \
    --set 'max_connections_per_source = 1024' --set 'max_connections = 2048' > "$dir/central.toml"
  local started=0
  wp_start_central "$central" "$dir/central.toml" "$dir/port" "$dir/central.log" || started=$?
  pids+=("$central_pid")
  return "$started"
}

# nginx: TLS with the same server certificate, asking for the same client certificate, answering 201.
nginx_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p "$tmp/nginx/logs"
cat > "$tmp/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $pki/server.crt;
    ssl_certificate_key $pki/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_client_certificate $pki/ca.crt;
    ssl_verify_client optional;
    location = /v1/requests {
      default_type application/json;
      return 201 '{"reference":"SGN-K2-7KQ4XD-3","status":"received"}';
    }
  }
}
CONF
nginx -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
for _ in $(seq 1 200); do [ -s "$tmp/nginx/nginx.pid" ] && break; sleep 0.02; done

start_central "$tmp/central"
echo "central on $central_port, nginx on $nginx_port; $RUNS runs of ${SECONDS_PER_RUN}s per level" | tee -a "$results"
"$load" --fsync-probe "$tmp" --seconds 3 | tee -a "$results"

offset=0
run_load() {  # side clients offset (a fresh range of reference codes per run)
  local side="$1" clients="$2" offset="$3" url
  if [ "$side" = central ]; then url="https://127.0.0.1:$central_port"; else url="https://127.0.0.1:$nginx_port"; fi
  "$load" --url "$url" --ca "$pki/ca.crt" --cert "$pki/kiosk.crt" --key "$pki/kiosk.key" \
    --clients "$clients" --seconds "$SECONDS_PER_RUN" --offset "$offset"
}

declare -A rps p99
created_total=0
for clients in 1 8 64; do
  for run in $(seq 1 "$RUNS"); do
    for side in central nginx; do
      offset=$((offset + 20000000))
      line="$(run_load "$side" "$clients" "$offset")"
      echo "$side $line" >> "$results"
      r="$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["rps"], d["p99_ms"], d["created"], d["other_status"]+d["transport_errors"])' "$line")"
      read -r x y c e <<<"$r"
      [ "$e" = 0 ] || { echo "central-bench: $side at $clients clients had $e failed requests" >&2; exit 1; }
      [ "$side" = central ] && created_total=$((created_total + c))
      rps["$side,$clients"]+="$x "
      p99["$side,$clients"]+="$y "
    done
  done
done

# Every 201 of the central server is a stored row.
stored="$("$load" --count-db "$tmp/central/central.db" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])')"
echo "central answered 201 to $created_total requests; $stored rows stored" | tee -a "$results"
[ "$stored" = "$created_total" ] || { echo "central-bench: stored rows differ from 201s" >&2; exit 1; }

median() { python3 -c 'import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:]),2))' "$@"; }
{
  printf '\n%-8s %14s %12s %14s %12s %10s\n' clients "central req/s" "central p99" "nginx req/s" "nginx p99" "ratio"
  for clients in 1 8 64; do
    cr="$(median ${rps[central,$clients]})"; cp="$(median ${p99[central,$clients]})"
    nr="$(median ${rps[nginx,$clients]})"; np="$(median ${p99[nginx,$clients]})"
    ratio="$(python3 -c "print(round($cr/$nr,3))")"
    printf '%-8s %14s %10sms %14s %10sms %10s\n' "$clients" "$cr" "$cp" "$nr" "$np" "$ratio"
  done
} | tee -a "$results"

# The drain: DRAIN requests committed at the kiosk while the server is down, then delivered.
if [ "$DRAIN" -gt 0 ]; then
  kill "$central_pid"; wait "$central_pid" 2>/dev/null || true
  t0=$(date +%s.%N)
  "$tool" enqueue --db "$tmp/kiosk.db" --count "$DRAIN" --seed 42 >/dev/null
  t1=$(date +%s.%N)
  start_central "$tmp/drain"
  t2=$(date +%s.%N)
  "$tool" send --db "$tmp/kiosk.db" --url "https://127.0.0.1:$central_port" --ca "$pki/ca.crt" \
    --cert "$pki/kiosk.crt" --key "$pki/kiosk.key" --parallel "$DRAIN_PARALLEL" --until-empty --timeout-s 600 >/dev/null
  t3=$(date +%s.%N)
  drained="$("$load" --count-db "$tmp/drain/central.db" | python3 -c 'import json,sys; print(json.load(sys.stdin)["requests"])')"
  python3 - "$t0" "$t1" "$t2" "$t3" "$DRAIN" "$drained" "$DRAIN_PARALLEL" <<'PY' | tee -a "$results"
import sys
t0, t1, t2, t3 = map(float, sys.argv[1:5]); n, stored, par = int(sys.argv[5]), int(sys.argv[6]), sys.argv[7]
print(f"\noutbox drain: {n} requests queued in {t1-t0:.1f} s (one durable commit each);")
print(f"  delivered in {t3-t2:.1f} s after the server came back ({n/(t3-t2):.0f} req/s, {par} sender connections);")
print(f"  stored at the server: {stored}")
PY
  [ "$drained" = "$DRAIN" ] || { echo "central-bench: drain stored $drained of $DRAIN" >&2; exit 1; }
fi
echo "results in $results"
