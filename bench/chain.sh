#!/usr/bin/env bash
# Benchmark, not a test: Slipway's BuildImages → ComposeUp → SmokeTest (with ComposeDown) against the same work done
# with the raw tools (prebuild scripts, buildx bake, compose up --wait, curl/exec checks, compose down), alternated
# A B A B so that the machine's drift hits both alike: cold pairs (build cache emptied before each side) in turns
# A B then B A, since the side that runs second after a cold start finds the engine's content store warmer, then warm
# pairs. Prints each pair's ratio, the medians, Slipway's time per target and the raw run's per step. The "-down"
# column is the ratio without the teardown (Slipway kills its throwaway stack; the raw run stops it gracefully, as
# `compose down` does by default), to show how much of the difference that is.
#   bench/chain.sh [reference|ledger] [warm pairs, default 3] [cold pairs, default 3]
# Run it on an otherwise idle machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
python3 -c 'import yaml' 2>/dev/null || { echo "bench: needs python3 with PyYAML (Debian: python3-yaml)" >&2; exit 2; }
STACK_NAME="${1:-reference}"
PAIRS="${2:-3}"
COLD_PAIRS="${3:-3}"
TEMP="$ROOT/.nuke/temp/bench"
mkdir -p "$TEMP"

now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }

case "$STACK_NAME" in
  reference)
    COMPOSE="$ROOT/src/ReferenceStack/compose.yaml"
    SLIPWAY_STACK=()
    PROFILE=()
    PROJECT_PREFIX=slipway-stack
    REPOS='^slipway-stack/' ;;
  ledger)
    COMPOSE="$ROOT/tests/Stacks/ledger/compose.yaml"
    SLIPWAY_STACK=(--compose-file "$COMPOSE" --compose-profile tools --smoke-file "$ROOT/tests/Stacks/ledger/smoke.yaml")
    PROFILE=(--profile tools)
    PROJECT_PREFIX=ledger
    REPOS='^ledger/' ;;
  *) echo "bench: unknown stack '$STACK_NAME' (reference or ledger)" >&2; exit 2 ;;
esac
STACK_DIR="$(dirname "$COMPOSE")"

