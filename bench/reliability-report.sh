#!/usr/bin/env bash
# Runs the tests that fill docs/reliability.md (faults mid-run, hostile answers, bad messages, and the
# misbehaving-resolver throughput benchmark) and replaces the tables there with what they observed.
# Usage: bench/reliability-report.sh      Needs root and the services of .ci/services (it stops them).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="$(pwd)/docs/reliability.md"
mvn -B -ntp test -pl worker-image,e2e -am \
  -Dtest='HostileAnswersTest,WorkerServiceTest,MisbehavingResolversBench,FaultRunTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Ddnsx.reliability.docs="$DOCS"
git --no-pager diff --stat -- docs/reliability.md
