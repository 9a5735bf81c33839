#!/usr/bin/env bash
# Signed webhook deliveries a second one server accepts, and the latency from a delivery to fresh
# block data (see BENCHMARKS.md). The argument is the webhook debounce in ms (default 1000).
# Builds in the reactor (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl server -am -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cd server
java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.tributary.server.bench.WebhookDeliveriesBench "${1:-1000}"
