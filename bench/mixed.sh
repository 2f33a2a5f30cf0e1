#!/usr/bin/env bash
# A mixed workload against the runnable jar, on H2 (the embedded default) or PostgreSQL: what
# owners and analysts ask for, weighted (bench/mixed-paths below): single and multiple quotes,
# pages of ratings (by trader and by investor grade), one asset's rating, and an owner's
# portfolio valued at the cached quotes, its daily history and the list of portfolios.
#
# It starts the jar on a fresh database with the simulated market (grading and the indices on, as
# by default), waits until the grades are in, makes an owner key (create-key) and a portfolio of
# five coins, warms the JIT up, then runs wrk twice on the same server:
#   paced:  CONNECTIONS connections sending RATE requests/s in total (target: >= 1,000 req/s held
#           with p99 < 50 ms);
#   closed: 64 connections as fast as they are answered (the capacity left over).
# Prints a RESULT line for each (requests/s, p50/p90/p99/max in ms, errors = non-2xx/3xx or
# socket errors).
#
# Usage: bench/mixed.sh h2|postgres [seconds]    env: RATE=1100 CONNECTIONS=32 PORT=18090,
#   THREADS= (server.maxThreads; 8 per core when unset), WARMUP=90
#   PostgreSQL: BALLAST_BENCH_POSTGRES_URL (+ _USER, _PASSWORD) names an empty database to use;
#   without it a throwaway cluster is started from Debian's PostgreSQL binaries
#   (apt-get install -y postgresql) as the postgres user, on port PORT + 2.
# Needs wrk and the jar (mvn -B -q -o package -DskipTests). wrk and the server share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE="${1:-h2}"
SECONDS_PER_RUN="${2:-30}"
RATE="${RATE:-1100}"
CONNECTIONS="${CONNECTIONS:-32}"
PORT="${PORT:-18090}"
THREADS="${THREADS:-}"
JAR="$PWD/web/target/ballast.jar"
BENCH="$PWD/bench"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || mvn -B -q -o package -DskipTests
case "$ENGINE" in h2|postgres) ;; *) echo "usage: bench/mixed.sh h2|postgres [seconds]" >&2; exit 2;; esac

dir=$(mktemp -d)
chmod 755 "$dir"
pgbin=""
cleanup() { # each step runs whatever the one before answered (set -e would stop at the first)
  if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$pgbin" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT


database=""
if [ "$ENGINE" = postgres ]; then
  url="${BALLAST_BENCH_POSTGRES_URL:-}"
  user="${BALLAST_BENCH_POSTGRES_USER:-postgres}"
  password="${BALLAST_BENCH_POSTGRES_PASSWORD:-}"
  if [ -z "$url" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$pgbin" ] || { echo "no PostgreSQL: apt-get install -y postgresql, or set" \
        "BALLAST_BENCH_POSTGRES_URL" >&2; exit 1; }
    install -d -o postgres "$dir/pg"
    runuser -u postgres -- "$pgbin/initdb" -D "$dir/pg" -U postgres -A trust >/dev/null
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/pg" -l "$dir/pg/log" -w \
        -o "-p $((PORT + 2)) -k $dir/pg -c listen_addresses=127.0.0.1" start >/dev/null \
        || { cat "$dir/pg/log" >&2; exit 1; }
    url="jdbc:postgresql://127.0.0.1:$((PORT + 2))/postgres"
  fi
  database="database: {driverClass: org.postgresql.Driver, url: '$url', user: '$user', password: '$password'}"
fi

# No request log and no rate limits: the run measures serving, not log writing or 429s to wrk's
# single address. Everything else as by default.
cat >"$dir/bench.yml" <<YAML
server:
  applicationConnectors: [{type: http, port: $PORT, bindHost: 127.0.0.1}]
  adminConnectors: [{type: http, port: $((PORT + 1)), bindHost: 127.0.0.1}]
  requestLog: {appenders: []}
${THREADS:+  maxThreads: $THREADS}
${THREADS:+  minThreads: $THREADS}
logging: {level: WARN}
auth: {rateLimits: {enabled: false}}
$database
YAML
(cd "$dir" && exec java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -jar "$JAR" server bench.yml \
    >server.log 2>&1) &
pid=$!
api="http://127.0.0.1:$PORT"

echo "waiting for the simulated market and its grades ($ENGINE)..."
for _ in $(seq 1 1800); do
  ratings=$(curl -s "$api/v1/ratings?limit=5" || true)
  grep -q '"symbol"' <<<"$ratings" && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  sleep 0.2
done
grep -q '"symbol"' <<<"$ratings" || { echo "no ratings in time" >&2; exit 1; }
coins=$(curl -s "$api/v1/assets?kind=coin&limit=5" | grep -o '"symbol":"[^"]*"' | cut -d'"' -f4)
read -r c1 c2 c3 c4 c5 <<<"$(echo $coins)"

key=$(cd "$dir" && java -jar "$JAR" create-key --role owner --name bench -c bench.yml | tail -1)
portfolio=$(curl -sf -X POST "$api/v1/portfolios" -H "X-API-Key: $key" \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed -E 's/.*"id":"?([^",}]*).*/\1/')
for c in $c1 $c2 $c3 $c4 $c5; do
  curl -sf -o /dev/null -X POST "$api/v1/portfolios/$portfolio/deposits" -H "X-API-Key: $key" \
      -H 'Content-Type: application/json' -d "{\"asset\":\"$c\",\"quantity\":\"100\"}"
done
curl -sf -o /dev/null -X POST "$api/v1/portfolios/$portfolio/deposits" -H "X-API-Key: $key" \
    -H 'Content-Type: application/json' -d '{"cashUsd":"25000"}'

cat >"$dir/paths" <<PATHS
6 /v1/quotes/$c1
6 /v1/quotes/$c2
6 /v1/quotes/$c3
6 /v1/quotes/$c4
6 /v1/quotes/$c5
10 /v1/quotes?symbols=$c1,$c2,$c3,$c4,$c5
15 /v1/ratings?limit=50
10 /v1/ratings?limit=50&sort=investorGrade
5 /v1/ratings/$c1
20 /v1/portfolios/$portfolio owner
5 /v1/portfolios/$portfolio/history owner
5 /v1/portfolios owner
PATHS
while read -r _ path who; do
  code=$(curl -s -o /dev/null -w '%{http_code}' ${who:+-H "X-API-Key: $key"} "$api$path")
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
done <"$dir/paths"

run() { # connections rate seconds
  PATHS_FILE="$dir/paths" OWNER_KEY="$key" RATE="$2" CONNECTIONS="$1" \
      REPORT_LUA="$BENCH/wrk-report.lua" \
      wrk -t1 -c"$1" -d"${3}s" --latency -s "$BENCH/mixed.lua" "$api" | grep '^RESULT'
}
echo "warming up (${WARMUP:-90} s: the JIT needs about a minute on two busy cores)..."
run 64 0 "${WARMUP:-90}" >/dev/null
echo "paced  ($CONNECTIONS connections, $RATE req/s asked): $(run "$CONNECTIONS" "$RATE" "$SECONDS_PER_RUN")"
echo "closed (64 connections, flat out):          $(run 64 0 "$SECONDS_PER_RUN")"
echo "engine $ENGINE; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
