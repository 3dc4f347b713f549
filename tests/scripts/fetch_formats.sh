#!/usr/bin/env bash
# Every format fixture of the feeds plugin (tests/data/feeds) fetched over HTTP from the
# loopback server: each gives as many records as the same file read directly, every record
# is valid against docs/mention.schema.json, and a second run with state sends conditional
# requests, gets 304s and writes nothing. Usage: bash fetch_formats.sh HARK SOURCE_DIR
set -u
hark=$(realpath "$1")
src=$(realpath "$2")
py=/usr/bin/python3
"$py" -c 'import jsonschema' 2> /dev/null || { echo "skip: python3-jsonschema not installed"; exit 77; }
tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
data=$src/tests/data/feeds
"$py" "$src/tests/scripts/feed_server.py" "$data" "$tmp/port" "$tmp/log" &
server=$!
for _ in $(seq 100); do [ -f "$tmp/port" ] && break; sleep 0.05; done
[ -f "$tmp/port" ] || { echo "FAIL: the test server did not start"; exit 1; }
base=http://127.0.0.1:$(cat "$tmp/port")

fail=0
files=()
for f in "$data"/*.xml "$data"/*.json; do
  name=$(basename "$f")
  files+=("$name")
  http=$("$hark" fetch --quiet --state "$tmp/state.db" "$base/f/$name" | tee -a "$tmp/all.jsonl" | wc -l)
  local_=$("$hark" fetch --quiet --no-state "$f" | wc -l)
  [ "$http" -eq "$local_" ] || { echo "FAIL: $name: $http records over HTTP, $local_ from the file"; fail=1; }
done
[ -s "$tmp/all.jsonl" ] || { echo "FAIL: no records at all"; fail=1; }

"$py" - "$src/docs/mention.schema.json" "$tmp/all.jsonl" << 'PY' || fail=1
import json, sys
import jsonschema
v = jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))
bad = 0
for n, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
    errors = list(v.iter_errors(json.loads(line)))
    if errors:
        print(f"FAIL: record {n} is not valid: {errors[0].message}")
        bad += 1
sys.exit(1 if bad else 0)
PY

: > "$tmp/log"
for name in "${files[@]}"; do echo "$base/f/$name"; done > "$tmp/sources"
"$hark" fetch --quiet --state "$tmp/state.db" --sources "$tmp/sources" > "$tmp/again"
[ -s "$tmp/again" ] && { echo "FAIL: the second run wrote $(wc -l < "$tmp/again") records"; fail=1; }
want="${#files[@]}"
got=$(grep -c ' 304 conditional$' "$tmp/log")
[ "$got" -eq "$want" ] || { echo "FAIL: $got of $want requests were answered 304"; fail=1; }
[ $fail -eq 0 ] && echo "ok: ${#files[@]} documents, $(wc -l < "$tmp/all.jsonl") records"
exit $fail
