#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: installs every package, builds, runs ctest.
# Slow suites (labels "slow") stay out; they have their own commands. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/provisioning/install-deps.sh"
"$root/provisioning/build.sh"
build="${BUILD_DIR:-$root/build}"
ctest --test-dir "$build" --output-on-failure --label-exclude slow --parallel "$(nproc)" --timeout 600
