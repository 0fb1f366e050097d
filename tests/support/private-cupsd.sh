#!/usr/bin/env bash
# private-cupsd.sh: a throw-away CUPS scheduler for tests, benches and the demo (DESIGN.md: pitfalls on CUPS).
#
# It never touches the system cupsd and never runs cupsctl. Everything lives in one fresh folder under a short
# /tmp path (Unix sockets are limited to 108 bytes): ServerRoot, RequestRoot, TempDir, CacheDir, StateDir,
# logs, and a ServerBin made of links to /usr/lib/cups/*. cupsd runs in the foreground (-f) as a child of
# this script and listens ONLY on DIR/sock. Two queues are made with `lpadmin -h DIR/sock`:
#   wp-pdf     a PPD whose cupsFilter2 takes PDF (so pdftopdf runs), printing to file:DIR/out/ticket.pdf.
#              It describes an 80 mm receipt roll: default 80 x 150 mm, and a CustomPageSize 80 mm wide and
#              25 mm to 2 m long (IPP media-size-supported shows it as a range), so a job with
#              media/PageSize=Custom.80x<L>mm comes out as one upright page that long. The PPD stays in
#              DIR/wp-pdf.ppd (tests make a fixed-size queue from it).
#   wp-escpos  a raw queue whose device is the test backend wptest:DIR/out/escpos.bin. The backend (mode
#              0700, owned by root, so cupsd runs it as root) writes each job's bytes to that file and logs
#              the job in DIR/out/escpos-jobs.log. While the
#              flag file DIR/out/paper-out exists it says `STATE: +media-empty` and exits 4 (stop the queue,
#              like a printer out of paper) instead. Removing the flag and `cupsenable -h DIR/sock wp-escpos`
#              recovers it.
#
# Usage:
#   private-cupsd.sh run [-- COMMAND ARGS...]   start, run COMMAND with the variables below exported, stop.
#                                               Exits with COMMAND's status. Without a command: a shell.
#   private-cupsd.sh serve DIR                  start in DIR (empty or missing; made 0755), write DIR/env once
#                                               ready, then wait; SIGTERM/SIGINT/parent death stop cupsd and
#                                               remove DIR. This is what the C++ fixture (private_cupsd.h) runs.
#   private-cupsd.sh start                      serve in the background (for the demo); prints `export` lines:
#                                               eval "$(tests/support/private-cupsd.sh start)"
#   private-cupsd.sh stop DIR                   stop what `start` started.
#
# Variables in DIR/env and exported by `run`:
#   CUPS_SERVER          the socket (every CUPS client and libcups call in the child uses it)
#   WP_CUPS_DIR          the folder
#   WP_CUPS_SPOOL        RequestRoot (PreserveJobFiles No: no d* document files remain after a job)
#   WP_CUPS_ERROR_LOG    cupsd's error_log
#   WP_PDF_QUEUE         wp-pdf          WP_PDF_OUTPUT       DIR/out/ticket.pdf
#   WP_ESCPOS_QUEUE      wp-escpos       WP_ESCPOS_CAPTURE   DIR/out/escpos.bin
#   WP_ESCPOS_JOBS_LOG   DIR/out/escpos-jobs.log: "job-id byte-count" for every job the backend took
#   WP_PAPER_OUT_FLAG    DIR/out/paper-out
#
# Needs root (cupsd runs filters as lp and root-owned 0700 backends as root). WP_CUPSD_KEEP=1 keeps DIR on
# exit, for a look at the logs. WP_CUPSD_TIMEOUT (seconds, default 20) bounds the start-up.
set -euo pipefail

readonly PDF_QUEUE=wp-pdf
readonly ESCPOS_QUEUE=wp-escpos
readonly START_TIMEOUT="${WP_CUPSD_TIMEOUT:-20}"
readonly SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"

die() { echo "private-cupsd: $*" >&2; exit 2; }

