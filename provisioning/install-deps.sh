#!/usr/bin/env bash
# Installs every Debian 12 package Wijkpunt needs (provisioning/debian-packages.txt), plus those of any
# extra list given as an argument (e.g. provisioning/debian-packages-bench.txt for the start-up bench).
# Run as root, or as a user with sudo. Skips the download when everything is already there. Then installs
# the browser tests' npm packages (tests/browser/install.sh), also only when they are not there.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lists=("$here/debian-packages.txt" "$@")
for list in "${lists[@]}"; do
  [ -r "$list" ] || { echo "install-deps: cannot read package list $list" >&2; exit 2; }
done
mapfile -t pkgs < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "${lists[@]}" | grep -v '^$' | awk '!seen[$0]++')

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#pkgs[@]} packages present"
else
  echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The browser tests' npm packages (tests/browser/package-lock.json). npm comes with the nodejs a machine has;
# only where that nodejs brought none (Debian's own) is Debian's npm added.
if ! command -v npm >/dev/null; then
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends npm
fi
"$here/../tests/browser/install.sh"
