#!/usr/bin/env bash
# Cached quotes against the framework's floor: starts the runnable jar on a fresh embedded H2
# database with the simulated market, waits until it is served, then runs wrk at 64
# connections against GET /v1/ping (constant bytes, no database) and GET /v1/quotes/SYMBOL
# (a cache hit) one after the other on the same server, and prints requests/s, p50 and p99 of
# each and the ratio quotes/ping. Target (issue 5): ratio >= 0.8, quotes p99 < 10 ms.
#
# The simulated market has no BTC (its tickers are made up): SYMBOL defaults to its first coin.
# Usage: bench/wrk.sh [seconds per run]   env: SYMBOL=..., ROUNDS=3, PORT=18090, CONNECTIONS=64,
#   WARMUP=60 (seconds of each path before measuring: C2 needs about a minute on two busy cores),
#   THREADS= (server.maxThreads; 8 per core when unset), GC= (e.g. -XX:+UseParallelGC),
#   FAST_PATH=false (both endpoints through Jersey, for comparison)
# Needs wrk (apt-get install -y wrk) and the jar (mvn -B -q -o package -DskipTests).
# wrk (one thread) and the server share this machine's 2 cores: compare the endpoints as a ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
ROUNDS="${ROUNDS:-3}"
PORT="${PORT:-18090}"
CONNECTIONS="${CONNECTIONS:-64}"
WARMUP="${WARMUP:-60}"
THREADS="${THREADS:-}"
JAR="$PWD/web/target/ballast.jar"
LUA="$PWD/bench/wrk-report.lua"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests

dir=$(mktemp -d)
cleanup() { # each step runs whatever the one before answered (set -e would stop at the first)
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
# No request log, no grading or index jobs and no rate limits: the run measures the request path, not
# log writing, a background job on the other core, or 429s to wrk's single address.
cat >"$dir/bench.yml" <<YAML
server:
  applicationConnectors: [{type: http, port: $PORT, bindHost: 127.0.0.1}]
  adminConnectors: [{type: http, port: $((PORT + 1)), bindHost: 127.0.0.1}]
  requestLog: {appenders: []}
${THREADS:+  maxThreads: $THREADS}
${THREADS:+  minThreads: $THREADS}
logging: {level: WARN}
grading: {enabled: false}
indices: {enabled: false}
auth: {rateLimits: {enabled: false}}
quotes: {fastPath: ${FAST_PATH:-true}}
YAML
(cd "$dir" && exec java -Xms1g -Xmx1g -XX:+AlwaysPreTouch ${GC:-} -jar "$JAR" server bench.yml \
    >server.log 2>&1) &
pid=$!

for _ in $(seq 1 1200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/assets" || true)
  [ "$code" = "200" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.1
done
[ "$code" = "200" ] || { echo "the simulated market was not served in time" >&2; exit 1; }
SYMBOL="${SYMBOL:-$(curl -s "http://127.0.0.1:$PORT/v1/assets?kind=coin" \
    | grep -o '"symbol":"[^"]*"' | head -1 | cut -d'"' -f4)}"
curl -sf "http://127.0.0.1:$PORT/v1/quotes/$SYMBOL" >/dev/null \
    || { echo "no quote for $SYMBOL" >&2; exit 1; }
echo "quote: $(curl -s "http://127.0.0.1:$PORT/v1/quotes/$SYMBOL")"

run() { # path seconds -> RESULT line
  wrk -t1 -c"$CONNECTIONS" -d"${2}s" --latency -s "$LUA" "http://127.0.0.1:$PORT$1" \
      | grep '^RESULT'
}
# Warm up both paths (JIT), then measure them in alternating rounds on the same warm server,
# so that load from elsewhere on the machine falls on both alike; the median round's ratio is
# the figure.
for _ in 1 2; do
  run /v1/ping $((WARMUP / 2)) >/dev/null
  run "/v1/quotes/$SYMBOL" $((WARMUP / 2)) >/dev/null
done
rps() { sed -E 's/.*rps=([0-9.]+).*/\1/' <<<"$1"; }
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  ping=$(run /v1/ping "$SECONDS_PER_RUN")
  quote=$(run "/v1/quotes/$SYMBOL" "$SECONDS_PER_RUN")
  ratio=$(awk -v q="$(rps "$quote")" -v p="$(rps "$ping")" 'BEGIN { printf "%.2f", q / p }')
  ratios+=("$ratio")
  echo "round $round: GET /v1/ping          $ping"
  echo "round $round: GET /v1/quotes/$SYMBOL $quote   ratio $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "ratio quotes/ping, median of $ROUNDS rounds: $median (target >= 0.80); load average now:" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
