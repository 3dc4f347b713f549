#!/usr/bin/env bash
# hark report over 1M classified mentions (30 days of them) against a jq reduce that only
# counts classes, same input, same run. Two hark cases: the daily report (cron over an
# archive; one day in the window) and a 30-day range (every mention in the window, so every
# text is split into terms). Usage: bench_report.sh HARK OUTDIR
set -euo pipefail
hark=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"
n=${REPORT_BENCH_N:-1000000}
runs=${REPORT_BENCH_RUNS:-3}
input=$out/classified-$n.jsonl
[ -s "$input" ] || python3 "$here/gen_classified.py" "$n" 1 2026-11-24T12:00:00Z 30 > "$input"
echo "input: $n mentions, $(($(stat -c %s "$input") / 1000000)) MB, $runs runs each"

day=("$hark" report --now 2026-11-24T12:00:00Z --period day --format json "$input")
month=("$hark" report --now 2026-11-24T12:00:00Z --period 2026-10-25..2026-11-24 --format json "$input")
jqc=(jq -n 'reduce inputs as $m ({}; .[$m.class] += 1)' "$input")

# The counts must agree before the times mean anything.
want=$("${jqc[@]}" | jq -c 'to_entries | sort_by(.key) | from_entries')
got=$("${month[@]}" | jq -c '.totals.by_class | del(.unclassified) | to_entries | sort_by(.key) | from_entries')
[ "$want" = "$got" ] || { echo "class counts differ: jq $want, hark $got"; exit 1; }

t_day=$(median_time "$runs" "${day[@]}")
t_month=$(median_time "$runs" "${month[@]}")
t_jq=$(median_time "$runs" "${jqc[@]}")
printf '%-34s %8.2f s  peak %7s KiB\n' "hark report --period day" "$t_day" "$(peak_rss_kb "${day[@]}")"
printf '%-34s %8.2f s  peak %7s KiB\n' "hark report --period 30 days" "$t_month" "$(peak_rss_kb "${month[@]}")"
printf '%-34s %8.2f s  peak %7s KiB\n' "jq class count" "$t_jq" "$(peak_rss_kb "${jqc[@]}")"
printf 'ratio jq/hark: %.1fx (day report), %.1fx (30-day report); target >= 10x\n' \
  "$(echo "$t_jq / $t_day" | bc -l)" "$(echo "$t_jq / $t_month" | bc -l)"
