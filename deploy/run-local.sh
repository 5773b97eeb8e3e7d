#!/usr/bin/env bash
# The one command: builds what is missing, then starts the whole Outreach Exchange on this machine
# (real Kafka, real PostgreSQL, a scheduling-service per partner, the evaluation-service and the gateway) and loads
# the 2008 scenario. Ctrl-C stops everything.
#   ./deploy/run-local.sh [--build | --no-build] [--empty] [--clock-start INSTANT|now] [--governments JP,US,AU,KR]
#                         [--data-dir DIR] [--ports-offset N]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stack="$repo/deploy/local-stack"

build=auto
for arg in "$@"; do
  case "$arg" in
    --build) build=always ;;
    --no-build) build=never ;;
  esac
done

if ! command -v java >/dev/null 2>&1; then
  echo "run-local.sh needs a JDK 17 or newer on the PATH (java not found)" >&2
  exit 1
fi

missing=()
for module in scheduling-service evaluation-service exchange-gateway; do
  [[ -f "$repo/$module/target/quarkus-app/quarkus-run.jar" ]] || missing+=("$module")
done
[[ -f "$stack/target/classpath.txt" && -d "$stack/target/classes" ]] || missing+=("deploy/local-stack")

if [[ "$build" == always || ( "$build" == auto && ${#missing[@]} -gt 0 ) ]]; then
  [[ ${#missing[@]} -gt 0 ]] && echo "Not built yet: ${missing[*]}"
  echo "Building with the Maven wrapper (first time: a few minutes; tests skipped)..."
  (cd "$repo" && ./mvnw -B -q -DskipTests install)
elif [[ ${#missing[@]} -gt 0 ]]; then
  echo "Not built: ${missing[*]}. Run without --no-build, or: ./mvnw -B -DskipTests install" >&2
  exit 1
fi

exec java -Doutreach.repository.root="$repo" \
  -cp "$stack/target/classes:$(cat "$stack/target/classpath.txt")" \
  org.outreachexchange.deploy.LocalStack "$@"
