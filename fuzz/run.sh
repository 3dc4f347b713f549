#!/usr/bin/env bash
# Runs each fuzz target briefly (FUZZ_SECONDS, default 30) from its seed corpus.
# Usage: fuzz/run.sh BUILD_DIR
set -euo pipefail
build=$1
here=$(cd "$(dirname "$0")" && pwd)
for bin in "$build"/fuzz_*; do
  name=$(basename "$bin")
  corpus=$(mktemp -d)
  [ -d "$here/corpus/${name#fuzz_}" ] && cp -r "$here/corpus/${name#fuzz_}/." "$corpus/"
  echo "== $name"
  "$bin" -max_total_time="${FUZZ_SECONDS:-30}" -max_len=65536 "$corpus" 2>&1 | tail -2
  rm -rf "$corpus"
done
