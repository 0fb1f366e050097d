#!/usr/bin/env bash
# content-only.sh TYPE ROOT: fails when the request type TYPE is named anywhere in the code, the build files
# or the shipped content and provisioning of the tree at ROOT: adding a type must take content only.
set -euo pipefail
type=$1 root=$2
cd "$root"
found=$(grep -rIlw --exclude-dir=.git -- "$type" common kiosk drivers central provisioning content themes \
  CMakeLists.txt || true)
if [ -n "$found" ]; then
  echo "content-only.sh: '$type' is named in:"
  echo "$found" | sed 's/^/  /'
  exit 1
fi
echo "content-only.sh: '$type' is named in no code, build file or shipped content"
