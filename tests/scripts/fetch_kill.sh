#!/usr/bin/env bash
# The state guarantee: hark fetch killed with SIGKILL at several points and run again loses
# no mention (the union of every run's output holds every item), a finished run leaves
# nothing unconfirmed, and two runs on one state file at once both succeed and leave it
# intact. Serves 20 generated feeds of 50 items from tests/scripts/feed_server.py, each after
# a short pause so that a run can be caught partway. Usage: bash fetch_kill.sh HARK SOURCE_DIR
set -u
hark=$(realpath "$1")
src=$(realpath "$2")
command -v python3 > /dev/null || { echo "skip: python3 not installed"; exit 77; }
tmp=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
python3 "$src/tests/scripts/feed_server.py" "$tmp" "$tmp/port" &
server=$!
for _ in $(seq 100); do [ -f "$tmp/port" ] && break; sleep 0.05; done
[ -f "$tmp/port" ] || { echo "FAIL: the test server did not start"; exit 1; }
base=http://127.0.0.1:$(cat "$tmp/port")
for k in $(seq 20); do echo "$base/gen/$k/50/20"; done > "$tmp/sources"

# ids FILES...: the ids of every complete record line, sorted and unique. A line cut by the
# kill is skipped: it was never confirmed, so a later run writes it again.
ids() {
  python3 - "$@" << 'PY' | sort -u
import json, sys
for path in sys.argv[1:]:
    for line in open(path, errors="replace"):
        try:
            print(json.loads(line)["id"])
        except ValueError:
            pass
PY
}
for k in $(seq 20); do for i in $(seq 0 49); do echo "feed:http://example.org/$k/$i"; done; done |
  sort > "$tmp/want"

# A slow reader, so hark often blocks writing with lines not yet confirmed: the kill then
# lands between write and confirm, the window the guarantee is about.
cat > "$tmp/slow_copy.py" << 'PY'
import sys, time
with open(sys.argv[1], "a") as out:
    for line in sys.stdin:
        out.write(line)
        out.flush()
        time.sleep(0.0005)
PY

# Kill each run once it has written N lines (or when it ends by itself), N varying so the
# kill lands at different points: before any output, inside a source, between sources.
run=0
for n in 0 1 30 60 75 120 0 200; do
  run=$((run + 1))
  out=$tmp/out.$run
  : > "$out"
  rm -f "$tmp/fifo"
  mkfifo "$tmp/fifo"
  python3 "$tmp/slow_copy.py" "$out" < "$tmp/fifo" &
  reader=$!
  # Open the write end here, hand it to hark, and close ours: the reader sees the end of
  # input exactly when hark dies, even if hark is killed before it runs.
  exec 3> "$tmp/fifo"
  "$hark" fetch --quiet --state "$tmp/state.db" -j 4 --sources "$tmp/sources" >&3 2> /dev/null &
  pid=$!
  exec 3>&-
  while kill -0 "$pid" 2> /dev/null && [ "$(wc -l < "$out")" -lt "$n" ]; do sleep 0.01; done
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  wait "$reader"  # what hark wrote before it died is still read to the end
done
"$hark" fetch --quiet --state "$tmp/state.db" --sources "$tmp/sources" > "$tmp/out.final"
status=$?
fail=0
[ "$status" -eq 0 ] || { echo "FAIL: the final run exited $status"; fail=1; }
ids "$tmp"/out.* > "$tmp/got"
if ! cmp -s "$tmp/want" "$tmp/got"; then
  echo "FAIL: mentions lost across killed runs: $(comm -23 "$tmp/want" "$tmp/got" | wc -l) missing"
  fail=1
fi
"$hark" fetch --quiet --state "$tmp/state.db" --sources "$tmp/sources" > "$tmp/again"
[ -s "$tmp/again" ] && { echo "FAIL: a run after a finished one emitted $(wc -l < "$tmp/again") lines"; fail=1; }
echo "lines over all runs: $(cat "$tmp"/out.* | wc -l), distinct ids: $(ids "$tmp"/out.* | wc -l)"

# Two runs at once on a new state file.
"$hark" fetch --quiet --state "$tmp/two.db" --sources "$tmp/sources" > "$tmp/two.a" &
a=$!
"$hark" fetch --quiet --state "$tmp/two.db" --sources "$tmp/sources" > "$tmp/two.b" &
b=$!
wait "$a" || { echo "FAIL: concurrent run a failed"; fail=1; }
wait "$b" || { echo "FAIL: concurrent run b failed"; fail=1; }
ids "$tmp/two.a" "$tmp/two.b" > "$tmp/got-two"
cmp -s "$tmp/want" "$tmp/got-two" || { echo "FAIL: concurrent runs lost mentions"; fail=1; }
check=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA integrity_check").fetchone()[0])' "$tmp/two.db")
[ "$check" = ok ] || { echo "FAIL: integrity_check says $check"; fail=1; }
"$hark" fetch --quiet --state "$tmp/two.db" --sources "$tmp/sources" > "$tmp/again"
[ -s "$tmp/again" ] && { echo "FAIL: after concurrent runs, $(wc -l < "$tmp/again") lines again"; fail=1; }
[ $fail -eq 0 ] && echo ok
exit $fail
