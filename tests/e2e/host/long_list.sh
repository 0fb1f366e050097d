#!/usr/bin/env bash
# long_list.sh KIOSK: the host console alone on a fresh database (long_list.wps): more waiting tickets than
# the Huurloket's column holds; every one is reachable by paging with "Meer H" and "Vorige H".
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/host"
work=$(mktemp -d /tmp/wp-e2e-list.XXXXXX)
trap 'rm -rf "$work"' EXIT
SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --role host --counter "Balie 2" \
  --config "$root/provisioning/demo/settings.toml" --data-dir "$work/data" --clock-file "$work/clock" \
  --clock-start "2026-11-26 10:00" --screenshot-dir "$shots" --script "$here/long_list.wps"
