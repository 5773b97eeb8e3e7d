#!/usr/bin/env bash
# The full fuzz run of issue 12: requests generated from each service's OpenAPI document against a stack of its own on
# loopback (at least 10,000 per service), checking that nothing answers 5xx, every 4xx is a problem, and no refused
# request stores or publishes anything.
#
#   deploy/fuzz.sh [--requests N] [--seed S] [--no-build] [--port-offset N]
#
# Prints a markdown table, writes it into deploy/bench/RESULTS.md and README.md (between their fuzz-results markers)
# and, with every failing request, to deploy/bench/results/fuzz-<timestamp>.md. Exits 1 if any request broke a rule.
# Bounded in time: the run is stopped after 90 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
ARGS=()
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        *) ARGS+=("$arg") ;;
    esac
done

if [ "$BUILD" = 1 ]; then
    ./mvnw -B -ntp -pl scheduling-service,evaluation-service,exchange-gateway,deploy/bench -am package -DskipTests
fi

# The harness runs from a copy of its classpath, as the services run from copies of their apps, so that a build
# during the run cannot change a jar under it.
RUN_CP="deploy/bench/target/fuzz-classpath-$(date +%s)"
mkdir -p "$RUN_CP/lib"
cp -r deploy/bench/target/classes "$RUN_CP/classes"
CP="$RUN_CP/classes"
i=0
for entry in $(tr ':' ' ' < deploy/bench/target/classpath.txt); do
    i=$((i + 1))
    copy="$RUN_CP/lib/$i-$(basename "$entry")"
    cp -r "$entry" "$copy"
    CP="$CP:$copy"
done
exec timeout --signal=TERM --kill-after=60s 90m java -Xmx2g -cp "$CP" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
    org.outreachexchange.bench.FuzzMain --repo "$ROOT" "${ARGS[@]}"
