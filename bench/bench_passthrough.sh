#!/usr/bin/env bash
# JSON-lines pass-through: `hark filter` (no predicates) against `jq -c .` on 400k generated
# mentions with Unicode, escapes and nested unknown keys. Prints medians, MB/s and the ratio.
set -euo pipefail
hark=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
in=$out/mentions-400k.jsonl
[ -s "$in" ] || python3 "$here/gen-mentions.py" 400000 --seed 1 > "$in"
mb=$(( $(stat -c %s "$in") / 1000000 ))
"$hark" filter "$in" | cmp -s - "$in" || { echo "hark filter changed the bytes"; exit 1; }
runs=${RUNS:-5}
h=$(median_time "$runs" "$hark" filter "$in")
j=$(median_time 3 jq -c . "$in")
echo "input: 400000 lines, $mb MB"
printf 'hark filter   median %.3f s  %6.0f MB/s  peak RSS %s KiB\n' "$h" "$(echo "$mb / $h" | bc -l)" "$(peak_rss_kb "$hark" filter "$in")"
printf 'jq -c .       median %.3f s  %6.0f MB/s  peak RSS %s KiB\n' "$j" "$(echo "$mb / $j" | bc -l)" "$(peak_rss_kb jq -c . "$in")"
printf 'ratio: hark is %.1fx jq\n' "$(echo "$j / $h" | bc -l)"
