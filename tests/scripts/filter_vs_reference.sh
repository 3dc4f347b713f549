#!/usr/bin/env bash
# On generated data, hark filter selects exactly what jq or Python selects, and the shards of
# --shard K/N are disjoint and together equal the input.
set -euo pipefail
hark=$1
src=$2
py=/usr/bin/python3
command -v jq > /dev/null || { echo "skipped: jq is not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
in=$tmp/in.jsonl
"$py" "$src/bench/gen-mentions.py" 20000 --seed 7 --classified > "$in"
fail=0

# lines_of NUMBERS: the input lines whose numbers are listed, in input order.
lines_of() { awk 'NR == FNR { keep[$1]; next } FNR in keep' "$1" "$in"; }

check() {  # check NAME HARK-OUTPUT REFERENCE-OUTPUT
  if cmp -s "$2" "$3"; then
    echo "ok   $1 ($(wc -l < "$2") records)"
  else
    echo "FAIL $1: hark kept $(wc -l < "$2"), reference $(wc -l < "$3")"
    fail=1
  fi
}

"$hark" filter --lang nl "$in" > "$tmp/h"
jq -c 'select(.lang == "nl") | input_line_number' "$in" > "$tmp/n"
lines_of "$tmp/n" > "$tmp/r"
check "--lang nl vs jq" "$tmp/h" "$tmp/r"

# The generator writes bare tags only; --lang is a case-insensitive BCP-47 prefix, so check
# that too on a copy with regional and upper-case tags (and a prefix that is not a subtag).
jq -c 'if .lang == "nl" and input_line_number % 3 == 0 then .lang = "nl-BE"
       elif .lang == "nl" and input_line_number % 3 == 1 then .lang = "NL"
       elif .lang == "de" and input_line_number % 2 == 0 then .lang = "nld"
       else . end' "$in" > "$tmp/regional.jsonl"
"$hark" filter --lang nl "$tmp/regional.jsonl" > "$tmp/h"
jq -c 'select((.lang // "") | ascii_downcase | test("^nl(-|$)")) | input_line_number' "$tmp/regional.jsonl" > "$tmp/n"
awk 'NR == FNR { keep[$1]; next } FNR in keep' "$tmp/n" "$tmp/regional.jsonl" > "$tmp/r"
check "--lang nl on nl-BE, NL, nld vs jq" "$tmp/h" "$tmp/r"
grep -q '"nl-BE"' "$tmp/h" && grep -q '"NL"' "$tmp/h" || { echo "FAIL regional tags were not kept"; fail=1; }

"$hark" filter --lang nl --regex '(?i)service' "$in" > "$tmp/h"
jq -c 'select(.lang == "nl" and (((.title // "") | test("service"; "i")) or ((.text // "") | test("service"; "i")))) | input_line_number' "$in" > "$tmp/n"
lines_of "$tmp/n" > "$tmp/r"
check "--lang nl --regex (?i)service vs jq" "$tmp/h" "$tmp/r"

"$hark" filter --class complaint,question "$in" > "$tmp/h"
jq -c 'select(.class == "complaint" or .class == "question") | input_line_number' "$in" > "$tmp/n"
lines_of "$tmp/n" > "$tmp/r"
check "--class complaint,question vs jq" "$tmp/h" "$tmp/r"

"$hark" filter --since 7d --until 2026-11-22 --now 2026-11-24T12:00:00Z "$in" > "$tmp/h"
"$py" - "$in" > "$tmp/r" <<'PY'
import datetime, json, sys
since = datetime.datetime(2026, 11, 17, 12, tzinfo=datetime.timezone.utc)
until = datetime.datetime(2026, 11, 22, tzinfo=datetime.timezone.utc)
for line in open(sys.argv[1], encoding="utf-8"):
    p = json.loads(line).get("published")
    if p and since <= datetime.datetime.fromisoformat(p.replace("Z", "+00:00")) < until:
        sys.stdout.write(line)
PY
check "--since 7d --until 2026-11-22 vs Python" "$tmp/h" "$tmp/r"

"$hark" filter --dedupe "$in" > "$tmp/h"
"$py" - "$in" > "$tmp/r" <<'PY'
import json, sys
seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    i = json.loads(line)["id"]
    if i not in seen:
        seen.add(i)
        sys.stdout.write(line)
PY
check "--dedupe vs Python" "$tmp/h" "$tmp/r"
[ "$(wc -l < "$tmp/h")" -lt 20000 ] || { echo "FAIL the input should hold repeated ids"; fail=1; }

for k in 0 1 2 3; do "$hark" filter --shard "$k/4" "$in" > "$tmp/shard$k"; done
cat "$tmp"/shard? | sort > "$tmp/h"
sort "$in" > "$tmp/r"
check "--shard K/4: union equals input" "$tmp/h" "$tmp/r"
for k in 0 1 2 3; do cut -d, -f1 "$tmp/shard$k" | sort -u > "$tmp/ids$k"; done
if [ -n "$(sort "$tmp"/ids? | uniq -d)" ]; then echo "FAIL shards share ids"; fail=1; else echo "ok   shards are disjoint"; fi
exit $fail
