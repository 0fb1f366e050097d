#!/usr/bin/env bash
# Fails (and lists the files) when clang-format would change any C++ file of the tree. Part of the test
# suite (ctest: lint.format); fix with `clang-format -i FILE...`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.h')
else
  mapfile -t files < <(find common kiosk drivers central provisioning tests -name '*.cpp' -o -name '*.h')
fi
mapfile -t files < <(for f in "${files[@]}"; do [ -f "$f" ] && echo "$f"; done)
# One clang-format for every file (one per file takes minutes on a loaded machine); it names each file it
# would change in a "warning:" line.
mapfile -t bad < <(clang-format --dry-run "${files[@]}" 2>&1 | sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: warning:.*/\1/p' |
  sort -u)
if [ ${#bad[@]} -gt 0 ]; then
  echo "check-format: clang-format would change ${#bad[@]} file(s):"
  printf '  %s\n' "${bad[@]}"
  echo "fix: clang-format -i ${bad[*]}"
  exit 1
fi
echo "check-format: ${#files[@]} files formatted"
