#!/usr/bin/env bash
# testssl-central.sh CENTRAL OUT: runs testssl (Debian package testssl.sh) against a wijkpunt-central
# started here on loopback, with a test PKI made now and the RSA server certificate (so that static-RSA
# suites could be offered at all), on its public listener (the kiosk listener has the same TLS policy and
# also requires a client certificate, which testssl.sh does not send). The page it looks at is a status
# page, for the headers of HTML pages. OUT gets testssl.json, testssl.log and summary.txt. Fails when
# testssl reports a finding of severity HIGH or CRITICAL. ctest runs it as security.testssl (label slow).
set -euo pipefail
central=$1 out=$2
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill ${central_pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
"$root/tests/support/make-test-pki.sh" "$work/pki" >/dev/null
. "$root/tests/support/central-config.sh"
wp_central_config "$work/pki" --content "$root/content" |
  sed -e 's|/server\.crt"|/server-rsa.crt"|' -e 's|/server\.key"|/server-rsa.key"|' >"$work/central.toml"
wp_start_central "$central" "$work/central.toml" "$work/central.port" "$work/central.log"
rm -f "$out/testssl.json"
testssl --quiet --color 0 --warnings off --sneaky --add-ca "$work/pki/ca.crt" --protocols --std --server-preference --server-defaults \
  --headers --vulnerable --jsonfile "$out/testssl.json" \
  "https://127.0.0.1:$central_public_port/status/AAA-AA-AAAAAA-A" >"$out/testssl.log" 2>&1 || true
[ -s "$out/testssl.json" ] || { echo "testssl wrote no results:"; cat "$out/testssl.log"; exit 1; }
# The test CA publishes no CRL or OCSP responder (cert_revocation): a property of the test PKI, not the server.
jq -r '.[] | select(.severity != "INFO" and .severity != "OK" and .severity != "DEBUG")
       | "\(.severity)\t\(.id)\t\(.finding)"' "$out/testssl.json" | sort >"$out/summary.txt"
echo "testssl.sh findings above INFO/OK (all results: $out/testssl.json):"
cat "$out/summary.txt"
if grep -vP '\tcert_revocation\t' "$out/summary.txt" | grep -qE '^(HIGH|CRITICAL)'; then
  echo "testssl-central: HIGH or CRITICAL findings"
  exit 1
fi
