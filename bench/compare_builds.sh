#!/usr/bin/env bash
# Runs the hot-path benchmarks of two builds side by side in one run and prints the medians.
# Usage: bench/compare_builds.sh BEFORE_BUILD_DIR AFTER_BUILD_DIR
# Environment: ROUNDS (default 3): how often every case runs per build; the two builds
# alternate (odd rounds before first, even rounds after first). ONLY (a grep -E pattern):
# run only the cases whose name matches. LOG (default a temp file): every run's output.
# rest_bench runs for "before" too when only AFTER has it: it talks HTTP only, so AFTER's
# rest_bench drives BEFORE's `cli/auraos` (`--binary`).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BEFORE_BUILD_DIR AFTER_BUILD_DIR" >&2
  exit 2
fi
before=$(cd "$1" && pwd)
after=$(cd "$2" && pwd)
rounds=${ROUNDS:-3}
only=${ONLY:-.}
log=${LOG:-$(mktemp /tmp/compare_builds.XXXXXX.log)}
results=$(mktemp /tmp/compare_builds.XXXXXX.tsv)
trap 'rm -f "$results"' EXIT

# name|command after BUILD/ (the bench's own flags, see BENCHMARKS.md)|figures to extract
cases=(
  "exec_sqlite_64|bench/executions_bench 5000 64 2|exec"
  "exec_sqlite_256|bench/executions_bench 20000 256 2|exec"
  "exec_pg_64|bench/executions_bench 5000 64 2 --db postgresql:throwaway|exec"
  "exec_pg_256|bench/executions_bench 20000 256 2 --db postgresql:throwaway|exec"
  "round_trip|bench/round_trip_bench 200000 2 3|trip"
  "memory_100k|bench/memory_bench 100000|memory"
  "rest_w16|bench/rest_bench -n 5000 -w 16|rest"
  "rest_w64|bench/rest_bench -n 5000 -w 64|rest"
)

# The command of one case for one build; empty when that build cannot run it.
command_for() {
  local build=$1 command=$2
  if [[ $command == bench/rest_bench* ]]; then
    if [[ -x $build/bench/rest_bench ]]; then
      echo "$build/$command"
    elif [[ -x $after/bench/rest_bench && -x $build/cli/auraos ]]; then
      echo "$after/$command --binary $build/cli/auraos"
    fi
  elif [[ -x $build/${command%% *} ]]; then
    echo "$build/$command"
  fi
}

# Prints "metric<TAB>value<TAB>better" lines from one run's output.
extract() {
  local kind=$1 output=$2
  case $kind in
    exec) sed -nE 's/^executions\/s: ([0-9.]+)/executions\/s\t\1\thigher/p' <<<"$output" ;;
    trip)
      sed -nE 's/^window +([0-9]+): median ratio execution\/bare ([0-9.]+)/ratio execution\/bare, window \1\t\2\thigher/p' <<<"$output"
      # (info) the REST view through the service: every round's rate, one sample each.
      sed -nE 's/^window +([0-9]+) round [0-9]+:.*REST view via service ([0-9]+)\/s/REST view via service \/s, window \1\t\2\thigher/p' <<<"$output"
      ;;
    memory)
      sed -nE 's/^bytes per waiting execution: ([0-9.]+).*/bytes per waiting execution\t\1\tlower/p' <<<"$output"
      sed -nE 's/^RSS before .*, after ([0-9.]+) MiB,.*/RSS after, MiB\t\1\tlower/p' <<<"$output"
      sed -nE 's/^[0-9]+ waiting executions started in ([0-9.]+) s.*/start seconds\t\1\tlower/p' <<<"$output"
      ;;
    rest)
      sed -nE 's/.*executions\/s: ([0-9.]+)$/executions\/s\t\1\thigher/p' <<<"$output"
      sed -nE 's/^POST latency p50 ([0-9.]+) ms, p99 ([0-9.]+) ms.*/POST p50 ms\t\1\tlower\nPOST p99 ms\t\2\tlower/p' <<<"$output"
      ;;
  esac
}

run_case() {
  local side=$1 build=$2 name=$3 command=$4 kind=$5 round=$6
  local full
  full=$(command_for "$build" "$command")
  if [[ -z $full ]]; then
    echo "  $side: skipped ($build cannot run $command)"
    return
  fi
  local output status=0
  output=$(nice $full 2>&1) || status=$?
  printf '=== round %s %s %s (load %s): %s\n%s\n' "$round" "$side" "$name" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$full" "$output" >>"$log"
  if [[ $status -ne 0 ]]; then
    echo "  $side: FAILED (exit $status): $full; see $log" >&2
    return
  fi
  local figures
  figures=$(extract "$kind" "$output")
  echo "  $side: $(tr '\t\n' ' ;' <<<"$figures" | sed -E 's/ (higher|lower);/; /g')"
  while IFS=$'\t' read -r metric value better; do
    [[ -n $metric ]] && printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$metric" "$better" "$side" "$value" >>"$results"
  done <<<"$figures"
}

echo "before: $before"
echo "after:  $after"
echo "rounds: $rounds; every run's output: $log"
for ((round = 1; round <= rounds; round++)); do
  for entry in "${cases[@]}"; do
    IFS='|' read -r name command kind <<<"$entry"
    grep -qE "$only" <<<"$name" || continue
    echo "round $round: $name ($command)"
    if ((round % 2)); then
      run_case before "$before" "$name" "$command" "$kind" "$round"
      run_case after "$after" "$name" "$command" "$kind" "$round"
    else
      run_case after "$after" "$name" "$command" "$kind" "$round"
      run_case before "$before" "$name" "$command" "$kind" "$round"
    fi
  done
done

echo
loads=$(sed -nE 's/^=== .*\(load ([0-9.]+)\).*/\1/p' "$log" | sort -n)
echo "1-minute load average at the start of the runs: $(head -1 <<<"$loads")-$(tail -1 <<<"$loads")"
echo "Medians over $rounds rounds (before $before, after $after):"
python3 - "$results" <<'EOF'
import statistics, sys
rows = {}
order = []
for line in open(sys.argv[1]):
    name, metric, better, side, value = line.rstrip("\n").split("\t")
    key = (name, metric, better)
    if key not in rows:
        rows[key] = {"before": [], "after": []}
        order.append(key)
    rows[key][side].append(float(value))
print("| case | figure | before (median) | after (median) | after / before | better |")
print("|---|---|---|---|---|---|")
fmt = lambda v: "-" if v is None else (f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}")
for key in order:
    name, metric, better = key
    b = statistics.median(rows[key]["before"]) if rows[key]["before"] else None
    a = statistics.median(rows[key]["after"]) if rows[key]["after"] else None
    ratio = f"{a / b:.2f}" if a is not None and b else "-"
    print(f"| {name} | {metric} | {fmt(b)} | {fmt(a)} | {ratio} | {better} |")
EOF
