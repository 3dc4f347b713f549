#!/usr/bin/env bash
# Splits an input by a hash of each id into three shards, writes a state per shard
# (--emit-state), merges them (--merge), and checks the merged JSON report equals one run over
# all input, byte for byte; for a daily and a weekly window. Usage: report_merge.sh HARK SOURCE_DIR
set -u
hark=$1
src=$2
command -v python3 > /dev/null || { echo "skip: python3 is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/bench/gen_classified.py" 3000 7 2026-11-24T12:00:00Z 40 > "$tmp/all.jsonl"
cat "$src/tests/data/report/classified.jsonl" >> "$tmp/all.jsonl"
python3 - "$tmp" <<'PY'
import json, sys, zlib
tmp = sys.argv[1]
shards = [open(f"{tmp}/shard{k}.jsonl", "w") for k in range(3)]
for line in open(f"{tmp}/all.jsonl"):
    shards[zlib.crc32(json.loads(line)["id"].encode()) % 3].write(line)
PY
fail=0
for period in day week 2026-11-10..2026-11-24; do
  opts=(--now 2026-11-24T12:00:00Z --period "$period" --tz Europe/Amsterdam --answers-from '*')
  "$hark" report "${opts[@]}" --format json "$tmp/all.jsonl" > "$tmp/one.json" || fail=1
  for k in 0 1 2; do
    "$hark" report "${opts[@]}" --emit-state "$tmp/shard$k.jsonl" > "$tmp/shard$k.state" || fail=1
  done
  "$hark" report --format json --merge "$tmp/shard2.state" "$tmp/shard0.state" "$tmp/shard1.state" \
    > "$tmp/merged.json" || fail=1
  if ! cmp -s "$tmp/one.json" "$tmp/merged.json"; then
    echo "FAIL: --period $period: merged report differs from one run"
    diff <(tr ',' '\n' < "$tmp/one.json") <(tr ',' '\n' < "$tmp/merged.json") | head -20
    fail=1
  fi
  # The shards must each hold part of the window, or the test proves little.
  python3 -c "import json,sys; sys.exit(0 if json.load(open('$tmp/one.json'))['totals']['mentions'] > 50 else 1)" ||
    { echo "FAIL: --period $period: too few mentions in the window"; fail=1; }
done
[ $fail -eq 0 ] && echo "ok: merged shard states equal one run"
exit $fail
