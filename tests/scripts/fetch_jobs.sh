#!/usr/bin/env bash
# Local files are parsed on worker threads (-j): the output, the messages and the exit status
# must be what a one-thread run gives, byte for byte, in command-line order, with and without
# state. Many files of very different sizes, so that workers finish out of order: every
# fixture in tests/data/feeds (a failing HTML page and malformed feeds among them) under
# several directories, generated feeds of up to 2,000 items, and a missing file.
# Usage: bash fetch_jobs.sh HARK SOURCE_DIR
set -u
hark=$(realpath "$1")
src=$(realpath "$2")
command -v python3 > /dev/null || { echo "skip: python3 not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=()
for d in a b c d; do
  mkdir -p "$tmp/$d"
  cp "$src"/tests/data/feeds/* "$tmp/$d/"
done
python3 - "$tmp/gen" << 'PY'
import os, sys
out = sys.argv[1]
os.makedirs(out)
for k in range(24):
    n = (k * 397) % 2000 + 1
    items = "".join(
        f"<item><title>Feed {k} item {i} &amp; more</title><link>http://example.org/{k}/{i}</link>"
        f"<pubDate>Tue, 24 Nov 2026 09:{i % 60:02}:00 GMT</pubDate>"
        f"<description><![CDATA[<p>Item {i} of feed {k}: caf\u00e9 <b>bold</b>\n\n  text</p>]]></description></item>"
        for i in range(n))
    with open(f"{out}/feed-{k:02}.xml", "w", encoding="utf-8") as f:
        f.write(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gen {k}</title>{items}</channel></rss>')
PY
# Small fixtures with a large generated feed after every fourth one.
fixtures=("$tmp"/a/* "$tmp"/b/* "$tmp"/c/* "$tmp"/d/*)
for i in "${!fixtures[@]}"; do
  files+=("${fixtures[$i]}")
  gen=$tmp/gen/feed-$(printf %02d $((i / 4))).xml
  [ $((i % 4)) -eq 0 ] && [ -f "$gen" ] && files+=("$gen")
done
files+=("$tmp/missing.xml" "$tmp/gen/feed-03.xml")

blank() { sed -E 's/"fetched":"[^"]*"/"fetched":""/' "$1"; }
fail=0
# run NAME ARGS...: runs hark fetch on every file, keeping stdout, stderr and the status.
run() {
  local name=$1
  shift
  "$hark" fetch "$@" "${files[@]}" > "$tmp/$name.out" 2> "$tmp/$name.err"
  echo $? > "$tmp/$name.status"
  blank "$tmp/$name.out" > "$tmp/$name.cmp"
}
same() {
  for part in cmp err status; do
    cmp -s "$tmp/$1.$part" "$tmp/$2.$part" || { echo "FAIL: $1 and $2 differ in $part"; fail=1; }
  done
}
run one --no-state -j 1
run many --no-state -j 8
same one many
[ "$(cat "$tmp/one.status")" -eq 1 ] || { echo "FAIL: a missing file and an HTML page should fail the run"; fail=1; }
[ "$(wc -l < "$tmp/one.out")" -gt 20000 ] || { echo "FAIL: only $(wc -l < "$tmp/one.out") records"; fail=1; }
grep -q 'missing.xml: No such file' "$tmp/many.err" || { echo "FAIL: no message for the missing file"; fail=1; }

# With state: seen ids dedupe across sources in order, so both runs write the same lines.
run state-one --state "$tmp/one.db" -j 1
run state-many --state "$tmp/many.db" -j 8
same state-one state-many
run again --state "$tmp/many.db" -j 8
[ -s "$tmp/again.out" ] && { echo "FAIL: a second run with state wrote $(wc -l < "$tmp/again.out") lines"; fail=1; }
run all-one --state "$tmp/one.db" --all -j 1
run all-many --state "$tmp/many.db" --all -j 8
same all-one all-many
cmp -s "$tmp/all-many.cmp" "$tmp/many.cmp" || { echo "FAIL: --all with state wrote other lines than --no-state"; fail=1; }
[ $fail -eq 0 ] && echo "ok: $(wc -l < "$tmp/one.out") records from ${#files[@]} files"
exit $fail
