#!/usr/bin/env bash
# Opens the HTML report in headless Chromium: the charts and tables render, and mention text
# that looks like markup (<script>, onerror=) stays text. Leaves screenshots next to the
# binary (report-screenshot.png, report-screenshot-phone.png) for a person to look at.
# Usage: report_html.sh HARK SOURCE_DIR
set -u
hark=$1
src=$2
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "skip: chromium is not installed (apt-get install chromium, or make test-deps)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=$src/tests/data/report
"$hark" report --now 2026-11-24T12:00:00Z --answers-from mastodon,import,forum --format html \
  "$data/classified.jsonl" "$data/hostile.jsonl" > "$tmp/report.html" || { echo "hark report failed"; exit 1; }

browse() {
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$tmp")" "$@" "file://$tmp/report.html" 2> "$tmp/chromium.log"
}
browse --dump-dom > "$tmp/dom.html" || { echo "chromium failed:"; tail -5 "$tmp/chromium.log"; exit 1; }

fail=0
check() {  # check DESCRIPTION COUNT OP EXPECTED
  if ! [ "$2" "$3" "$4" ]; then
    echo "FAIL: $1 (got $2, want $3 $4)"
    fail=1
  fi
}
count() { grep -o "$1" "$tmp/dom.html" | wc -l; }
check "three SVG charts" "$(count '<svg class="chart"')" -eq 3
check "bars in the class chart" "$(count '<rect ')" -ge 20
check "a volume line" "$(count '<polyline ')" -eq 1
check "tables (queue, themes, lists, breakdowns)" "$(count '<table>')" -ge 5
check "queue rows with an SLA state" "$(count 'class="pill sla-')" -ge 10
# Hostile text: no element was injected and no script ran (a script would change the title).
check "no <script> element" "$(count '<script')" -eq 0
check "no injected <img> element" "$(count '<img')" -eq 0
check "no injected <blink> element" "$(count '<blink')" -eq 0
check "no <b> from a source name" "$(count '<b>x</b>')" -eq 0
check "title untouched" "$(count '<title>Reputation report 2026-11-23 – 2026-11-24</title>')" -eq 1
check "script text shown as text" "$(count '&lt;script&gt;document.title=')" -ge 1
check "onerror text shown as text" "$(count '&lt;img src=x onerror=')" -ge 1
check "no javascript: link" "$(count 'href="javascript:')" -eq 0

out=$(dirname "$hark")
# Tall enough for the whole page (about 4000 px wide, 8900 px on a phone): a screenshot that
# stops at the source bars hides the lists a reader would look at.
browse --window-size=1100,4400 --screenshot="$out/report-screenshot.png" > /dev/null
browse --window-size=390,9600 --screenshot="$out/report-screenshot-phone.png" > /dev/null
[ -s "$out/report-screenshot.png" ] || { echo "FAIL: no screenshot"; fail=1; }
[ $fail -eq 0 ] && echo "ok: report renders in Chromium; screenshots in $out/report-screenshot*.png"
exit $fail
