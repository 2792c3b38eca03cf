#!/usr/bin/env bash
# Regenerates the CRD from the api/ model classes (fabric8 crd-generator) and copies it here.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -pl api -am process-classes
cp api/target/crds/dnsextractionruns.dns.purplejo.io-v1.yml crds/
cp api/target/crds/dnsextractionruns.dns.purplejo.io-v1.yml charts/dns-extraction-operator/crds/
echo "crds/dnsextractionruns.dns.purplejo.io-v1.yml regenerated"
