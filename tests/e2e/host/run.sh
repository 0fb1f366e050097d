#!/usr/bin/env bash
# run.sh KIOSK CASE: the host console end to end, three processes sharing one database and one test clock.
#   roles     the walk-in role takes H-001..H-003; then the display and the host console run together:
#             the host calls, transfers, marks a no-show and serves; the display shows and speaks each call
#   lockout   the host console alone: PIN lockout and the console's idle lock
#   keyboard  the walk-in role takes H-001..H-011; the host signs in with the mouse and serves ten with the
#             keyboard alone (keyboard.wps), then calls the eleventh again and marks a no-show with keys;
#             prints the host's inputs for the ten
#   hand      inside a private cupsd (tests/support/private-cupsd.sh): the walk-in role takes H-001..H-003;
#             the host console, printing PDF tickets on the wp-pdf queue, adds W-001 without a slip and
#             H-004 with one, and sends H-001 from the waiting list to the Wijkteam, where it keeps its place
#             before W-001. The PDF that came out must carry H-004.
#   hand-paper-out  the same console on the ESC/POS queue with its paper out: the number added with a slip
#             shows as not printed ("write it down"), and the failed print reaches the alerts
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
base=(--data-dir "$work/data" --clock-file "$work/clock" --clock-start "2026-11-26 10:00" --screenshot-dir "$shots")
common=(--config "$root/provisioning/demo/settings.toml" "${base[@]}")

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
  keyboard)
    "$kiosk" --role walkin "${common[@]}" --script "$here/walkin_eleven.wps"
    "$kiosk" --role host --counter "Balie 2" "${common[@]}" --script "$here/keyboard.wps"
    serving=$(sed -n '/^# serving starts/,/^# serving ends/p' "$here/keyboard.wps")
    echo "run.sh: the host served 10 residents with $(grep -c '^key ' <<<"$serving") key presses" \
      "and $(grep -c '^tap ' <<<"$serving" || true) clicks"
    ;;
  hand|hand-paper-out)
    # This script again, inside the private cupsd (which exports CUPS_SERVER and WP_* for it).
    "$root/tests/support/private-cupsd.sh" run -- "${BASH_SOURCE[0]}" "$kiosk" "$case-inside"
    ;;
  hand-inside)
    "$kiosk" --role walkin "${common[@]}" --script "$here/walkin.wps"
    "$kiosk" --role host --counter "Balie 2" --config "$root/provisioning/demo/printing.toml" "${base[@]}" \
      --script "$here/hand.wps"
    text=$(pdftotext "$WP_PDF_OUTPUT" - 2>/dev/null || true)
    cp "$WP_PDF_OUTPUT" "$shots/host-hand-ticket.pdf" 2>/dev/null || true
    for want in H-004 "Wijkpunt Groenoord" Huurloket; do
      if ! grep -qF -- "$want" <<<"$text"; then
        echo "run.sh: the ticket the host printed does not say '$want'; it says:"; echo "$text"; exit 1
      fi
    done
    echo "run.sh: the ticket the host printed says H-004"
    ;;
  hand-paper-out-inside)
    touch "$WP_PAPER_OUT_FLAG"
    "$kiosk" --role host --counter "Balie 2" --config "$root/tests/e2e/ticket/settings-escpos.toml" "${base[@]}" \
      --script "$here/hand_paper_out.wps"
    if [ -s "$WP_ESCPOS_CAPTURE" ]; then echo "run.sh: paper-out printed something"; exit 1; fi
    ;;
  *) echo "run.sh: unknown case $case" >&2; exit 2 ;;
esac
