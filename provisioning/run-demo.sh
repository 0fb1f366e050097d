#!/usr/bin/env bash
# The demo on a fresh Debian 12 machine: installs every package, builds, and starts the kiosk (walk-in
# role) on the shipped demo content. With a display it opens the kiosk in a window; without one it runs
# the kiosk under Xvfb, walks the start screen with the script runner and says where the screenshots are.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/provisioning/install-deps.sh"
"$root/provisioning/build.sh"
build="${BUILD_DIR:-$root/build}"
kiosk="$build/kiosk/app/wijkpunt-kiosk"
settings="$root/provisioning/demo/settings.toml"
out="${DEMO_OUT:-$build/demo}"
mkdir -p "$out/screenshots"

if [ -n "${DISPLAY:-}" ] && [ -z "${DEMO_HEADLESS:-}" ]; then
  echo "demo: starting the kiosk in a window on $DISPLAY (close the window to stop)"
  exec "$kiosk" --config "$settings" --role walkin --windowed --speech-log "$out/speech.log"
fi

echo "demo: no display, so the kiosk runs under Xvfb and walks the start screen"
SDL_VIDEODRIVER=x11 "$root/tests/support/with-xvfb.sh" -- \
  "$kiosk" --config "$settings" --role walkin --windowed \
  --script "$root/provisioning/demo/walk-start-screen.wps" \
  --screenshot-dir "$out/screenshots" --speech-log "$out/speech.log"
echo
echo "demo: screenshots of the kiosk are in $out/screenshots:"
ls -1 "$out/screenshots" | sed 's/^/  /'
echo "demo: what the kiosk read aloud (recorded) is in $out/speech.log"
echo "demo: printed tickets, the central server and the host console join the demo with their issues"
