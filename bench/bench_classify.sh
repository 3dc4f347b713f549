#!/usr/bin/env bash
# hark classify (built-in, on records with and without lang, and with a model from hark
# train) against fastText, both trained on the dev set and predicting the same mentions: the
# dev set repeated to 213,000 lines.
# fastText gets the bare texts, one a line, already lowercased and tokenised by jq; hark
# reads and writes whole JSON records. Usage: bench_classify.sh HARK OUTDIR
set -euo pipefail
hark=$1
out=$2/classify
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
dev=$here/../../shared/data/mentions-dev.jsonl
if [ ! -f "$dev" ]; then
  echo "skipped: no dev set at ../shared/data/mentions-dev.jsonl"
  exit 0
fi
if ! command -v fasttext > /dev/null; then
  echo "skipped: fasttext not installed (Debian package fasttext)"
  exit 0
fi
mkdir -p "$out"
copies=30
runs=5

# fastText's own format: __label__<class> then space-separated tokens.
to_tokens='ascii_downcase | gsub("[\\n\\r\\t]"; " ") | [scan("[[:alnum:]_'"'"']+|[^[:alnum:][:space:]]")] | join(" ")'
jq -r "\"__label__\" + .label + \" \" + (.text | $to_tokens)" "$dev" > "$out/train.txt"
jq -c 'del(.label, .origin)' "$dev" > "$out/one.jsonl"
# Records from feeds usually have no lang: classify detects it first.
jq -c 'del(.label, .origin, .lang)' "$dev" > "$out/one-nolang.jsonl"
jq -r ".text | $to_tokens" "$dev" > "$out/one.txt"
: > "$out/mentions.jsonl"
: > "$out/mentions-nolang.jsonl"
: > "$out/mentions.txt"
for ((i = 0; i < copies; i++)); do
  cat "$out/one.jsonl" >> "$out/mentions.jsonl"
  cat "$out/one-nolang.jsonl" >> "$out/mentions-nolang.jsonl"
  cat "$out/one.txt" >> "$out/mentions.txt"
done
n=$(wc -l < "$out/mentions.jsonl")

"$hark" train "$dev" --output "$out/dev.model"
fasttext supervised -input "$out/train.txt" -output "$out/fasttext" -thread 1 -verbose 0

# median_times ignores exit codes: check once that each command works and writes every line.
check() {
  local lines
  lines=$("$@" | wc -l)
  if [ "$lines" -ne "$n" ]; then
    echo "failed: $* wrote $lines lines for $n mentions" >&2
    exit 1
  fi
}
check "$hark" classify "$out/mentions.jsonl"
check "$hark" classify "$out/mentions-nolang.jsonl"
check "$hark" classify --model "$out/dev.model" "$out/mentions.jsonl"
check fasttext predict "$out/fasttext.bin" "$out/mentions.txt"

{
  read -r builtin
  read -r nolang
  read -r model
  read -r fast
} < <(median_times $runs \
  '"$hark" classify "$out/mentions.jsonl"' \
  '"$hark" classify "$out/mentions-nolang.jsonl"' \
  '"$hark" classify --model "$out/dev.model" "$out/mentions.jsonl"' \
  'fasttext predict "$out/fasttext.bin" "$out/mentions.txt"')

rate() { echo "$n / $1" | bc -l | xargs printf '%.0f'; }
printf '%-28s %8s s  %9s mentions/s\n' "mentions" "" "$n"
printf '%-28s %8.3f s  %9s mentions/s\n' "hark classify (built-in)" "$builtin" "$(rate "$builtin")"
printf '%-28s %8.3f s  %9s mentions/s\n' "  the same without lang" "$nolang" "$(rate "$nolang")"
printf '%-28s %8.3f s  %9s mentions/s\n' "hark classify --model" "$model" "$(rate "$model")"
printf '%-28s %8.3f s  %9s mentions/s\n' "fasttext predict" "$fast" "$(rate "$fast")"
printf 'ratio built-in / fastText  %.2fx\n' "$(echo "$fast / $builtin" | bc -l)"
printf 'ratio model / fastText     %.2fx\n' "$(echo "$fast / $model" | bc -l)"
