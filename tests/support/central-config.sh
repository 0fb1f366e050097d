# shellcheck shell=bash
# central-config.sh: the central server and a kiosk that talks to it, as the e2e tests, the benches and the
# demo set them up. Source it (`. tests/support/central-config.sh`); it defines functions only.
#
#   wp_central_config PKI [--set 'KEY = VALUE']... [--content DIR [--theme FILE]] [--clock-file FILE]
#       Prints a central.toml: [server] on 127.0.0.1, port 0, port_file "central.port", public_port 0,
#       public_port_file "central.public-port", database "central.db" (relative paths are relative to the
#       config file's folder), each --set adding a [server]
#       key or replacing one of these; [tls] with the test PKI in PKI (tests/support/make-test-pki.sh); the
#       demo's kiosk K2 of SGN, routing and coaches (provisioning/demo/central.toml); with --content, the
#       phone pages' content folder, and with --theme their theme (the municipality's name and colours);
#       with --clock-file, the server's clock is that test clock file (the kiosk's --clock-file).
#   wp_kiosk_config SETTINGS PKI API_URL [PUBLIC_URL]
#       Prints the kiosk settings SETTINGS with absolute content and themes paths and, in place of its own
#       [central] table, one for the central server at API_URL with the PKI's kiosk certificate. The
#       tickets' and receipts' QR codes open PUBLIC_URL (default https://wijkpunt.schiedam.nl).
#   wp_start_central CENTRAL CONFIG PORT_FILE LOG [PUBLIC_PORT_FILE]
#       Starts the wijkpunt-central binary CENTRAL in the background (stdout and stderr to LOG) and waits
#       up to 15 s for it to write its port. Sets central_pid (also on failure: the caller ends it),
#       central_port (kiosks: a client certificate is required) and central_public_port (phones, the back
#       office) from PUBLIC_PORT_FILE (default: central.public-port beside PORT_FILE); on failure prints
#       LOG to stderr and returns 1.

wp_support_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

wp_central_config() {
  local pki=$1 content='' theme='' clock='' sets=() key set named
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --set) sets+=("$2"); shift 2 ;;
      --content) content=$2; shift 2 ;;
      --theme) theme=$2; shift 2 ;;
      --clock-file) clock=$2; shift 2 ;;
      *) echo "wp_central_config: unknown option $1" >&2; return 2 ;;
    esac
  done
  echo "[server]"
  for key in 'address = "127.0.0.1"' 'port = 0' 'port_file = "central.port"' 'public_port = 0' \
    'public_port_file = "central.public-port"' 'database = "central.db"'; do
    # A default unless a --set names the same key.
    named=
    for set in "${sets[@]}"; do [ "${set%% =*}" = "${key%% =*}" ] && named=1; done
    [ -n "$named" ] || echo "$key"
  done
  for set in "${sets[@]}"; do echo "$set"; done
  printf '\n[tls]\ncertificate = "%s/server.crt"\nkey = "%s/server.key"\nclient_ca = "%s/ca.crt"\n' "$pki" "$pki" "$pki"
  # The demo's kiosk, routing and coaches: everything of its central.toml but [server], [tls] and comments.
  echo
  awk '
    /^\[/ { skip = ($0 == "[server]" || $0 == "[tls]") }
    /^#/ { next }
    !skip' "$wp_support_root/provisioning/demo/central.toml"
  [ -z "$content" ] || printf '\n[public_pages]\ncontent_dir = "%s"\n' "$content"
  [ -z "$content" ] || [ -z "$theme" ] || printf 'theme = "%s"\n' "$theme"
  [ -z "$clock" ] || printf '\n[testing]\nclock_file = "%s"\n' "$clock"
}

wp_kiosk_config() {
  local settings=$1 pki=$2 api=$3 public=${4:-https://wijkpunt.schiedam.nl}
  awk -v root="$wp_support_root" '
    /^\[/ { skip = ($0 == "[central]") }
    /^content = / { print "content = \"" root "/content\""; next }
    /^themes = / { print "themes = \"" root "/themes\""; next }
    !skip' "$settings"
  cat <<TOML

[central]
public_url = "$public"
api_url = "$api"
ca_file = "$pki/ca.crt"
client_certificate = "$pki/kiosk.crt"
client_key = "$pki/kiosk.key"
TOML
}

# shellcheck disable=SC2034  # central_pid, central_port and central_public_port are for the caller
wp_start_central() {
  local central=$1 config=$2 port_file=$3 log=$4
  local public_port_file=${5:-$(dirname "$port_file")/central.public-port}
  rm -f "$port_file" "$public_port_file"
  "$central" --config "$config" >"$log" 2>&1 &
  central_pid=$!
  for _ in $(seq 150); do [ -s "$port_file" ] && break; sleep 0.1; done
  if [ ! -s "$port_file" ]; then
    { echo "the central server did not start ($config):"; cat "$log"; } >&2
    return 1
  fi
  central_port=$(cat "$port_file")
  # The server writes the public port file before the kiosk one.
  central_public_port=$(cat "$public_port_file")
}
