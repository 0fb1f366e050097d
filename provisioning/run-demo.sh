#!/usr/bin/env bash
# The demo on a fresh Debian 12 machine: installs every package, builds, and starts the central server (on
# its embedded SQLite, with a PKI made on the spot), a private print queue (a throw-away cupsd,
# tests/support/private-cupsd.sh), the walk-in kiosk, the host console and the now-serving display on the
# shipped demo content. With a display the kiosk opens in a window and prints real PDF tickets into the
# queue's folder. Without one everything runs under Xvfb driven by the script runner — the start screen in
# five languages, a ticket taken and printed, an appointment booked and its slip printed, the host calling
# the ticket, the display showing and speaking it —
# and it says where the screenshots and the printed ticket are. Then the back office: a demo coordinator
# account set up like a person does it, screenshots of its pages, and its address and sign-in details printed;
# from a terminal the central server keeps running until Enter is pressed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/provisioning/install-deps.sh"
"$root/provisioning/build.sh"
build="${BUILD_DIR:-$root/build}"
kiosk="$build/kiosk/app/wijkpunt-kiosk"
demo="$root/provisioning/demo"
out="${DEMO_OUT:-$build/demo}"
rm -rf "$out"
mkdir -p "$out/screenshots" "$out/tickets" "$out/data"

if [ -n "${DISPLAY:-}" ] && [ -z "${DEMO_HEADLESS:-}" ]; then
  # With a screen: the walk-in kiosk in a window, printing into a private queue. The host console and the
  # display can be started beside it (see README.md: Running the kiosk) with --data-dir "$out/data".
  eval "$("$root/tests/support/private-cupsd.sh" start)"
  trap '"$root/tests/support/private-cupsd.sh" stop "$WP_CUPS_DIR"' EXIT
  echo "demo: the kiosk opens in a window on $DISPLAY (close it to stop)"
  echo "demo: printed tickets land in $WP_PDF_OUTPUT"
  "$kiosk" --config "$demo/printing.toml" --role walkin --windowed --data-dir "$out/data" \
    --speech-log "$out/speech.log"
  exit 0
fi

# The central server on its embedded SQLite, with a PKI made now (the kiosk's client certificate included).
central="$build/central/wijkpunt-central"
. "$root/tests/support/central-config.sh"
"$root/tests/support/make-test-pki.sh" "$out/pki" >/dev/null
# provisioning/demo/central.toml with this PKI, the content folder and theme for the phone pages, and the
# kiosk's test clock: Thursday 26 November 2026, 10:00, when the desks have walk-in hours. The server and
# every kiosk role read the same clock file, so the phone page of a ticket taken in the demo is about a
# ticket of today and shows it waiting.
start_ms=$(( $(TZ=Europe/Amsterdam date -d '2026-11-26 10:00' +%s) * 1000 ))
echo $(( start_ms - $(date +%s%3N) )) >"$out/clock"
wp_central_config "$out/pki" --content "$root/content" --theme "$root/themes/gemeente.toml" \
  --clock-file "$out/clock" >"$out/central.toml"
trap 'kill ${central_pid:-} 2>/dev/null || true' EXIT
wp_start_central "$central" "$out/central.toml" "$out/central.port" "$out/central.log" ||
  { echo "demo: the central server did not start"; exit 1; }
port=$central_port
public_port=$central_public_port
echo "demo: the central server listens on https://127.0.0.1:$port for kiosks and https://127.0.0.1:$public_port for phones and the back office (log: $out/central.log)"
curl -sS --cacert "$out/pki/ca.crt" --cert "$out/pki/kiosk.crt" --key "$out/pki/kiosk.key" \
  "https://127.0.0.1:$port/v1/health" | sed 's/^/demo: central says /'; echo
# The appointment agendas of the demo's contact point (Gemeente, Huurloket, Wijkteam), so "Afspraak" books.
"$central" --config "$out/central.toml" agenda import "$root/central/agendas.example.toml" | sed 's/^/demo: /'
# The kiosk's settings for this demo: printing.toml (the printer) with absolute content paths, and a
# [central] table for the server just started in place of printing.toml's own.
# The QR codes on tickets and receipts open this server's phone pages.
wp_kiosk_config "$demo/printing.toml" "$out/pki" "https://127.0.0.1:$port" "https://127.0.0.1:$public_port" >"$out/kiosk.toml"

