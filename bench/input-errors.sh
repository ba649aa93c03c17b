#!/usr/bin/env bash
# Benchmark, not a test: how long a user waits for the error when an input is wrong, on the reference stack with the
# whole chain asked for (./build.sh with the bad input: nothing may run before the error). Each case runs N times; prints
# the median and the slowest time from the command to its exit, which must stay under 2 s, and that the error names the input.
#   bench/input-errors.sh [runs per case, default 5]
# Run it on an otherwise idle machine, after one ./build.sh (so the build project is compiled and compose is installed).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${1:-5}"
TEMP="$(mktemp -d "${TMPDIR:-/tmp}/slipway-bench-inputs-XXXXXX")"
trap 'rm -rf "$TEMP"' EXIT

printf 'checks:\n  - name: x\n    http: { url: "http://proxy:8080/" }\n    expect: { status: 200 }\n    colour: blue\n' >"$TEMP/unknown-field.yaml"
printf 'checks:\n  - name: x\n    http: { url: "http://proxy:8080/" }\n    expect: { status: 200, json: { "$.items[?(@.x==": 1 } }\n' >"$TEMP/bad-jsonpath.yaml"

# name | what the error must name | arguments
CASES=(
  "smoke file with an unknown field|colour|--smoke-file $TEMP/unknown-field.yaml"
  "smoke JSONPath that does not parse|JSONPath|--smoke-file $TEMP/bad-jsonpath.yaml"
  "negative wait timeout|WaitTimeout|--wait-timeout -5"
  "registry over http|Registry|Publish --registry http://registry.example.com/acme"
  "version with a leading zero|Version|Publish --version v01.2.3"
  "advisories folder that is not there|Advisories|--advisories /nonexistent/osv"
)

./build.sh --help >/dev/null   # compile the build project outside the measurements
printf '%-38s %8s %8s  %s\n' case median slowest "first error line"
over=0
for entry in "${CASES[@]}"; do
  IFS='|' read -r name expected args <<<"$entry"
  times=()
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086 # the arguments are words
    if ./build.sh $args >"$TEMP/out" 2>&1; then echo "bench: '$name' was accepted" >&2; exit 1; fi
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
    if grep -qE '^── ' "$TEMP/out"; then echo "bench: '$name' ran a target first" >&2; exit 1; fi
    grep -q -- "$expected" "$TEMP/out" || { echo "bench: '$name' did not name $expected:" >&2; cat "$TEMP/out" >&2; exit 1; }
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -g)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  slowest=$(echo "$sorted" | tail -1)
  (( $(echo "$slowest >= 2" | bc) )) && over=$((over + 1))
  printf '%-38s %7.2fs %7.2fs  %s\n' "$name" "$median" "$slowest" "$(grep -m1 -E 'ERR|error' "$TEMP/out" | cut -c1-110)"
done
echo "cases at or over 2 s: $over of ${#CASES[@]}; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
