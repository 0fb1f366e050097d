#!/usr/bin/env bash
# expect-exit.sh CODE PATTERN -- COMMAND...: runs COMMAND, passes when it exits with CODE and its output
# matches the extended regular expression PATTERN (used for what must fail, and fail clearly).
set -u
want_code=$1; pattern=$2; shift 3
out=$("$@" 2>&1); code=$?
printf '%s\n' "$out"
if [ "$code" -ne "$want_code" ]; then echo "expect-exit: exit code $code, wanted $want_code" >&2; exit 1; fi
if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then echo "expect-exit: output does not match: $pattern" >&2; exit 1; fi
