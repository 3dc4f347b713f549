#!/usr/bin/env bash
# Runs one golden CLI case against the built binary. A case is a folder holding `args` (one
# argument a line), optionally `stdin`, and what is expected: `stdout`, `stderr` (absent
# means empty) and `status` (absent means 0). The case runs inside its folder, so relative
# paths in `args` and in messages are stable.
set -u
hark=$(realpath "$1")
dir=$2
cd "$dir" || exit 1
args=()
[ -f args ] && mapfile -t args < args
input=/dev/null
[ -f stdin ] && input=stdin
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$hark" "${args[@]}" < "$input" > "$tmp/stdout" 2> "$tmp/stderr"
echo $? > "$tmp/status"
[ -f stdout ] && cp stdout "$tmp/want-stdout" || : > "$tmp/want-stdout"
[ -f stderr ] && cp stderr "$tmp/want-stderr" || : > "$tmp/want-stderr"
[ -f status ] && cp status "$tmp/want-status" || echo 0 > "$tmp/want-status"
fail=0
for f in stdout stderr status; do
  if ! cmp -s "$tmp/want-$f" "$tmp/$f"; then
    echo "$(basename "$dir"): $f differs (- expected, + got):"
    diff -u "$tmp/want-$f" "$tmp/$f" | tail -n +3 | head -40
    fail=1
  fi
done
exit $fail