# Cold, for one side: BuildKit's cache and the stack's images gone, that side's own layer cache emptied, every
# prebuild's up-to-date stamp forgotten and .NET's build servers stopped, so neither side finds work the other did. Base
# images stay: Restore makes them and no build step repeats that.
cold() {
  dotnet build-server shutdown >/dev/null 2>&1 || true
  docker buildx prune --all --force >/dev/null
  docker image ls --format '{{.Repository}}:{{.Tag}}' | { grep -E "$REPOS" || true; } | xargs -r docker image rm --force >/dev/null
  find "$STACK_DIR" -path '*/node_modules' -prune -o -path '*/obj/publish-*.inputs' -print | xargs -r rm -f
  rm -f "$STACK_DIR"/*/node_modules/.slipway-site.inputs
  if [ "$1" = slipway ]; then rm -rf "$ROOT/.nuke/temp/buildx-cache"; else rm -rf "$TEMP/raw-cache"; fi
}

# Slipway: the same targets a developer runs; per-target times come from its summary.
slipway() {
  local log="$TEMP/slipway-$1.log"
  ./build.sh BuildImages ComposeUp SmokeTest --skip Restore ScanImages "${SLIPWAY_STACK[@]}" >"$log" 2>&1
}

# The raw tools, step by step, each step's time written to $STEPS_FILE (measure runs them in a subshell).
STEPS_FILE="$TEMP/raw-steps"
step() {
  local name="$1" start; shift
  start=$(now)
  "$@" || return 1
  printf '%s %.1fs  ' "$name" "$(since "$start")" >>"$STEPS_FILE"
}

prebuild() {
  # The x-slipway-prebuild commands compose's canonical output names (its YAML: the JSON drops extensions), each in
  # its service's build context.
  docker compose -f "$COMPOSE" config | python3 -c '
import sys, yaml
for name, service in yaml.safe_load(sys.stdin)["services"].items():
    if "x-slipway-prebuild" in service: print(service["build"]["context"] + "\t" + service["x-slipway-prebuild"])' |
  while IFS=$'\t' read -r context command; do (cd "$context" && sh -c "$command") || return 1; done
}

# The same work as Slipway's bake: buildx's provenance (mode=max) on every image and a local layer cache per image
# (one folder shared by all images would keep only the last image's cache index).
bake() {
  local cache=()
  for service in $BUILT_SERVICES; do
    cache+=(--set "$service.cache-from=type=local,src=$TEMP/raw-cache/$service"
            --set "$service.cache-to=type=local,dest=$TEMP/raw-cache/$service,mode=max")
  done
  (cd "$STACK_DIR" && docker buildx bake -f "$COMPOSE" --load --progress plain --set "*.attest=type=provenance,mode=max" "${cache[@]}")
}

# The six checks of src/ReferenceStack/smoke.yaml, as a script would write them.
reference_checks() {
  local base="http://$(docker compose -f "$COMPOSE" -p "$1" port proxy 8080)" id job
  curl -fsS "$base/healthz" | grep -q ok &&
    curl -fsS "$base/health/ready" | grep -q '"database":"up"' &&
    id=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/v1/items" | sed -n 's/.*"id":\([0-9]*\).*/\1/p') &&
    curl -fsS "$base/api/v1/items/$id" | grep -q bench &&
    curl -fsS "$base/api/v1/items" | grep -q bench &&
    curl -fsS -X DELETE "$base/api/v1/items/$id" >/dev/null &&
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/v1/items/$id")" = 404 ] &&
    curl -fsS -o /dev/null -w '%{content_type}' "$base/" | grep -q text/html &&
    job=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"input":"bench"}' "$base/api/v1/jobs" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p') &&
    for _ in $(seq 120); do curl -fsS "$base/api/v1/jobs/$job" | grep -q '"status":"done"' && break; sleep 0.5; done &&
    curl -fsS "$base/api/v1/jobs/$job" | grep -q '"status":"done"' &&
    docker compose -f "$COMPOSE" -p "$1" exec -T db pg_isready --host=127.0.0.1 --port=5432 | grep -q 'accepting connections'
}

ledger_checks() {
  local base="http://$(docker compose -f "$COMPOSE" --profile tools -p "$1" port reports 8081)"
  curl -fsS "$base/" | grep -q 'ledger reports' &&
    curl -fsS "$base/data/schema.txt" | grep -q 'schema 3' &&
    docker compose -f "$COMPOSE" --profile tools -p "$1" exec -T inspector cat /data/schema.txt | grep -q 'schema 3'
}

raw() {
  local project="$PROJECT_PREFIX-bench-raw"
  : >"$STEPS_FILE"
  step prebuild prebuild || return 1
  step bake bake || return 1
  # Published ports on free host ports, as Slipway publishes them, so that nothing else on the machine is in the way.
  step up env STACK_HTTP_PORT=0 LEDGER_PORT=0 docker compose -f "$COMPOSE" "${PROFILE[@]}" -p "$project" up -d --wait --no-build || return 1
  step checks "${STACK_NAME}_checks" "$project"; local checks=$?
  step down docker compose -f "$COMPOSE" "${PROFILE[@]}" -p "$project" down -v --remove-orphans --timeout 10 || return 1
  return $checks
}

