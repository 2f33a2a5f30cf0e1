#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs BacktestBenchmark on a synthetic universe of 100
# assets × 3,650 days (10 years): the MarketContext alone, one top10-mcap backtest with the
# overlay (weekly, with its no-overlay benchmark) with and without building the context, and a
# sweep of 1,000 backtests on one shared context. Prints ms/op (the sweep in s/op). Arguments
# go to JMH, e.g. `bench/backtest.sh -wi 1 -i 2` or `bench/backtest.sh backtest`; HEAP=4g changes
# the heap.
#
# The measured JVM gets a fixed, pre-touched heap (shared/STACK.md): on these VMs touching fresh
# memory costs about 10 µs a page, so a growing heap would measure page faults.
set -euo pipefail

cd "$(dirname "$0")/.."
HEAP="${HEAP:-2g}"
JVM_ARGS="-Xms${HEAP} -Xmx${HEAP} -XX:+AlwaysPreTouch"
RESULT="bench/target/backtest.csv"

mvn -B -q package -pl bench -am -DskipTests

PATTERN="BacktestBenchmark"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
  PATTERN="BacktestBenchmark.$1"
  shift
fi
if [ $# -eq 0 ]; then
  set -- -wi 2 -i 3
fi

java -jar bench/target/benchmarks.jar "${PATTERN}" \
  -f 1 -jvmArgs "${JVM_ARGS}" -rf csv -rff "${RESULT}" "$@"

# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params
awk -F, '
  NR > 1 {
    gsub(/"/, "", $1); gsub(/"/, "", $7)
    sub(/.*\./, "", $1)
    printf "%-20s %10.3f ± %.3f %s\n", $1, $5, $6, $7
  }' "${RESULT}"
