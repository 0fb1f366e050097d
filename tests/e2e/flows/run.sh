#!/usr/bin/env bash
# run.sh KIOSK CENTRAL CASE: one resident request flow end to end. The real central server runs on
# loopback with a test PKI made now (tests/support/make-test-pki.sh); the walk-in kiosk prints through a
# private cupsd (tests/support/private-cupsd.sh) and walks CASE.wps through the on-screen keyboard. Then:
#   - the request arrives at the central server, at the right team, with the right type, category and fields
#     (read back through the back-office API with a team member's token, as a team would);
#   - the receipt came out of the PDF queue and shows the same reference code, the status page's address in
#     letters, the contact point's phone number and opening hours and the case's own lines (what it is about,
#     how the resident hears), and no phone number, e-mail address, name or address.
# CASE is question, callback, home-visit, initiative or compliment; the expected team and fields are below.
# compliment is a request type that only content makes: the shipped content is copied, and the spec, texts
# and start tile of compliment/ are added to the copy, which both the kiosk and the central server read.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 central=$2 case=$3
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}/flows"
work=$(mktemp -d /tmp/wp-e2e-flows.XXXXXX)
central_pid=
cleanup() {
  [ -n "$central_pid" ] && kill "$central_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$shots"

# What each case must deliver: team, type, category, and the exact fields ("name=value" lines; a value
# ending in * matches any value with that start); paper: lines its receipt shows besides every receipt's.
paper=()
case "$case" in
  question)
    team=huurloket type=question category=huur
    fields=$'topic=repairs-landlord\ntext=de kraan lekt\ncontact=phone\nphone=0612345678\npreferred_time=morning'
    private=(0612345678 "de kraan lekt")
    paper=("Over: De verhuurder doet niets" "U krijgt antwoord via de telefoon. Wij bellen u.")
    ;;
  callback)
    team=huurloket type=callback category=huur
    fields=$'topic=repairs-landlord\nphone=0101234567\npreferred_time=afternoon'
    private=(0101234567)
    paper=("Over: De verhuurder doet niets")
    ;;
  home-visit)
    team=wijkteam type=home-visit category=zorg
    fields=$'topic=household\nname=truus de vries\npostcode=3121 AB\nhouse_number=12\nphone=0612345678\npreferred_time=monday,thursday morning\nsomeone_present=yes'
    private=(0612345678 "truus" "3121")
    ;;
  initiative)
    team=initiatief type=initiative category=
    fields=$'title=bankjes bij de speeltuin\ndescription=twee bankjes voor ouders\nlocation=nieuwe passage\ninitiators=neighbours\nhelp=money,coach\nbudget=250-1000\nwhen=1-3-months\nname=ali yilmaz\nemail=ali@example.org'
    private=("ali@example.org" "yilmaz")
    ;;
  compliment)
    team=wijkteam type=compliment category=
    fields=$'for_whom=host\ntext=wat een fijne hulp'
    private=("fijne hulp")
    ;;
  *) echo "run.sh: unknown case $case" >&2; exit 2 ;;
esac

# The content both sides read: the shipped one, or for compliment a copy with the new type added.
content="$root/content"
if [ "$case" = compliment ]; then
  content="$work/content"
  cp -r "$root/content" "$content"
  cp "$here/compliment/compliment.toml" "$content/requests/"
  cat "$here/compliment/tile.toml" >>"$content/content.toml"
  for lang in nl en tr pl uk; do cat "$here/compliment/texts/$lang.toml" >>"$content/texts/$lang.toml"; done
fi

# The central server: a PKI, the demo's config (kiosk K2 of SGN, the demo's routing), a team token.
. "$root/tests/support/central-config.sh"
"$root/tests/support/make-test-pki.sh" "$work/pki" >/dev/null
wp_central_config "$work/pki" >"$work/central.toml"
printf '\n[requests]\nspec_dir = "%s/requests"\n' "$content" >>"$work/central.toml"
token=$("$central" --config "$work/central.toml" token create --name "E2E $team" --role team --team "$team")
wp_start_central "$central" "$work/central.toml" "$work/central.port" "$work/central.log" || exit 1
port=$central_port

# The kiosk: the demo's printing settings with absolute content paths and this central server.
wp_kiosk_config "$root/provisioning/demo/printing.toml" "$work/pki" "https://127.0.0.1:$port" |
  sed "s|^content = .*|content = \"$content\"|" >"$work/kiosk.toml"

api() { curl -sS --cacert "$work/pki/ca.crt" -H "Authorization: Bearer $token" "https://127.0.0.1:$central_public_port$1"; }

