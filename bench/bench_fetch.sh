#!/usr/bin/env bash
# Fetching 1,000 feeds (20 items each) from a loopback server (tests/scripts/feed_server.py,
# python3's http.server, all on one host): a cold run with a fresh state, then a conditional
# run where every feed answers 304. The peer is curl's own parallel mode driven by a config
# file, one process for all feeds, with --etag-save/--etag-compare per feed for the
# conditional run (the way sfeed_update uses curl, minus its one process per feed).
# Both keep to 2 transfers at a time, hark's per-host limit, so the comparison is like for
# like; curl only downloads, while hark also parses, writes records and keeps its state.
# The python server bounds both, so the ratio understates transport differences.
# Usage: bench/bench_fetch.sh HARK OUTDIR
set -euo pipefail
hark=$1
out=$2/fetch
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
command -v curl > /dev/null || { echo "skipped: curl not installed"; exit 0; }
feeds=${FEEDS:-1000}
runs=${RUNS:-5}
rm -rf "$out"
mkdir -p "$out/etags"
python3 "$here/../tests/scripts/feed_server.py" "$out" "$out/port" "$out/log" &
server=$!
trap 'kill $server 2> /dev/null' EXIT
for _ in $(seq 100); do [ -f "$out/port" ] && break; sleep 0.05; done
base=http://127.0.0.1:$(cat "$out/port")

for k in $(seq "$feeds"); do echo "$base/gen/$k/20"; done > "$out/sources"
for k in $(seq "$feeds"); do
  [ "$k" -gt 1 ] && echo next
  printf 'url = "%s/gen/%s/20"\noutput = "/dev/null"\nsilent\n' "$base" "$k"
  printf 'etag-save = "%s/etags/%s"\netag-compare = "%s/etags/%s"\n' "$out" "$k" "$out" "$k"
done > "$out/curl.cfg"

hark_cold() {
  rm -f "$out"/state.db*
  "$hark" fetch --quiet --state "$out/state.db" --sources "$out/sources"
}
hark_conditional() { "$hark" fetch --quiet --state "$out/state.db" --sources "$out/sources"; }
curl_cold() {
  rm -f "$out"/etags/*
  curl --parallel --parallel-max 2 -K "$out/curl.cfg" 2> /dev/null
}
# (stderr dropped: curl draws its parallel progress meter even with --silent)
curl_conditional() { curl --parallel --parallel-max 2 -K "$out/curl.cfg" 2> /dev/null; }
# count_304 CMD...: runs CMD once and prints how many requests the server answered 304.
count_304() {
  : > "$out/log"
  "$@" > /dev/null
  grep -c ' 304 ' "$out/log" || true
}

records=$(hark_cold | wc -l)
echo "feeds: $feeds x 20 items from $base; hark wrote $records records cold"
hc=$(median_time "$runs" hark_cold)
hn=$(median_time "$runs" hark_conditional)
[ -z "$(hark_conditional)" ] || echo "warning: the conditional run wrote records"
hark_304=$(count_304 hark_conditional)
cc=$(median_time "$runs" curl_cold)
cn=$(median_time "$runs" curl_conditional)
curl_304=$(count_304 curl_conditional)
printf 'cold         hark %.3f s (%.0f feeds/s)  curl %.3f s (%.0f feeds/s)  ratio curl/hark %.2f\n' \
  "$hc" "$(echo "$feeds / $hc" | bc -l)" "$cc" "$(echo "$feeds / $cc" | bc -l)" "$(echo "$cc / $hc" | bc -l)"
printf 'conditional  hark %.3f s (%.0f feeds/s)  curl %.3f s (%.0f feeds/s)  ratio curl/hark %.2f\n' \
  "$hn" "$(echo "$feeds / $hn" | bc -l)" "$cn" "$(echo "$feeds / $cn" | bc -l)" "$(echo "$cn / $hn" | bc -l)"
echo "(ratio > 1: hark faster; 304s in a conditional run: hark $hark_304/$feeds, curl $curl_304/$feeds)"
