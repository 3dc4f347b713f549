#!/usr/bin/env bash
# Runs every benchmark (bench/bench_*.sh) against the given Release binary. Each benchmark
# generates its input under bench/out/, runs hark and a named peer on it in the same run, and
# prints medians and the ratio. Usage: bench/run.sh path/to/hark [name...]
set -euo pipefail
hark=$(realpath "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/out"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(cd "$here" && ls bench_*.sh | sed 's/^bench_//; s/\.sh$//'))
for n in "${names[@]}"; do
  echo "== $n"
  bash "$here/bench_$n.sh" "$hark" "$here/out"
done
