# Helpers for benchmarks; source it. Times are wall-clock seconds from bash's clock.

# median_time RUNS CMD...: runs CMD RUNS times (output discarded) and prints the median seconds.
median_time() {
  local runs=$1
  shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
}

# median_times RUNS CMD...: each CMD a shell command string; runs them in turn, RUNS rounds,
# and prints each one's median seconds on a line of its own. Taking turns means a busy spell
# on a shared machine slows every command alike, so the ratios stay fair.
median_times() {
  local runs=$1
  shift
  local -a cmds=("$@") times=()
  local i c start end
  for ((i = 0; i < runs; i++)); do
    for ((c = 0; c < ${#cmds[@]}; c++)); do
      start=$(date +%s.%N)
      eval "${cmds[c]}" > /dev/null
      end=$(date +%s.%N)
      times[c]+="$(echo "$end - $start" | bc -l) "
    done
  done
  for ((c = 0; c < ${#cmds[@]}; c++)); do
    printf '%s\n' ${times[c]} | sort -g |
      awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'
  done
}

# peak_rss_kb CMD...: runs CMD once and prints its peak resident memory in KiB.
peak_rss_kb() {
  /usr/bin/time -f '%M' "$@" 2>&1 > /dev/null | tail -1
}
