#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs IndicatorBenchmark: Ballast's Indicators against
# ta4j (DoubleNum) on the same synthetic data in the same run, then prints both scores and the
# ratio. Arguments replace the default iteration counts and go to JMH, e.g.
# `bench/indicators.sh -wi 1 -i 2 -p assets=500`; HEAP=6g changes the heap.
#
# The measured (forked) JVM gets a fixed, pre-touched heap: on these VMs touching fresh memory
# costs about 10 µs a page, so a growing heap would measure page faults (shared/STACK.md).
set -euo pipefail

cd "$(dirname "$0")/.."
HEAP="${HEAP:-4g}"
JVM_ARGS="-Xms${HEAP} -Xmx${HEAP} -XX:+AlwaysPreTouch"
RESULT="bench/target/indicators.csv"

mvn -B -q package -pl bench -am -DskipTests

if [ $# -eq 0 ]; then
  set -- -wi 2 -i 3
fi

java -jar bench/target/benchmarks.jar IndicatorBenchmark \
  -f 1 -jvmArgs "${JVM_ARGS}" -rf csv -rff "${RESULT}" "$@"

# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params
awk -F, '
  NR > 1 {
    gsub(/"/, "", $1); name = $1; sub(/.*\./, "", name)
    score[name] = $5; unit = $7; gsub(/"/, "", unit)
  }
  END {
    printf "ballast: %10.1f %s\n", score["ballast"], unit
    printf "ta4j:    %10.1f %s\n", score["ta4j"], unit
    if (score["ballast"] > 0) printf "ratio:   %10.1fx faster with Ballast\n", score["ta4j"] / score["ballast"]
  }' "${RESULT}"
