#!/usr/bin/env bash
# Measures verifying a long audit chain after a few appends (see BENCHMARKS.md).
# JAVA_OPTS passes knobs: -Dbench.rows=1000000 (the chain's length), -Dbench.rounds=5.
# MVN_ARGS passes Maven options, such as -o to build offline. Builds from the reactor
# (-pl audit -am) and installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
# The audit module's test classpath as the compiler sees it (mvn -X prints it), as run-backfill.sh does.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
rm -rf audit/target/maven-status/maven-compiler-plugin/testCompile
if ! mvn -B -X ${MVN_ARGS:-} -pl audit -am test-compile > "$log" 2>&1; then
  grep -E '^\[(ERROR|WARNING)\]' "$log" >&2 || tail -n 40 "$log" >&2
  exit 1
fi
classpath=$(sed -n 's#^\[DEBUG\] -d [^ ]*/audit/target/test-classes -classpath \([^ ]*\) .*#\1#p' "$log" | tail -n 1)
if [ -z "$classpath" ]; then
  echo "Could not read the audit module's test classpath from the build output" >&2
  exit 1
fi
rm -f "$log"
exec java ${JAVA_OPTS:-} -cp "$classpath" io.tributary.audit.VerifyBench "$@"
