#!/usr/bin/env bash
# Measures the mirror's dataset backfill against the fake Stripe (see BENCHMARKS.md).
# Arguments: the runs, any of shared, sequential, concurrent, baseline (default: all four).
# JAVA_OPTS passes knobs, such as -Dbench.latencyMs=300 (see BackfillBench's javadoc);
# MVN_ARGS passes Maven options, such as -o to build offline. Builds from the reactor
# (-pl server -am) and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The server's test classpath as the compiler sees it: the reactor's modules as their target
# folders (connector-stripe's test-jar as its test-classes, where the fake Stripe lives), the rest
# from ~/.m2. The server's tests are compiled again so that the compiler prints it (mvn -X); this
# needs no plugin beyond the build's own (dependency:build-classpath needs some not in ~/.m2 here).
log=$(mktemp)
trap 'rm -f "$log"' EXIT
rm -rf server/target/maven-status/maven-compiler-plugin/testCompile
if ! mvn -B -X ${MVN_ARGS:-} -pl server -am test-compile > "$log" 2>&1; then
  grep -E '^\[(ERROR|WARNING)\]' "$log" >&2 || tail -n 40 "$log" >&2
  exit 1
fi
classpath=$(sed -n 's#^\[DEBUG\] -d [^ ]*/server/target/test-classes -classpath \([^ ]*\) .*#\1#p' "$log" | tail -n 1)
if [ -z "$classpath" ]; then
  echo "Could not read the server's test classpath from the build output" >&2
  exit 1
fi
rm -f "$log"
exec java ${JAVA_OPTS:-} -cp "$classpath" io.tributary.server.bench.BackfillBench "$@"
