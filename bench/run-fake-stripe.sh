#!/usr/bin/env bash
# Runs the fake Stripe (connector-stripe's test-jar) on 127.0.0.1 and prints its API base and a
# read-only key: point TRIBUTARY_STRIPE_API_BASE at it to try the server without a Stripe account.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl connector-stripe -am
mvn -B -q -pl connector-stripe dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "connector-stripe/target/test-classes:connector-stripe/target/classes:$(cat connector-stripe/target/bench.classpath)" \
  io.tributary.connector.stripe.fake.FakeStripeMain "$@"
