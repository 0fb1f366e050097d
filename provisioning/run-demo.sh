#!/usr/bin/env bash
# The demo on a fresh Debian 12 machine: installs every package, builds, starts a private print queue
# (a throw-away cupsd, tests/support/private-cupsd.sh) and the kiosk (walk-in role) on the shipped demo
# content. With a display the kiosk opens in a window and prints real PDF tickets into the queue's folder.
# Without one it runs under Xvfb, walks the start screen and takes a ticket with the script runner, and
# says where the screenshots and the printed ticket are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/provisioning/install-deps.sh"
"$root/provisioning/build.sh"
build="${BUILD_DIR:-$root/build}"
kiosk="$build/kiosk/app/wijkpunt-kiosk"
demo="$root/provisioning/demo"
out="${DEMO_OUT:-$build/demo}"
rm -rf "$out"
mkdir -p "$out/screenshots" "$out/tickets" "$out/data"

if [ -n "${DISPLAY:-}" ] && [ -z "${DEMO_HEADLESS:-}" ]; then
  eval "$("$root/tests/support/private-cupsd.sh" start)"
  trap '"$root/tests/support/private-cupsd.sh" stop "$WP_CUPS_DIR"' EXIT
  echo "demo: the kiosk opens in a window on $DISPLAY (close it to stop)"
  echo "demo: printed tickets land in $WP_PDF_OUTPUT"
  "$kiosk" --config "$demo/printing.toml" --role walkin --windowed --data-dir "$out/data" \
    --speech-log "$out/speech.log"
  exit 0
fi

echo "demo: no display, so the kiosk runs under Xvfb (1080x1920, a real window) driven by its script runner"
# Thursday 26 November 2026, 10:00: the desks have walk-in hours, so the demo can take a number.
walk() {
  SDL_VIDEODRIVER=x11 "$root/tests/support/with-xvfb.sh" -- \
    "$kiosk" --role walkin --windowed --screenshot-dir "$out/screenshots" --speech-log "$out/speech.log" \
    --data-dir "$out/data" --clock-start "2026-11-26 10:00" "$@"
}
walk --config "$demo/settings.toml" --script "$demo/walk-start-screen.wps"
print_walk() {
  walk --config "$demo/printing.toml" --script "$demo/take-ticket.wps"
  # The private queue writes each job to one file; keep it before the queue goes away.
  for _ in $(seq 50); do [ -s "$WP_PDF_OUTPUT" ] && break; sleep 0.1; done
  cp "$WP_PDF_OUTPUT" "$out/tickets/ticket-H-001.pdf"
}
export -f walk print_walk
export root kiosk demo out
"$root/tests/support/private-cupsd.sh" run -- bash -c print_walk
pdftotext -layout "$out/tickets/ticket-H-001.pdf" "$out/tickets/ticket-H-001.txt"
pdftoppm -png -r 150 -singlefile "$out/tickets/ticket-H-001.pdf" "$out/tickets/ticket-H-001"

echo
echo "demo: screenshots of the kiosk are in $out/screenshots:"
ls -1 "$out/screenshots" | sed 's/^/  /'
echo "demo: the printed ticket is $out/tickets/ticket-H-001.pdf (as text: ticket-H-001.txt, as a picture: ticket-H-001.png):"
sed -e '/^\s*$/d' -e 's/^/  | /' "$out/tickets/ticket-H-001.txt"
echo "demo: what the kiosk read aloud (recorded) is in $out/speech.log"
echo "demo: the central server and the host console join the demo with their issues"