echo "demo: no display, so the kiosk runs under Xvfb (1080x1920, a real window) driven by its script runner"
# All roles share the central server's test clock (the clock file) and one kiosk database.
walk() {
  SDL_VIDEODRIVER=x11 "$root/tests/support/with-xvfb.sh" -- \
    "$kiosk" --role walkin --windowed --screenshot-dir "$out/screenshots" --speech-log "$out/speech.log" \
    --data-dir "$out/data" --clock-file "$out/clock" --clock-start "2026-11-26 10:00" "$@"
}
walk --config "$demo/settings.toml" --script "$demo/walk-start-screen.wps"
print_walk() {
  walk --config "$out/kiosk.toml" --script "$demo/take-ticket.wps"
  # The private queue writes each job to one file; keep it before the next job or the queue goes away.
  for _ in $(seq 50); do [ -s "$WP_PDF_OUTPUT" ] && break; sleep 0.1; done
  cp "$WP_PDF_OUTPUT" "$out/tickets/ticket-H-001.pdf"
  rm -f "$WP_PDF_OUTPUT"
  walk --config "$out/kiosk.toml" --script "$demo/leave-question.wps"
  for _ in $(seq 50); do [ -s "$WP_PDF_OUTPUT" ] && break; sleep 0.1; done
  cp "$WP_PDF_OUTPUT" "$out/tickets/receipt-question.pdf"
  rm -f "$WP_PDF_OUTPUT"
  walk --config "$out/kiosk.toml" --script "$demo/book-appointment.wps"
  for _ in $(seq 50); do [ -s "$WP_PDF_OUTPUT" ] && break; sleep 0.1; done
  cp "$WP_PDF_OUTPUT" "$out/tickets/appointment-slip.pdf"
}
export -f walk print_walk
export root kiosk demo out
"$root/tests/support/private-cupsd.sh" run -- bash -c print_walk
mkdir -p "$out/phone"
spki=$(openssl x509 -in "$out/pki/server.crt" -pubkey -noout | openssl pkey -pubin -outform der |
       openssl dgst -sha256 -binary | base64)
phone_shot() {  # NAME PATH
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --disable-quic --ignore-certificate-errors-spki-list="$spki" --window-size=412,915 \
    --user-data-dir="$out/phone/profile" --screenshot="$out/phone/$1.png" "https://127.0.0.1:$public_port$2" \
    >/dev/null 2>&1 || echo "demo: chromium could not show $2"
}
# H-001's page while it waits (the walk-in kiosk forwarded the ticket to the server), before the host calls.
phone_shot queue-H-001-waiting "/queue/SGN/2026-11-26/H-001?lang=nl"
# The host console and the now-serving display, each its own process on the same database.
roles=(--config "$out/kiosk.toml" --data-dir "$out/data" --clock-file "$out/clock" --windowed
       --screenshot-dir "$out/screenshots")
SDL_VIDEODRIVER=x11 SDL_AUDIODRIVER=dummy "$root/tests/support/with-xvfb.sh" 1920x1080x24 -- \
  "$kiosk" --role display "${roles[@]}" --script "$demo/display-shows.wps" --speech-log "$out/display-speech.log" &
display_pid=$!
# The display announces calls made after it has looked at the queue once: the host waits for that.
for _ in $(seq 600); do [ -s "$out/screenshots/19-display-waiting.png" ] && break; sleep 0.1; done
SDL_VIDEODRIVER=x11 "$root/tests/support/with-xvfb.sh" 1920x1080x24 -- \
  "$kiosk" --role host --counter "Balie 2" "${roles[@]}" --script "$demo/host-calls.wps"
wait $display_pid
# The walk-in role forwards the queue's events to the central server; the host's call goes with it.
walk --config "$out/kiosk.toml" --script "$demo/forward-calls.wps"
for paper in ticket-H-001 receipt-question appointment-slip; do
  pdftotext -layout "$out/tickets/$paper.pdf" "$out/tickets/$paper.txt"
  pdftoppm -png -r 150 -singlefile "$out/tickets/$paper.pdf" "$out/tickets/$paper"
done

# What the Huurloket sees of the question (through the back office, with a team member's token), and the
# phone pages the QR codes open, as a phone shows them (headless Chromium).
token=$("$central" --config "$out/central.toml" token create --name "Demo" --role team --team huurloket)
curl -sS --cacert "$out/pki/ca.crt" -H "Authorization: Bearer $token" \
  "https://127.0.0.1:$public_port/v1/backoffice/requests?type=question" >"$out/huurloket-requests.json"
reference=$(jq -r '.requests[0].reference // empty' "$out/huurloket-requests.json")
phone_shot queue-H-001 "/queue/SGN/2026-11-26/H-001?lang=nl"
[ -n "$reference" ] && phone_shot "status-$reference" "/status/$reference?lang=nl"
rm -rf "$out/phone/profile"

