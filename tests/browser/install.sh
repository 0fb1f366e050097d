#!/usr/bin/env bash
# Installs the browser tests' npm packages (puppeteer-core, axe-core and what they need) exactly as
# tests/browser/package-lock.json pins them, into tests/browser/node_modules (`npm ci`). Does nothing when
# that lock file is installed already. Run by provisioning/install-deps.sh and by the ctest fixture
# browser.npm_ci; the browser is Debian's chromium, so nothing else is downloaded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stamp=node_modules/.installed-package-lock.json
if [ -f "$stamp" ] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
command -v npm >/dev/null || { echo "browser tests: npm is missing (run provisioning/install-deps.sh)" >&2; exit 2; }
echo "browser tests: installing the npm packages of tests/browser/package-lock.json"
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
