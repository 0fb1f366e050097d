#!/usr/bin/env bash
# run.sh KIOSK CASE: the host console end to end, three processes sharing one database and one test clock.
#   roles     the walk-in role takes H-001..H-003; then the display and the host console run together:
#             the host calls, transfers, marks a no-show and serves; the display shows and speaks each call
#   lockout   the host console alone: PIN lockout and the console's idle lock
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 case=$2
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/host"
work=$(mktemp -d /tmp/wp-e2e-host.XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy
common=(--config "$root/provisioning/demo/settings.toml" --data-dir "$work/data" --clock-file "$work/clock"
        --clock-start "2026-11-26 10:00" --screenshot-dir "$shots")

case "$case" in
  roles)
    "$kiosk" --role walkin "${common[@]}" --script "$here/walkin.wps"
    rm -f "$shots/display-empty.png"
    "$kiosk" --role display "${common[@]}" --script "$here/display.wps" --speech-log "$work/display-speech.log" &
    pids+=($!)
    display=$!
    # The display announces only calls made after its first look at the queue: the host starts once the
    # display has shown its empty board (its first screenshot).
    for _ in $(seq 600); do [ -s "$shots/display-empty.png" ] && break; sleep 0.1; done
    [ -s "$shots/display-empty.png" ] || { echo "run.sh: the display did not come up"; exit 1; }
    "$kiosk" --role host --counter "Balie 2" "${common[@]}" --script "$here/host.wps"
    wait "$display"
    echo "run.sh: the display said:"; cat "$work/display-speech.log"
    ;;
  lockout)
    "$kiosk" --role host "${common[@]}" --script "$here/lockout.wps"
    ;;
  *) echo "run.sh: unknown case $case" >&2; exit 2 ;;
esac
