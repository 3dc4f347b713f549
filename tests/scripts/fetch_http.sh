#!/usr/bin/env bash
# hark fetch against a real HTTP server on loopback (tests/scripts/feed_server.py, python3's
# http.server): state and conditional GET, failures that leave other sources alone, the
# messages and exit status, --sources, --since, --all, stdin and file:// targets.
# Usage: bash fetch_http.sh HARK SOURCE_DIR
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
data=$src/tests/data/fetch
python3 "$src/tests/scripts/feed_server.py" "$data" "$tmp/port" "$tmp/log" &
server=$!
for _ in $(seq 100); do [ -f "$tmp/port" ] && break; sleep 0.05; done
[ -f "$tmp/port" ] || { echo "FAIL: the test server did not start"; exit 1; }
base=http://127.0.0.1:$(cat "$tmp/port")

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
# expect WHAT WANT GOT
expect() { [ "$2" = "$3" ] || fail "$1: expected '$2', got '$3'"; }
# ids FILE: the records' ids, sorted, one a line.
ids() { python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in open(sys.argv[1])]' "$1" | sort; }
# run ARGS...: runs hark fetch, leaving stdout, stderr and the status in $tmp.
run() {
  "$hark" fetch "$@" > "$tmp/out" 2> "$tmp/err"
  echo $? > "$tmp/status"
}
last_log() { grep "^$1 " "$tmp/log" | tail -1; }

state=(--state "$tmp/state.db")

# 200, then a conditional GET answered 304 that emits nothing.
run "${state[@]}" "$base/f/rss.xml"
expect "first run status" 0 "$(cat "$tmp/status")"
expect "first run ids" "feed:https://forum.example.org/t/101
feed:https://forum.example.org/t/102" "$(ids "$tmp/out")"
expect "first run stderr" "" "$(cat "$tmp/err")"
run "${state[@]}" "$base/f/rss.xml"
expect "second run status" 0 "$(cat "$tmp/status")"
expect "second run output" "" "$(cat "$tmp/out")"
expect "second run request" "/f/rss.xml 304 conditional" "$(last_log /f/rss.xml)"

# --verbose says what each source did.
run "${state[@]}" --verbose "$base/f/rss.xml"
expect "--verbose on a 304" "hark fetch: $base/f/rss.xml: HTTP 304, not modified" "$(cat "$tmp/err")"

# Last-Modified alone also earns a 304.
run "${state[@]}" "$base/lm/atom.xml"
expect "atom ids" "feed:tag:news.example.com,2026:acme-1" "$(ids "$tmp/out")"
run "${state[@]}" "$base/lm/atom.xml"
expect "Last-Modified request" "/lm/atom.xml 304 conditional" "$(last_log /lm/atom.xml)"
expect "Last-Modified output" "" "$(cat "$tmp/out")"

# --all fetches unconditionally and emits everything again.
run "${state[@]}" --all "$base/f/rss.xml"
expect "--all request" "/f/rss.xml 200 plain" "$(last_log /f/rss.xml)"
expect "--all lines" 2 "$(wc -l < "$tmp/out")"

# Seen ids are per mention: a new URL serving known items emits nothing.
run "${state[@]}" "$base/lm/rss.xml"
expect "known items under a new URL" "" "$(cat "$tmp/out")"

# Two sources, one failing: one warning line, the other still written, exit 1.
run --no-state --retries 1 "$base/status/503" "$data/atom.xml"
expect "one failing: status" 1 "$(cat "$tmp/status")"
expect "one failing: stderr" "hark fetch: $base/status/503: HTTP 503 after 2 tries" "$(cat "$tmp/err")"
expect "one failing: ids" "feed:tag:news.example.com,2026:acme-1" "$(ids "$tmp/out")"

run --no-state "$base/status/404"
expect "404 stderr" "hark fetch: $base/status/404: HTTP 404" "$(cat "$tmp/err")"
expect "404 status" 1 "$(cat "$tmp/status")"

# A failure keeps the validators: the source is fetched conditionally next time.
run "${state[@]}" "$base/tofile"
expect "redirect to file:// stderr" \
  "hark fetch: $base/tofile: redirect to a scheme other than http(s) refused" "$(cat "$tmp/err")"
expect "redirect to file:// output" "" "$(cat "$tmp/out")"

# An HTML page served with 200 is a failed source, not a silent empty one.
run --no-state "$base/html"
expect "html status" 1 "$(cat "$tmp/status")"
expect "html stderr lines" 1 "$(wc -l < "$tmp/err")"
case $(cat "$tmp/err") in "hark fetch: $base/html: "*) ;; *) fail "html stderr: $(cat "$tmp/err")" ;; esac

# --sources: comments and blank lines skipped; URLs and paths mixed.
printf '# watched feeds\n\n%s\n  %s  \n# done\n' "$base/f/rss.xml" "$data/atom.xml" > "$tmp/sources"
run --no-state --sources "$tmp/sources"
expect "--sources lines" 3 "$(wc -l < "$tmp/out")"

# --since drops older items (published 09:13 and 10:00 on 2026-11-24).
run --no-state --since 2026-11-24T09:30:00Z "$data/rss.xml"
expect "--since ids" "feed:https://forum.example.org/t/102" "$(ids "$tmp/out")"
run --no-state --since yesterday "$data/rss.xml"
expect "--since bad value status" 2 "$(cat "$tmp/status")"

# stdin and file:// given directly are read as local files.
"$hark" fetch --no-state - < "$data/rss.xml" > "$tmp/out"
expect "stdin lines" 2 "$(wc -l < "$tmp/out")"
run --no-state "file://$data/rss.xml"
expect "file:// lines" 2 "$(wc -l < "$tmp/out")"

# --max-body takes sizes with units (k = 1024).
run --no-state --max-body 500 "$base/f/rss.xml"
expect "--max-body 500" "hark fetch: $base/f/rss.xml: body over the 500 bytes limit" "$(cat "$tmp/err")"
run --no-state --max-body 1kb "$base/f/rss.xml"
expect "--max-body 1kb" 2 "$(wc -l < "$tmp/out")"

# Proxy variables are honoured: a host that does not exist is reached through the server.
http_proxy=$base "$hark" fetch --no-state http://feeds.example.invalid/f/rss.xml > "$tmp/out"
expect "through http_proxy" 2 "$(wc -l < "$tmp/out")"
expect "proxied request" "http://feeds.example.invalid/f/rss.xml 200 plain" \
  "$(grep '^http://feeds.example.invalid/' "$tmp/log" | tail -1)"

# The default state location follows XDG_STATE_HOME.
XDG_STATE_HOME=$tmp/xdg "$hark" fetch "$data/atom.xml" > /dev/null
[ -f "$tmp/xdg/hark/state.db" ] || fail "no state at \$XDG_STATE_HOME/hark/state.db"

# The progress line is drawn only when stderr is a terminal (script(1) provides one).
if command -v script > /dev/null; then
  script -qc "'$hark' fetch --no-state '$data/rss.xml' > /dev/null" /dev/null > "$tmp/tty"
  grep -q "hark fetch: 1/1 sources, 2 mentions" "$tmp/tty" || fail "no progress line on a terminal"
fi

# Usage errors.
run
expect "no sources status" 2 "$(cat "$tmp/status")"
run --no-state --state "$tmp/x.db" "$data/rss.xml"
expect "--state with --no-state status" 2 "$(cat "$tmp/status")"

[ "$failures" -eq 0 ] || exit 1
echo "ok"