write_config() {
  local dir="$1"
  mkdir -p "$dir"/{etc/ppd,spool/tmp,cache,state,log,ssl,out,bin/backend}
  chmod 0755 "$dir" "$dir/out"

  # ServerBin: links to the system's filters and backends, plus our test backend.
  local sub
  for sub in /usr/lib/cups/*; do
    [ "$(basename "$sub")" = backend ] && continue
    ln -s "$sub" "$dir/bin/$(basename "$sub")"
  done
  for sub in /usr/lib/cups/backend/*; do
    ln -s "$sub" "$dir/bin/backend/$(basename "$sub")"
  done
  write_backend "$dir/bin/backend/wptest"

  cat >"$dir/etc/cups-files.conf" <<EOF
# Written by private-cupsd.sh; nothing here points outside $dir except the system's read-only data.
ServerRoot $dir/etc
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
ServerBin $dir/bin
ServerKeychain $dir/ssl
CreateSelfSignedCerts no
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
Printcap $dir/state/printcap
FileDevice Yes
SystemGroup root
User lp
Group lp
SyncOnClose No
EOF

  cat >"$dir/etc/cupsd.conf" <<EOF
# Written by private-cupsd.sh: a Unix socket only, no network, no sharing, no browsing, no job files kept.
Listen $dir/sock
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
LogLevel info
MaxLogSize 0
PreserveJobFiles No
PreserveJobHistory Yes
MaxJobs 0
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF

  # The PDF queue's PPD: pdftopdf turns application/pdf into application/vnd.cups-pdf, which this printer
  # takes as it is (filter "-"): the file device receives the PDF after pdftopdf.
  cat >"$dir/wp-pdf.ppd" <<'EOF'
*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "WPPDF.PPD"
*Manufacturer: "Wijkpunt"
*Product: "(Wijkpunt test ticket printer)"
*ModelName: "Wijkpunt PDF ticket printer"
*ShortNickName: "Wijkpunt PDF ticket"
*NickName: "Wijkpunt PDF ticket printer"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*Throughput: "10"
*LandscapeOrientation: Plus90
*TTRasterizer: Type42
*cupsVersion: 2.4
*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"
*OpenUI *PageSize/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: X80MMY150MM
*PageSize X80MMY150MM/80 x 150 mm: "<</PageSize[226.77 425.20]/ImagingBBox null>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion/Media Size: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: X80MMY150MM
*PageRegion X80MMY150MM/80 x 150 mm: "<</PageSize[226.77 425.20]/ImagingBBox null>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: X80MMY150MM
*ImageableArea X80MMY150MM/80 x 150 mm: "11.34 0 215.43 425.20"
*DefaultPaperDimension: X80MMY150MM
*PaperDimension X80MMY150MM/80 x 150 mm: "226.77 425.20"
*% Roll paper: 80 mm wide (minimum and maximum width alike), 25 mm to 2 m long; the kiosk asks for the
*% length of each document (media=Custom.80x<length>mm). Points: 80 mm = 226.77, 25 mm = 70.87, 2 m = 5669.29.
*VariablePaperSize: True
*MaxMediaWidth: "226.77"
*MaxMediaHeight: "5669.29"
*HWMargins: 11.34 0 11.34 0
*NonUIOrderDependency: 10 AnySetup *CustomPageSize
*CustomPageSize True: "pop pop pop <</PageSize[5 -2 roll]/ImagingBBox null>>setpagedevice"
*ParamCustomPageSize Width: 1 points 226.77 226.77
*ParamCustomPageSize Height: 2 points 70.87 5669.29
*ParamCustomPageSize WidthOffset: 3 points 0 0
*ParamCustomPageSize HeightOffset: 4 points 0 0
*ParamCustomPageSize Orientation: 5 int 0 0
EOF
}

write_backend() {
  local path="$1"
  cat >"$path" <<'EOF'
#!/bin/sh
# wptest: Wijkpunt's test backend (tests/support/private-cupsd.sh). DEVICE_URI is wptest:/path/capture.bin;
# each job's bytes replace that file (written next to it, then renamed, so a reader sees whole jobs only),
# and a line "job-id byte-count" is appended to escpos-jobs.log in the same folder.
# While /path/paper-out exists (same folder) it reports paper-out and exits 4 (CUPS_BACKEND_STOP).
if [ $# -eq 0 ]; then
  echo 'direct wptest "Unknown" "Wijkpunt test backend"'
  exit 0
fi
capture="${DEVICE_URI#wptest:}"
flag="$(dirname "$capture")/paper-out"
if [ -e "$flag" ]; then
  echo "STATE: +media-empty" >&2
  echo "ERROR: Out of paper (test flag $flag)" >&2
  exit 4
fi
echo "STATE: -media-empty,media-low" >&2
if [ $# -ge 6 ]; then
  cat "$6" >"$capture.part" || exit 1
else
  cat >"$capture.part" || exit 1
fi
mv -f "$capture.part" "$capture" || exit 1
echo "$1 $(wc -c <"$capture")" >>"$(dirname "$capture")/escpos-jobs.log"
echo "INFO: Ready to print." >&2
exit 0
EOF
  chown root:root "$path"
  chmod 0700 "$path"
}

# scheduler_running SOCKET: lpstat -r exits 0 even when nothing listens, so read what it says.
scheduler_running() {
  local out
  out="$(lpstat -h "$1" -r 2>/dev/null || true)"
  [ "$out" = "scheduler is running" ]
}

serve() {
  local dir="$1"
  [ "$(id -u)" -eq 0 ] || die "needs root (cupsd runs its filters as lp and the test backend as root)"
  case "$dir" in /*) ;; *) die "serve needs an absolute folder, got '$dir'" ;; esac
  [ ${#dir} -le 80 ] || die "folder path too long for a Unix socket: $dir"
  if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then die "folder is not empty: $dir"; fi
  mkdir -p "$dir"

  local cupsd_pid="" child_pid=""
  cleanup() {
    trap - EXIT INT TERM HUP
    if [ -n "$child_pid" ]; then
      kill -TERM "$child_pid" 2>/dev/null || true
      wait "$child_pid" 2>/dev/null || true
    fi
    if [ -n "$cupsd_pid" ]; then
      kill -TERM "$cupsd_pid" 2>/dev/null || true
      wait "$cupsd_pid" 2>/dev/null || true
    fi
    if [ "${WP_CUPSD_KEEP:-0}" = 1 ]; then
      echo "private-cupsd: kept $dir" >&2
    else
      rm -rf "$dir"
    fi
  }
  trap cleanup EXIT
  trap 'exit 143' TERM
  trap 'exit 130' INT
  trap 'exit 129' HUP

  write_config "$dir"
  # cupsd is our child and dies with us even if we are killed with SIGKILL (parent-death signal).
  setpriv --pdeathsig TERM /usr/sbin/cupsd -f -c "$dir/etc/cupsd.conf" -s "$dir/etc/cups-files.conf" \
    </dev/null >>"$dir/log/cupsd.out" 2>&1 &
  cupsd_pid=$!

  local sock="$dir/sock" deadline=$((SECONDS + START_TIMEOUT))
  until [ -S "$sock" ] && scheduler_running "$sock"; do
    if ! kill -0 "$cupsd_pid" 2>/dev/null; then
      cat "$dir/log/cupsd.out" "$dir/log/error_log" >&2 2>/dev/null || true
      die "cupsd exited during start-up"
    fi
    [ $SECONDS -lt $deadline ] || die "cupsd did not answer on $sock within ${START_TIMEOUT}s"
    sleep 0.05
  done

  lpadmin -h "$sock" -p "$PDF_QUEUE" -E -v "file://$dir/out/ticket.pdf" -P "$dir/wp-pdf.ppd" \
    2>>"$dir/log/lpadmin.out" || die "lpadmin $PDF_QUEUE failed"
  lpadmin -h "$sock" -p "$ESCPOS_QUEUE" -E -v "wptest:$dir/out/escpos.bin" \
    2>>"$dir/log/lpadmin.out" || die "lpadmin $ESCPOS_QUEUE failed"
  lpstat -h "$sock" -p "$PDF_QUEUE" -p "$ESCPOS_QUEUE" >/dev/null 2>&1 || die "queues not visible after lpadmin"

  cat >"$dir/env.part" <<EOF
CUPS_SERVER=$sock
WP_CUPS_DIR=$dir
WP_CUPS_SPOOL=$dir/spool
WP_CUPS_ERROR_LOG=$dir/log/error_log
WP_PDF_QUEUE=$PDF_QUEUE
WP_PDF_OUTPUT=$dir/out/ticket.pdf
WP_ESCPOS_QUEUE=$ESCPOS_QUEUE
WP_ESCPOS_CAPTURE=$dir/out/escpos.bin
WP_ESCPOS_JOBS_LOG=$dir/out/escpos-jobs.log
WP_PAPER_OUT_FLAG=$dir/out/paper-out
EOF
  mv "$dir/env.part" "$dir/env"

  if [ $# -gt 1 ]; then
    shift
    # In the background so that a signal reaches our trap at once; stdin passed on explicitly.
    local rc=0
    exec 3<&0
    ( set -a; . "$dir/env"; set +a; exec "$@" ) <&3 3<&- &
    child_pid=$!
    wait "$child_pid" || rc=$?
    child_pid=""
    exit $rc
  fi
  # Wait for a signal; the wait returns early when cupsd dies on its own.
  wait "$cupsd_pid" || true
  cupsd_pid=""
  die "cupsd exited unexpectedly; see $dir/log/error_log"
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  serve)
    [ $# -eq 1 ] || die "usage: serve DIR"
    serve "$1"
    ;;
  run)
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || set -- "${SHELL:-/bin/sh}"
    dir="$(mktemp -d /tmp/wpc.XXXXXX)"
    serve "$dir" "$@"
    ;;
  start)
    dir="$(mktemp -d /tmp/wpc.XXXXXX)"
    setsid "$SELF" serve "$dir" </dev/null >"$dir.log" 2>&1 &
    echo $! >"$dir.pid"
    deadline=$((SECONDS + START_TIMEOUT + 5))
    until [ -f "$dir/env" ]; do
      kill -0 "$(cat "$dir.pid")" 2>/dev/null || { cat "$dir.log" >&2; rm -f "$dir.pid" "$dir.log"; die "start failed"; }
      [ $SECONDS -lt $deadline ] || die "start timed out; see $dir.log"
      sleep 0.05
    done
    sed 's/^/export /' "$dir/env"
    ;;
  stop)
    [ $# -eq 1 ] || die "usage: stop DIR"
    dir="${1%/}"
    [ -f "$dir.pid" ] || die "no $dir.pid: not started by 'start'?"
    pid="$(cat "$dir.pid")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -0 "$pid" 2>/dev/null && die "serve process $pid did not stop"
    rm -f "$dir.pid" "$dir.log"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$SELF" | sed '$d' | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
