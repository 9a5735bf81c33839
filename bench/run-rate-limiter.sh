#!/usr/bin/env bash
# Measures the Stripe connector's per-key rate limiter against the fake Stripe (see BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl connector-stripe -am
mvn -B -q -pl connector-stripe dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "connector-stripe/target/test-classes:connector-stripe/target/classes:$(cat connector-stripe/target/bench.classpath)" \
  io.tributary.connector.stripe.bench.RateLimiterBench
