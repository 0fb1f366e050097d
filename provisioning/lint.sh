#!/usr/bin/env bash
# Formatting and lint, its own command (not part of the test suite):
#   provisioning/lint.sh          clang-format check and clang-tidy on files changed against main's HEAD
#   provisioning/lint.sh --all    the same over the whole tree (slow: minutes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
build="${BUILD_DIR:-$root/build}"
[ -f "$build/compile_commands.json" ] || "$root/provisioning/build.sh"
if [ "${1:-}" = "--all" ]; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -E '^(common|kiosk|drivers|central|provisioning)/')
else
  mapfile -t files < <( (git diff --name-only HEAD; git ls-files --others --exclude-standard) | grep -E '^(common|kiosk|drivers|central|provisioning)/.*\.(cpp|h)$' | sort -u)
fi
[ ${#files[@]} -gt 0 ] || { echo "lint: nothing to check"; exit 0; }
status=0
clang-format --dry-run --Werror "${files[@]}" || status=1
cpp=()
for f in "${files[@]}"; do [[ $f == *.cpp ]] && cpp+=("$f"); done
[ ${#cpp[@]} -eq 0 ] || clang-tidy -p "$build" --quiet "${cpp[@]}" || status=1
exit $status
