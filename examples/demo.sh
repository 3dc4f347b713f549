#!/usr/bin/env bash
# The demo: the main job on the bundled examples, offline. Usage: examples/demo.sh path/to/hark
set -euo pipefail
hark=${1:-hark}
here=$(cd "$(dirname "$0")" && pwd)
echo "# hark filter --strict examples/mentions.jsonl | head -3" >&2
"$hark" filter --strict "$here/mentions.jsonl" | head -3
echo >&2
echo "# hark report --now 2026-11-24T12:00:00Z --answers-from mastodon,import,forum examples/classified.jsonl" >&2
"$hark" report --now 2026-11-24T12:00:00Z --answers-from mastodon,import,forum "$here/classified.jsonl"
echo "# the same as a page to forward: add --format html > report.html" >&2
