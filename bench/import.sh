#!/usr/bin/env bash
# Times `java -jar ballast.jar import <folder>` of the shared CoinGecko exports (40 files,
# ~97,000 rows) into a fresh embedded H2 database, then a re-import of the same files (which
# must change nothing). Reports the wall time of the whole command (JVM start included) and the
# import's own time as the command prints it.
# Usage: bench/import.sh [runs] [folder]   (default folder: ../shared/data/coingecko)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
DATA="$(cd "${2:-../shared/data/coingecko}" && pwd)"
JAR="$PWD/web/target/ballast.jar"
[ -f "$JAR" ] || mvn -B -q package -DskipTests

for run in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  for pass in fresh again; do
    t0=$(date +%s%N)
    summary=$(cd "$dir" && java -jar "$JAR" import "$DATA" 2>/dev/null | tail -1)
    echo "run $run $pass: wall $(( ($(date +%s%N) - t0) / 1000000 )) ms; $summary"
  done
  rm -rf "$dir"
done
