#!/usr/bin/env bash
# The demo: the main job on the bundled examples, offline. Usage: examples/demo.sh path/to/hark
set -euo pipefail
hark=${1:-hark}
here=$(cd "$(dirname "$0")" && pwd)
if compgen -G "$here/feeds/*" > /dev/null; then
  # sed reads to the end, so hark (flushing per feed) never writes into a closed pipe.
  echo "# hark fetch --no-state examples/feeds/* | sed -n 1,3p" >&2
  "$hark" fetch --no-state "$here"/feeds/* | sed -n 1,3p
fi
echo "# hark filter --strict examples/mentions.jsonl | head -3" >&2
"$hark" filter --strict "$here/mentions.jsonl" | head -3
