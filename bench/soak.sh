#!/usr/bin/env bash
# Soak, on demand (not part of the test suite): one run of DOMAINS domains (default 1,000,000) with a
# real fault every INTERVAL seconds (default 60): a worker killed, RabbitMQ stopped 30 s, PostgreSQL
# restarted, the DNS server stopped 20 s, the publisher killed, in turn. At the end it recounts (one
# outcome per domain, counters equal to the outcomes, no duplicate or wrong record, queues empty) and
# resolves whatever timed out with a retry run; the row goes into docs/reliability.md.
#
# Usage: bench/soak.sh [DOMAINS] [INTERVAL]   Needs root and the services of .ci/services (it stops them).
set -euo pipefail
cd "$(dirname "$0")/.."
DOMAINS=${1:-1000000}
INTERVAL=${2:-60}
mvn -B -ntp test -pl e2e -am -Dtest=SoakRun -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddnsx.soak.domains="$DOMAINS" -Ddnsx.soak.interval="$INTERVAL" \
  -Ddnsx.reliability.docs="$(pwd)/docs/reliability.md" -Dsurefire.timeout=0
grep -E "killed|stopped|restarted" e2e/target/surefire-reports/*SoakRun-output.txt || true
echo "soak: docs/reliability.md updated"
