#!/usr/bin/env bash
# Builds the three images from images/Dockerfile and the fat jars:
#   ${REGISTRY:-localhost}/dns-worker:<version>, dns-publisher:<version>, dns-operator:<version>
# <version> is the project version (pom.xml). Options (environment):
#   ENGINE      podman (default) or docker
#   REGISTRY    image name prefix, e.g. registry.example.com/dnsx (default: localhost)
#   BASE_IMAGE  the Java 17 runtime to build on (default: images/Dockerfile's public one)
#   LOCAL_BASE  1: build on images/base/build-base.sh's Debian-made base, pulling nothing (CI does this)
#   PUSH        1: push the three images to REGISTRY after building
#   SKIP_JARS   1: use the jars already in */target
set -euo pipefail
cd "$(dirname "$0")/.."
ENGINE=${ENGINE:-podman}
REGISTRY=${REGISTRY:-localhost}
VERSION=${VERSION:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}
REVISION=${REVISION:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}
log() { echo "images: $*" >&2; }

pull=()
if [ "${LOCAL_BASE:-0}" = 1 ]; then
  BASE_IMAGE=$(bash images/base/build-base.sh)
  pull=(--pull=never)
fi
base_arg=()
[ -n "${BASE_IMAGE:-}" ] && base_arg=(--build-arg "BASE_IMAGE=$BASE_IMAGE")

if [ "${SKIP_JARS:-0}" != 1 ]; then
  log "building the jars"
  mvn -B -q -ntp package -DskipTests
fi

for spec in worker:worker-image/target/dns-worker.jar publisher:publisher-image/target/dns-publisher.jar \
            operator:operator/target/dns-operator.jar; do
  name=dns-${spec%%:*}
  jar=${spec#*:}
  [ -f "$jar" ] || { log "$jar is missing: build the jars first"; exit 2; }
  tag="$REGISTRY/$name:$VERSION"
  log "building $tag"
  "$ENGINE" build "${pull[@]}" "${base_arg[@]}" --build-arg "JAR=$jar" --build-arg "VERSION=$VERSION" \
    --build-arg "REVISION=$REVISION" --build-arg "TITLE=$name" -f images/Dockerfile -t "$tag" . >&2
  if [ "${PUSH:-0}" = 1 ]; then
    log "pushing $tag"
    "$ENGINE" push "$tag" >&2
  fi
  echo "$tag"
done