# One side of a pair, timed as a whole; a failed run would give a meaningless time, so it stops the benchmark.
measure() {
  local side="$1" label="$2" start
  start=$(now)
  if [ "$side" = slipway ]; then slipway "$label" || { echo "bench: Slipway failed ($label); see $TEMP/slipway-$label.log" >&2; exit 1; }
  else raw >>"$TEMP/raw-$label.log" 2>&1 || { echo "bench: the raw tools failed ($label); see $TEMP/raw-$label.log" >&2; exit 1; }
  fi
  since "$start"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# Seconds of Slipway's ComposeDown, from its summary (m:ss.fff), and of the raw run's down step.
slipway_down() { grep -E '^ComposeDown +Succeeded' "$TEMP/slipway-$1.log" | awk '{split($3, t, ":"); print t[1] * 60 + t[2]}'; }
raw_down() { sed -n 's/.*down \([0-9.]*\)s.*/\1/p' "$STEPS_FILE"; }
without_down() { echo "($1 - $(slipway_down "$3")) / ($2 - $(raw_down))" | bc -l; }
targets() { grep -E '^(BuildImages|ComposeUp|SmokeTest|ComposeDown) +Succeeded' "$TEMP/slipway-$1.log" | awk '{t=$3; sub(/^0:0?/, "", t); printf "%s %ss  ", $1, t}'; }

./build.sh --help >/dev/null   # compile the build project outside the measurements
dotnet build-server shutdown >/dev/null 2>&1 || true
# The services that build, read once here as a script would list them.
BUILT_SERVICES=$(docker compose -f "$COMPOSE" "${PROFILE[@]}" config --format json | python3 -c '
import json, sys
print(" ".join(name for name, service in json.load(sys.stdin)["services"].items() if "build" in service))')
echo "stack: $STACK_NAME ($COMPOSE); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %9s %9s %7s %6s   %s\n' pair Slipway raw ratio -down "Slipway per target | raw per step"

# One unmeasured run of each side first, so that what the first run on a machine pays (the compile's build servers
# winding down, files not yet cached) is charged to neither.
slipway first >/dev/null; raw >"$TEMP/raw-first.log" 2>&1

cold_ratios=(); cold_up=()
for i in $(seq "$COLD_PAIRS"); do
  if [ $((i % 2)) = 1 ]; then
    order="Slipway first"; cold slipway; s=$(measure slipway "cold$i"); cold raw; r=$(measure raw "cold$i")
  else
    order="raw first"; cold raw; r=$(measure raw "cold$i"); cold slipway; s=$(measure slipway "cold$i")
  fi
  cold_ratios+=("$(echo "$s / $r" | bc -l)"); cold_up+=("$(without_down "$s" "$r" "cold$i")")
  printf '%-8s %8.1fs %8.1fs %7.2f %6.2f   %s| %s(%s)\n' "cold$i" "$s" "$r" "${cold_ratios[-1]}" "${cold_up[-1]}" "$(targets "cold$i")" "$(cat "$STEPS_FILE")" "$order"
done

# The last cold side emptied the caches after the other side's run: one unmeasured run of each side before the warm
# pairs, so that the first warm pair charges that to neither.
slipway settle >/dev/null; raw >"$TEMP/raw-settle.log" 2>&1

ratios=(); up=()
for i in $(seq "$PAIRS"); do
  s=$(measure slipway "warm$i"); r=$(measure raw "warm$i")
  ratios+=("$(echo "$s / $r" | bc -l)"); up+=("$(without_down "$s" "$r" "warm$i")")
  printf '%-8s %8.1fs %8.1fs %7.2f %6.2f   %s| %s\n' "warm$i" "$s" "$r" "${ratios[-1]}" "${up[-1]}" "$(targets "warm$i")" "$(cat "$STEPS_FILE")"
done

printf 'median warm ratio: %.2f over %d pairs; median cold ratio: %.2f over %d pairs; load average after: %s\n' \
  "$(median "${ratios[@]}")" "$PAIRS" "$(median "${cold_ratios[@]}")" "$COLD_PAIRS" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'without the teardown: median warm ratio %.2f, median cold ratio %.2f\n' "$(median "${up[@]}")" "$(median "${cold_up[@]}")"
echo "logs: $TEMP"
