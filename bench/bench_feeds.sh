#!/usr/bin/env bash
# Feed parsing throughput: hark fetch --no-state (detection, charset, XML, HTML to text,
# dates, ids, JSON output) against sfeed (one process per file, as sfeed_update runs it;
# TSV, no normalisation) and python3-feedparser on the same generated corpus of 400 feeds,
# 121k items (make-big-feeds.py, seed 42). Prints items/s medians and the ratios. hark parses
# files on as many threads as -j (8) and the cores allow; it is also timed with -j 1 (one
# thread) for the per-core figure.
# feedparser takes minutes on the whole corpus, so it runs once on the first FP_FILES files
# and hark is timed on those same files for its ratio.
set -euo pipefail
hark=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
gen=${MAKE_BIG_FEEDS:-$here/../../shared/bench/make-big-feeds.py}
if [ ! -f "$gen" ]; then
  echo "skipped: corpus generator not found at $gen (set MAKE_BIG_FEEDS)"
  exit 0
fi
corpus=$out/feeds-corpus
if [ ! -s "$corpus/MANIFEST.json" ]; then
  rm -rf "$corpus"
  python3 "$gen" "$corpus" --seed 42 --rss 200 --atom 200 > /dev/null
fi
files=("$corpus"/rss-*.xml "$corpus"/atom-*.xml)
items=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["totals"]["items"])' "$corpus/MANIFEST.json")
mb=$(du -sm "$corpus" | cut -f1)
echo "corpus: ${#files[@]} files, $items items, $mb MB"

got=$("$hark" fetch --no-state "${files[@]}" | wc -l)
[ "$got" -eq "$items" ] || echo "warning: hark wrote $got records for $items items"

sfeed_all() { for f in "$@"; do sfeed < "$f"; done; }
runs=${RUNS:-5}
h=$(median_time "$runs" "$hark" fetch --no-state "${files[@]}")
h1=$(median_time "$runs" "$hark" fetch --no-state -j 1 "${files[@]}")
s=$(median_time "$runs" sfeed_all "${files[@]}")
printf 'hark fetch --no-state       %.3f s  %8.0f items/s\n' "$h" "$(echo "$items / $h" | bc -l)"
printf 'hark fetch --no-state -j 1  %.3f s  %8.0f items/s\n' "$h1" "$(echo "$items / $h1" | bc -l)"
printf 'sfeed                       %.3f s  %8.0f items/s\n' "$s" "$(echo "$items / $s" | bc -l)"
printf 'ratio hark/sfeed (items/s): %.2fx (-j 1: %.2fx)\n' "$(echo "$s / $h" | bc -l)" \
  "$(echo "$s / $h1" | bc -l)"

fp_files=("${files[@]:0:${FP_FILES:-20}}")
fp_items=$(python3 -c '
import json, os, sys
m = json.load(open(sys.argv[1]))
names = set(os.path.basename(p) for p in sys.argv[2:])
print(sum(f["items"] for f in m["files"] if f["file"] in names))' "$corpus/MANIFEST.json" "${fp_files[@]}")
# Debian's own python3, where python3-feedparser is installed (not a pyenv or venv one).
fp_run() { /usr/bin/python3 -c 'import sys, feedparser
for p in sys.argv[1:]: feedparser.parse(p)' "$@"; }
hs=$(median_time "$runs" "$hark" fetch --no-state "${fp_files[@]}")
fp=$(median_time 1 fp_run "${fp_files[@]}")
printf 'on %d files, %d items: hark %.3f s (%.0f items/s), feedparser %.3f s (%.0f items/s), ratio %.0fx\n' \
  "${#fp_files[@]}" "$fp_items" "$hs" "$(echo "$fp_items / $hs" | bc -l)" "$fp" \
  "$(echo "$fp_items / $fp" | bc -l)" "$(echo "$fp / $hs" | bc -l)"
printf 'peak RSS: hark %s KiB\n' "$(peak_rss_kb "$hark" fetch --no-state "${files[@]}")"
