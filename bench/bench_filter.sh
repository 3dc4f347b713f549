#!/usr/bin/env bash
# hark filter against jq on the same selections of 300k generated classified mentions
# (about 150 MB). Prints medians, hark's MB/s and the ratio per selection.
set -euo pipefail
hark=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
in=$out/classified-300k.jsonl
[ -s "$in" ] || python3 "$here/gen-mentions.py" 300000 --seed 2 --classified > "$in"
mb=$(( $(stat -c %s "$in") / 1000000 ))
echo "input: 300000 lines, $mb MB"
runs=${RUNS:-5}
compare() {  # compare NAME "HARK ARGS" "JQ PROGRAM"
  local h j
  # shellcheck disable=SC2086
  h=$(median_time "$runs" "$hark" filter $2 "$in")
  j=$(median_time 3 jq -c "$3" "$in")
  printf '%-34s hark %.3f s (%4.0f MB/s)  jq %.3f s  ratio %.1fx\n' "$1" "$h" \
    "$(echo "$mb / $h" | bc -l)" "$j" "$(echo "$j / $h" | bc -l)"
}
compare "--lang nl --regex (?i)service" "--lang nl --regex (?i)service" \
  'select(.lang=="nl" and (.text|test("service";"i")))'
compare "--since/--until (a week)" "--since 2026-11-10 --until 2026-11-17" \
  'select(.published != null and .published >= "2026-11-10" and .published < "2026-11-17")'
compare "--class complaint" "--class complaint" 'select(.class=="complaint")'
compare "--match acme" "--match acme" \
  'select(.text|ascii_downcase|test("(^|[^a-z0-9_])acme($|[^a-z0-9_])"))'
printf 'peak RSS: hark --dedupe %s KiB, hark --lang nl %s KiB\n' \
  "$(peak_rss_kb "$hark" filter --dedupe "$in")" "$(peak_rss_kb "$hark" filter --lang nl "$in")"
