#!/usr/bin/env bash
# with-xvfb.sh [WxHxD] -- COMMAND...: runs COMMAND on a private Xvfb display chosen by Xvfb itself
# (-displayfd, so parallel tests never collide), then stops the server.
set -u
geometry=1080x1920x24
if [ "${1:-}" != "--" ]; then geometry=$1; shift; fi
shift  # --
fifo_dir=$(mktemp -d /tmp/wp-xvfb.XXXXXX)
mkfifo "$fifo_dir/fd"
Xvfb -displayfd 3 -screen 0 "$geometry" -nolisten tcp -noreset 3>"$fifo_dir/fd" 2>"$fifo_dir/log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$fifo_dir"' EXIT
if ! read -r -t 20 display <"$fifo_dir/fd"; then
  echo "with-xvfb: Xvfb did not start:" >&2; cat "$fifo_dir/log" >&2; exit 1
fi
DISPLAY=":$display" "$@"
