#!/usr/bin/env bash
# The demo: the main job on the bundled examples, offline. Usage: examples/demo.sh path/to/hark
set -euo pipefail
hark=${1:-hark}
here=$(cd "$(dirname "$0")" && pwd)
echo "# hark filter --strict examples/mentions.jsonl | head -3" >&2
"$hark" filter --strict "$here/mentions.jsonl" | head -3
