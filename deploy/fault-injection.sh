#!/usr/bin/env bash
# Fault injection (issue 6): streams activities from JP, US and AU at 200/s while, in turn, the Kafka broker is
# SIGKILLed and SIGSTOPped, each service is SIGKILLed, one of two gateway and two evaluation-service replicas each is
# SIGKILLed (scale-out), and the JP scheduling-service's PostgreSQL is killed; then
# counts at every subscriber and in the evaluation (0 lost, 0 duplicated effects) and the time back to steady state.
# Then subscriber faults: 500s, timeouts, 429 with Retry-After, 410, dead letters replayed, signatures verified.
#
#   deploy/fault-injection.sh [--quick] [--no-build] [--activities N] [--port-offset N] [--subscriber-faults-only]
#                             [--only kafka-kill,kafka-stop,<service>-kill,scale-out,pg-jp-kill,subscribers]
#
# 10,000 activities per fault (1,000 with --quick). Loopback only. Writes deploy/bench/results/faults-<timestamp>.{md,json};
# exits non-zero when anything was lost or doubled. Stopped after 150 minutes (50 with --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
LIMIT=150m
ARGS=()
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        --quick) LIMIT=50m; ARGS+=("$arg") ;;
        *) ARGS+=("$arg") ;;
    esac
done

if [ "$BUILD" = 1 ]; then
    ./mvnw -B -ntp -pl scheduling-service,evaluation-service,exchange-gateway,deploy/bench -am package -DskipTests
fi

CP="deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)"
exec timeout --signal=TERM --kill-after=60s "$LIMIT" java -Xmx2g -cp "$CP" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
    org.outreachexchange.bench.FaultInjectionMain --repo "$ROOT" "${ARGS[@]}"
