#!/usr/bin/env bash
# The demo: the whole pipeline on the bundled example feeds, offline.
# Usage: examples/demo.sh path/to/hark
set -euo pipefail
hark=${1:-hark}
case $hark in */*) hark=$(cd "$(dirname "$hark")" && pwd)/$(basename "$hark") ;; esac
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "# hark fetch --no-state examples/feeds/* | hark classify | hark report --period week --now 2026-11-25T12:00:00Z" >&2
# From the examples directory, so that the ids of these local feeds are the same on every machine.
(cd "$here" && "$hark" fetch --no-state feeds/*) | "$hark" classify > "$out/classified.jsonl"
"$hark" report --period week --now 2026-11-25T12:00:00Z "$out/classified.jsonl"
echo >&2
echo "# one classified mention:" >&2
sed -n 1p "$out/classified.jsonl"
echo >&2
echo "# the same report as a page to forward: add --format html > report.html" >&2
