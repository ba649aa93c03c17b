#!/usr/bin/env bash
# Benchmark, not a test: Slipway's BuildImages → ComposeUp → SmokeTest (with ComposeDown) against the same work
# done with the raw tools (prebuild scripts, buildx bake, compose up --wait, curl checks, compose down), on the
# reference stack, with a cold build cache and then a warm one. Prints the times and the ratios.
# Targets: Slipway/raw ≤ 1.10 warm; a warm BuildImages with no source change under 15 s.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
STACK="$ROOT/src/Stack"
PORT="${BENCH_PORT:-18080}"

now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }

cold() {
  # Forget every build result but keep the base images, which Restore makes and no build step repeats.
  docker buildx prune --all --force >/dev/null
  rm -rf "$ROOT/.nuke/temp/buildx-cache" "$ROOT/.nuke/temp/bench-cache"
  docker image ls --format '{{.Repository}}:{{.Tag}}' | grep -E '^(slipway-stack|slipway/stack-)' | xargs -r docker image rm --force >/dev/null
}

slipway() {
  ./build.sh BuildImages ComposeUp SmokeTest --skip Restore ScanImages --compose-env "STACK_HTTP_PORT=$PORT" >"$ROOT/.nuke/temp/bench-slipway.log" 2>&1
}

raw() {
  local project="slipway-bench-raw" base="http://127.0.0.1:$PORT" id job
  for service in proxy api worker; do
    (cd "$STACK/$service" && sh -c "$(docker compose -f "$STACK/compose.yaml" config | awk -v s="  $service:" '$0==s{f=1} f&&/x-slipway-prebuild:/{sub(/.*x-slipway-prebuild: /,"");print;exit}')") || return 1
  done
  # bake resolves compose's build contexts from the working directory.
  (cd "$STACK" && docker buildx bake -f compose.yaml --load --progress plain \
    --set "*.cache-from=type=local,src=$ROOT/.nuke/temp/bench-cache" --set "*.cache-to=type=local,dest=$ROOT/.nuke/temp/bench-cache,mode=max") || return 1
  STACK_HTTP_PORT=$PORT docker compose -f "$STACK/compose.yaml" -p "$project" up -d --wait --no-build || return 1
  curl -fsS "$base/healthz" >/dev/null &&
    curl -fsS "$base/health/ready" | grep -q '"database":"up"' &&
    id=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"name":"bench"}' "$base/api/v1/items" | sed -n 's/.*"id":\([0-9]*\).*/\1/p') &&
    curl -fsS "$base/api/v1/items" | grep -q bench &&
    curl -fsS -X DELETE "$base/api/v1/items/$id" >/dev/null &&
    curl -fsS -o /dev/null -w '%{content_type}' "$base/" | grep -q text/html &&
    job=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"input":"bench"}' "$base/api/v1/jobs" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p') &&
    for _ in $(seq 60); do curl -fsS "$base/api/v1/jobs/$job" | grep -q '"status":"done"' && break; sleep 0.5; done &&
    curl -fsS "$base/api/v1/jobs/$job" | grep -q '"status":"done"' &&
    docker compose -f "$STACK/compose.yaml" -p "$project" exec -T db pg_isready >/dev/null
  local checks=$?
  docker compose -f "$STACK/compose.yaml" -p "$project" down -v --remove-orphans || return 1
  return $checks
}

# A failed run would give a meaningless time: stop the benchmark instead.
measure() {
  local start; start=$(now)
  "$@" >>"$ROOT/.nuke/temp/bench-raw.log" 2>&1 || { echo "bench: '$*' failed; see .nuke/temp/bench-*.log" >&2; return 1; }
  elapsed "$start"
}

mkdir -p "$ROOT/.nuke/temp"
: >"$ROOT/.nuke/temp/bench-raw.log"
./build.sh --help >/dev/null   # compile the build project outside the measurements

cold; slipway_cold=$(measure slipway)
slipway_warm=$(measure slipway)
warm_build_start=$(now); ./build.sh BuildImages --skip Restore >/dev/null 2>&1 || { echo "bench: warm BuildImages failed" >&2; exit 1; }; warm_build=$(elapsed "$warm_build_start")
cold; raw_cold=$(measure raw)
raw_warm=$(measure raw)

printf '%-28s %10s %10s %8s\n' "" "Slipway" "raw" "ratio"
printf '%-28s %9.1fs %9.1fs %8.2f\n' "cold cache" "$slipway_cold" "$raw_cold" "$(echo "$slipway_cold / $raw_cold" | bc -l)"
printf '%-28s %9.1fs %9.1fs %8.2f\n' "warm cache" "$slipway_warm" "$raw_warm" "$(echo "$slipway_warm / $raw_warm" | bc -l)"
printf '%-28s %9.1fs %10s   target < 15 s\n' "warm BuildImages, no change" "$warm_build" ""
echo "target: warm ratio ≤ 1.10 | logs: .nuke/temp/bench-slipway.log, .nuke/temp/bench-raw.log"