walk() {
  # The script walks to the done screen (its last screenshot) and then waits; the outbox sender delivers
  # meanwhile. We stop the kiosk once the request is at the central server and the receipt is printed.
  local done_shot="$shots/$case-nl-99-done.png"
  rm -f "$done_shot" "$WP_PDF_OUTPUT"
  SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy "$kiosk" --config "$work/kiosk.toml" --script "$here/$case.wps" \
    --clock-start "2026-11-26 10:00" --data-dir "$work/data" --screenshot-dir "$shots" \
    --speech-log "$work/speech.log" >"$work/kiosk.log" 2>&1 &
  local kpid=$! listed=
  for _ in $(seq 600); do
    if ! kill -0 "$kpid" 2>/dev/null; then
      wait "$kpid" && rc=0 || rc=$?
      echo "run.sh: the kiosk ended (exit $rc) before the request arrived:"; cat "$work/kiosk.log"; return 1
    fi
    if [ -s "$done_shot" ] && [ -s "$WP_PDF_OUTPUT" ]; then
      listed=$(api "/v1/backoffice/requests?type=$type")
      [ "$(jq '.requests | length' <<<"$listed")" -ge 1 ] && break
    fi
    sleep 0.1
  done
  kill "$kpid" 2>/dev/null || true
  wait "$kpid" 2>/dev/null || true
  [ -n "$listed" ] && [ "$(jq '.requests | length' <<<"$listed")" -eq 1 ] ||
    { echo "run.sh: no single $type request at team $team: $listed"; cat "$work/kiosk.log"; cat "$work/central.log"; return 1; }
  echo "run.sh: the walk said aloud:"; sed 's/^/  /' "$work/speech.log" || true

  # At the central server: one request, at the right team, with the right fields.
  local ref got
  ref=$(jq -r '.requests[0].reference' <<<"$listed")
  got=$(api "/v1/backoffice/requests/$ref")
  echo "run.sh: the central server has $ref: $(jq -c '{type, category, team, fields}' <<<"$got")"
  [ "$(jq -r .team <<<"$got")" = "$team" ] || { echo "run.sh: team is not $team"; return 1; }
  [ "$(jq -r .type <<<"$got")" = "$type" ] || { echo "run.sh: type is not $type"; return 1; }
  [ "$(jq -r .category <<<"$got")" = "$category" ] || { echo "run.sh: category is not '$category'"; return 1; }
  [ "$(jq -r .flagged <<<"$got")" = false ] || { echo "run.sh: flagged (no routing rule matched)"; return 1; }
  while IFS= read -r line; do
    local name=${line%%=*} want=${line#*=} value
    value=$(jq -r --arg n "$name" '.fields[$n] // "<missing>"' <<<"$got")
    if [[ "$want" == *'*' ]]; then
      [[ "${value,,}" == "${want%\*}"* ]] || { echo "run.sh: field $name is '$value', want '$want'"; return 1; }
    else
      [ "${value,,}" = "${want,,}" ] || { echo "run.sh: field $name is '$value', want '$want'"; return 1; }
    fi
  done <<<"$fields"

  # On paper: the same code, and nothing personal.
  local text
  text=$(pdftotext "$WP_PDF_OUTPUT" - 2>/dev/null || true)
  cp "$WP_PDF_OUTPUT" "$shots/$case-receipt.pdf"
  grep -qF -- "$ref" <<<"$text" || { echo "run.sh: the receipt does not show $ref; it says:"; echo "$text"; return 1; }
  # Lines may wrap anywhere on the 80 mm paper: compared without their spaces and line breaks.
  local flat want
  flat=$(tr -d ' \n' <<<"$text")
  for want in "${paper[@]}" "Bel het wijkpunt: 010 246 9300" "Het wijkpunt is open: maandag tot en met woensdag" \
    "wijkpunt.schiedam.nl/status/$ref"; do
    [[ "$flat" == *"${want// /}"* ]] || { echo "run.sh: the receipt does not say '$want'; it says:"; echo "$text"; return 1; }
  done
  for p in "${private[@]}"; do
    if grep -qiF -- "$p" <<<"$text"; then echo "run.sh: the receipt shows '$p'"; return 1; fi
  done
  echo "run.sh: the receipt shows $ref and nothing personal:"; sed -e '/^\s*$/d' -e 's/^/  | /' <<<"$text"
}
export -f walk api
export kiosk work shots case type team category fields token port central_public_port here
# Arrays do not cross bash -c: pass them as one string per line.
printf '%s\n' "${private[@]}" >"$work/private"
printf '%s\n' "${paper[@]}" >"$work/paper"
"$root/tests/support/private-cupsd.sh" run -- bash -c 'mapfile -t private <"$work/private"; mapfile -t paper <"$work/paper"; walk'
