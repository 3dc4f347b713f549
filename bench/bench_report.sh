#!/usr/bin/env bash
# hark report over 1M classified mentions (30 days of them) against a jq reduce that only
# counts classes, same input, same run. Two hark cases: the daily report (cron over an
# archive; one day in the window) and a 30-day range (every mention in the window, so every
# text is split into terms). Usage: bench_report.sh HARK OUTDIR
set -euo pipefail
hark=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)
source "$here/lib.sh"  # peak_rss_kb
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

# Runs interleave (day, month, jq, day, ...) so that load from other processes on a shared
# machine falls on all three alike; wall and CPU (user + sys) seconds are both kept.
declare -A wall cpu
for ((i = 0; i < runs; i++)); do
  for name in day month jq; do
    case $name in
      day) cmd=("${day[@]}") ;;
      month) cmd=("${month[@]}") ;;
      jq) cmd=("${jqc[@]}") ;;
    esac
    read -r w u s < <(/usr/bin/time -f '%e %U %S' "${cmd[@]}" 2>&1 > /dev/null | tail -1)
    wall[$name]+="$w "
    cpu[$name]+="$(echo "$u + $s" | bc -l) "
  done
done
median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
row() {  # row LABEL NAME CMD...
  local label=$1 name=$2
  shift 2
  printf '%-30s wall %6.2f s  cpu %6.2f s  peak %7s KiB\n' "$label" "$(median "${wall[$name]}")" \
    "$(median "${cpu[$name]}")" "$(peak_rss_kb "$@")"
}
row "hark report --period day" day "${day[@]}"
row "hark report, 30-day range" month "${month[@]}"
row "jq class count" jq "${jqc[@]}"
printf 'ratio jq/hark, wall: %.1fx (day report), %.1fx (30-day report)\n' \
  "$(echo "$(median "${wall[jq]}") / $(median "${wall[day]}")" | bc -l)" \
  "$(echo "$(median "${wall[jq]}") / $(median "${wall[month]}")" | bc -l)"
printf 'ratio jq/hark, cpu:  %.1fx (day report), %.1fx (30-day report); target >= 10x\n' \
  "$(echo "$(median "${cpu[jq]}") / $(median "${cpu[day]}")" | bc -l)" \
  "$(echo "$(median "${cpu[jq]}") / $(median "${cpu[month]}")" | bc -l)"
