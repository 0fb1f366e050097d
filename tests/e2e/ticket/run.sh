#!/usr/bin/env bash
# run.sh KIOSK SETTINGS SCRIPT CLOCK_START CHECK: runs the kiosk's SCRIPT inside a private cupsd and then
# checks what the printer got. CHECK is one of:
#   pdf:TEXT       the PDF the wp-pdf queue wrote contains TEXT (read back with pdftotext); several texts are
#                  separated by '|', and each may wrap across lines (compared without spaces and line breaks)
#   escpos         the wp-escpos backend captured a job that starts with ESC @ and ends with a cut
#   paper-out      (the paper-out flag is set before the kiosk starts) nothing was captured
#   none           nothing to check on paper
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
kiosk=$1 settings=$2 script=$3 clock_start=$4 check=$5
shots="${E2E_SHOTS:-$(pwd)/e2e-screenshots}"
data=$(mktemp -d /tmp/wp-e2e-data.XXXXXX)
trap 'rm -rf "$data"' EXIT

inner() {
  set -euo pipefail  # bash -c does not inherit the options: a failing kiosk script must fail the test
  if [ "$check" = paper-out ]; then touch "$WP_PAPER_OUT_FLAG"; fi
  SDL_VIDEODRIVER=dummy "$kiosk" --config "$settings" --script "$script" --clock-start "$clock_start" \
    --data-dir "$data" --screenshot-dir "$shots"
  case "$check" in
    pdf:*)
      text=$(pdftotext "$WP_PDF_OUTPUT" - 2>/dev/null || true)
      flat=$(tr -d ' \n' <<<"$text")
      IFS='|' read -ra wants <<<"${check#pdf:}"
      for want in "${wants[@]}"; do
        if [[ "$flat" != *"${want// /}"* ]]; then
          echo "run.sh: the printed PDF does not contain '$want'; it says:"; echo "$text"; exit 1
        fi
        echo "run.sh: the printed PDF contains '$want'"
      done
      mkdir -p "$shots" && cp "$WP_PDF_OUTPUT" "$shots/printed-ticket.pdf"
      ;;
    escpos)
      [ -s "$WP_ESCPOS_CAPTURE" ] || { echo "run.sh: the ESC/POS backend captured nothing"; exit 1; }
      head=$(head -c 2 "$WP_ESCPOS_CAPTURE" | od -An -tx1 | tr -d ' \n')
      [ "$head" = 1b40 ] || { echo "run.sh: the job does not start with ESC @ ($head)"; exit 1; }
      echo "run.sh: the ESC/POS job starts with ESC @ ($(stat -c %s "$WP_ESCPOS_CAPTURE") bytes)"
      ;;
    paper-out)
      if [ -s "$WP_ESCPOS_CAPTURE" ]; then echo "run.sh: paper-out printed something"; exit 1; fi
      ;;
    none) ;;
    *) echo "run.sh: unknown check $check"; exit 2 ;;
  esac
}
export -f inner
export kiosk settings script clock_start check shots data
"$root/tests/support/private-cupsd.sh" run -- bash -c inner
