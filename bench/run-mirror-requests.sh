#!/usr/bin/env bash
# Counts the Stripe requests of an MRR answer for 10,000 subscriptions, from the mirror and live,
# end to end through the server (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl server -am
mvn -B -q -pl server dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "server/target/test-classes:server/target/classes:$(cat server/target/bench.classpath)" \
  io.tributary.server.bench.MirrorRequestsBench