# The back office: a demo coordinator (sees every team's requests and can forward them), set up the way a
# person does it: the set-up link opened, a password chosen, the key typed into a code app (here oathtool)
# and its code sent back. The server runs on the demo's clock (the clock file: its offset from now in ms),
# so the code is the one of that clock.
backoffice="https://127.0.0.1:$public_port/backoffice/"
demo_email="demo@wijkpunt.example"
demo_password="Schie-haven-lantaarn-48"
mkdir -p "$out/backoffice"
code_command="oathtool --totp -b SECRET --now \"@\$(( \$(date +%s) + \$(cat $out/clock) / 1000 ))\""
setup_path=$("$central" --config "$out/central.toml" account create --name "Demo Coördinator" \
  --email "$demo_email" --role coordinator | grep -o '/backoffice/setup/[^[:space:]]*' || true)
backoffice_ready=
if [ -n "$setup_path" ]; then
  jar="$out/backoffice/cookies.txt"
  setup_page=$(curl -sS --cacert "$out/pki/ca.crt" -c "$jar" -b "$jar" "https://127.0.0.1:$public_port$setup_path")
  csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<<"$setup_page" | head -1)
  secret=$(sed -n 's/.*id="totp-secret">\([^<]*\)<.*/\1/p' <<<"$setup_page" | tr -d ' ')
  code=$(oathtool --totp -b "$secret" --now "@$(( $(date +%s) + $(cat "$out/clock") / 1000 ))")
  answer=$(curl -sS --cacert "$out/pki/ca.crt" -c "$jar" -b "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' \
    --data-urlencode "csrf=$csrf" --data-urlencode "password=$demo_password" \
    --data-urlencode "password_again=$demo_password" --data-urlencode "code=$code" \
    "https://127.0.0.1:$public_port$setup_path")
  rm -f "$jar"
  case "$answer" in 303\ *sign-in*) backoffice_ready=1 ;; esac
  code_command=${code_command/SECRET/$secret}
fi
if [ -n "$backoffice_ready" ]; then
  # Pictures of the back office as the demo account sees it (the browser tests' harness, tests/browser).
  node "$root/tests/browser/demo_shots.mjs" --url "https://127.0.0.1:$public_port" --pki "$out/pki" \
    --clock-file "$out/clock" --email "$demo_email" --password "$demo_password" --secret "$secret" \
    --out "$out/backoffice" >/dev/null || echo "demo: the back office's screenshots could not be made"
fi

echo
echo "demo: screenshots of the kiosk are in $out/screenshots:"
ls -1 "$out/screenshots" | sed 's/^/  /'
echo "demo: the printed ticket is $out/tickets/ticket-H-001.pdf (as text: ticket-H-001.txt, as a picture: ticket-H-001.png):"
sed -e '/^\s*$/d' -e 's/^/  | /' "$out/tickets/ticket-H-001.txt"
echo "demo: what the kiosk read aloud (recorded) is in $out/speech.log; the display's calls in $out/display-speech.log"
echo "demo: the question's receipt is $out/tickets/receipt-question.pdf (as text and picture beside it):"
sed -e '/^\s*$/d' -e 's/^/  | /' "$out/tickets/receipt-question.txt"
echo "demo: the appointment slip is $out/tickets/appointment-slip.pdf (as text and picture beside it):"
sed -e '/^\s*$/d' -e 's/^/  | /' "$out/tickets/appointment-slip.txt"
if [ -n "$reference" ]; then
  echo "demo: the central server routed $reference to the Huurloket ($out/huurloket-requests.json):"
  jq -c '.requests[0] | {reference, type, category, team, status}' "$out/huurloket-requests.json" | sed 's/^/  /'
else
  echo "demo: the question did not reach the central server (see $out/central.log)"
fi
echo "demo: the phone pages the QR codes open, as a phone shows them, are in $out/phone:"
ls -1 "$out/phone" | sed 's/^/  /'
echo "demo: the central server's database is $out/central.db"
if [ -n "$backoffice_ready" ]; then
  echo "demo: the back office is at $backoffice"
  echo "  e-mail:   $demo_email"
  echo "  password: $demo_password"
  echo "  code:     $code_command"
  echo "demo: screenshots of the back office (sign-in, every page of its menu, a request) are in $out/backoffice:"
  ls -1 "$out/backoffice" | sed 's/^/  /'
  if [ -t 0 ]; then
    read -r -p "demo: the central server keeps running for the back office; press Enter to stop it. " _
  else
    echo "demo: to open it again: $central --config $out/central.toml (the same account and code command)"
  fi
else
  echo "demo: the demo account of the back office could not be set up (see $out/central.log)"
fi
