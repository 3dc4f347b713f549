#!/usr/bin/env bash
# Two runs that open a new state file at the same moment race to set it up (switch it to
# WAL, create the tables); neither may fail with "database is locked". Twenty rounds, since
# the loser of the race is a matter of timing.
set -u
hark=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
feeds=("$src"/examples/feeds/*)
# ids: the distinct ids of the records on stdin, sorted.
ids() { python3 -c 'import json, sys; print("\n".join(sorted({json.loads(l)["id"] for l in sys.stdin})))'; }
"$hark" fetch --no-state "${feeds[@]}" | ids > "$tmp/want"
fail=0
for round in $(seq 1 20); do
  rm -f "$tmp"/state.db*
  "$hark" fetch --quiet --state "$tmp/state.db" "${feeds[@]}" > "$tmp/a" 2> "$tmp/a.err" &
  a=$!
  "$hark" fetch --quiet --state "$tmp/state.db" "${feeds[@]}" > "$tmp/b" 2> "$tmp/b.err" &
  b=$!
  wait "$a" || { echo "FAIL: round $round, run a: $(cat "$tmp/a.err")"; fail=1; }
  wait "$b" || { echo "FAIL: round $round, run b: $(cat "$tmp/b.err")"; fail=1; }
  # Between them, every mention came out at least once.
  cat "$tmp/a" "$tmp/b" | ids > "$tmp/got"
  cmp -s "$tmp/want" "$tmp/got" || { echo "FAIL: round $round: not every mention came out"; fail=1; }
done
exit $fail
