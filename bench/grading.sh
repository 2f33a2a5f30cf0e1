#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs GradingBenchmark: Grader.gradeAll over a synthetic
# universe of 2,000 assets × 2,000 days (both grades, every factor), then prints ms/op. Arguments
# replace the default iteration counts and go to JMH, e.g. `bench/grading.sh -wi 1 -i 2 -p
# assets=500`; HEAP=6g changes the heap.
#
# The measured (forked) JVM gets a fixed, pre-touched heap: on these VMs touching fresh memory
# costs about 10 µs a page, so a growing heap would measure page faults (shared/STACK.md).
set -euo pipefail

cd "$(dirname "$0")/.."
HEAP="${HEAP:-4g}"
JVM_ARGS="-Xms${HEAP} -Xmx${HEAP} -XX:+AlwaysPreTouch"
RESULT="bench/target/grading.csv"

mvn -B -q package -pl bench -am -DskipTests

if [ $# -eq 0 ]; then
  set -- -wi 3 -i 5
fi

java -jar bench/target/benchmarks.jar GradingBenchmark \
  -f 1 -jvmArgs "${JVM_ARGS}" -rf csv -rff "${RESULT}" "$@"

# JMH's CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit",params
awk -F, '
  NR > 1 {
    gsub(/"/, "", $7)
    printf "gradeAll: %10.1f ± %.1f %s\n", $5, $6, $7
  }' "${RESULT}"
