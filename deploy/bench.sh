#!/usr/bin/env bash
# Benchmarks of the whole exchange on loopback (issue 6): end-to-end latency, sustained ingest, outbox relay lag,
# footprint and replay, each beside a raw baseline measured in the same run.
#
#   deploy/bench.sh [--quick [--update-baseline]] [--jfr] [--service-jvm "OPTIONS"] [--no-build] [--replay-events N] [--port-offset N] [--only e2e,ingest,scale-out,footprint,replay]
#
# --quick is the CPU guard (under 5 minutes once built): 50 activities/s for 30 s after a 20 s warm-up, and the
# services' CPU per activity beside the committed baseline deploy/bench/quick-baseline.json; exits 1 when it rose by
# more than 25 %. --update-baseline writes that baseline from the run instead (on a quiet machine). --quick with
# --only runs those sections with short durations. --jfr records each service with Java Flight Recorder (profile
# settings) into the run's work directory, for `jfr view hot-methods` and the like.
#
# Prints a markdown table and writes deploy/bench/results/bench-<timestamp>.{md,json}. Bounded in time: the whole
# run is stopped after 90 minutes (40 with --quick). Needs a JDK 17 and what ./mvnw fetches; installs pgbench
# (Debian's postgresql-client) when it is missing and apt-get can.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=1
LIMIT=90m
ARGS=()
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=0 ;;
        --quick) LIMIT=40m; ARGS+=("$arg") ;;
        *) ARGS+=("$arg") ;;
    esac
done

find_pgbench() {
    command -v pgbench 2>/dev/null && return 0
    ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 | grep . && return 0
    return 1
}
if ! PGBENCH=$(find_pgbench); then
    echo "pgbench not found: installing Debian's postgresql-client"
    if [ "$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; then
        PGBENCH=$(find_pgbench || true)
    fi
fi
if [ -n "${PGBENCH:-}" ]; then
    export PGBENCH
else
    echo "pgbench is unavailable: the ingest baseline runs the same transaction from a JDBC loop (the results say so)"
fi

if [ "$BUILD" = 1 ]; then
    ./mvnw -B -ntp -pl scheduling-service,evaluation-service,exchange-gateway,deploy/bench -am package -DskipTests
    ./mvnw -B -ntp -f deploy/bench/hello/pom.xml package -DskipTests
fi

CP="deploy/bench/target/classes:$(cat deploy/bench/target/classpath.txt)"
exec timeout --signal=TERM --kill-after=60s "$LIMIT" java -Xmx2g -cp "$CP" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
    org.outreachexchange.bench.BenchMain --repo "$ROOT" "${ARGS[@]}"
