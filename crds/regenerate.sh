#!/usr/bin/env bash
# Regenerates the CRDs from the api/ model classes (fabric8 crd-generator, then CrdFinish: column order,
# list types) and writes it here and into the chart.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl api -am test -Dtest='CrdFileTest#theCommittedCrdIsTheOneTheModelGenerates*' -Dsurefire.failIfNoSpecifiedTests=false -Ddnsx.crd.write=true
echo "crds/dnsextractionruns.dns.purplejo.io-v1.yml and crds/dnsextractionschedules.dns.purplejo.io-v1.yml regenerated"
