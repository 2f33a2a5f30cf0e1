#!/usr/bin/env bash
# Startup of the runnable jar on the embedded default, as a newcomer runs it: in an empty
# folder, `java -jar ballast.jar server` with no configuration. Prints the time to the first
# answered HTTP request (a 503 "loading" problem while the simulated market is written into the
# new H2 file), to the first 200 with data, and the same for a restart on the filled database.
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing; uses port 18080)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
JAR="$PWD/web/target/ballast.jar"
[ -f "$JAR" ] || mvn -B -q package -DskipTests
PORT=18080
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

start_and_time() { # prints "first-answer-ms data-ms"
  local dir="$1" t0 first="" code
  t0=$(date +%s%N)
  (cd "$dir" && exec java -Ddw.server.applicationConnectors[0].port=$PORT \
      -Ddw.server.adminConnectors[0].port=$((PORT + 1)) -jar "$JAR" server >server.log 2>&1) &
  local pid=$!
  for _ in $(seq 1 1200); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/assets" || true)
    if [ "$code" != "000" ] && [ -z "$first" ]; then first=$(ms "$t0"); fi
    if [ "$code" = "200" ]; then echo "$first $(ms "$t0")"; kill "$pid"; wait "$pid" || true; return; fi
    sleep 0.05
  done
  kill "$pid"; echo "timed out" >&2; exit 1
}

for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  read -r first data < <(start_and_time "$dir")
  read -r rfirst rdata < <(start_and_time "$dir")
  echo "run $run: fresh database: first answer ${first} ms, data served ${data} ms;" \
    "restart: first answer ${rfirst} ms, data served ${rdata} ms"
  rm -rf "$dir"
done
