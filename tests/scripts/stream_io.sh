#!/usr/bin/env bash
# Streaming and output-error behaviour of a stage (hark filter as the example):
# a slow producer's lines flow through as they arrive, a full disk is an error, `| head`
# ends quietly, and a large file passes through byte for byte.
set -uo pipefail
hark=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# Line 2 is only written after line 1 has come out of hark: if hark held line 1 back until
# more input or end of input arrived, this would deadlock and the timeout would end it.
mkfifo "$tmp/ack"
timeout 20 bash -c '
  { echo "{\"id\":1}"; read -r _ < "$2/ack"; echo "{\"id\":2}"; } |
    "$1" filter |
    { read -r first; echo "$first" > "$2/first"; echo go > "$2/ack"; cat > "$2/rest"; }
' _ "$hark" "$tmp"
if [ "$(cat "$tmp/first" 2>/dev/null)" = '{"id":1}' ] && [ "$(cat "$tmp/rest")" = '{"id":2}' ]; then
  echo "ok   a slow producer's first line came through before its second was written"
else
  echo "FAIL lines from a slow producer did not flow through"; fail=1
fi

if [ -w /dev/full ]; then
  echo '{"id":1}' | "$hark" filter > /dev/full 2> "$tmp/err"
  status=$?
  if [ $status -eq 1 ] && grep -q '^hark filter: write error: <stdout>: No space left on device$' "$tmp/err"; then
    echo "ok   a full disk is reported with exit status 1"
  else
    echo "FAIL writing to /dev/full: status $status, stderr: $(cat "$tmp/err")"; fail=1
  fi
fi

/usr/bin/python3 "$src/bench/gen-mentions.py" 30000 --seed 3 > "$tmp/big.jsonl"
"$hark" filter "$tmp/big.jsonl" 2> "$tmp/err" | head -n 2 > /dev/null
statuses=("${PIPESTATUS[@]}")
if [ ! -s "$tmp/err" ] && { [ "${statuses[0]}" -eq 0 ] || [ "${statuses[0]}" -eq 141 ]; }; then
  echo "ok   | head ends quietly (status ${statuses[0]})"
else
  echo "FAIL | head: status ${statuses[0]}, stderr: $(cat "$tmp/err")"; fail=1
fi

if "$hark" filter < "$tmp/big.jsonl" | cmp -s - "$tmp/big.jsonl"; then
  echo "ok   30000 records pass through byte for byte"
else
  echo "FAIL pass-through changed the bytes"; fail=1
fi
exit $fail
