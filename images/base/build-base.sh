#!/usr/bin/env bash
# Builds a Java 17 runtime base image from Debian's packages, without any image registry: debootstrap
# (minbase) with openjdk-17-jre-headless and ca-certificates, imported into podman as
#   localhost/dnsx-java-base:17-bookworm
# The root filesystem tarball is cached in ${DNSX_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-images}
# and the image is not rebuilt when podman already has it. Needs root (debootstrap) and podman.
set -euo pipefail
IMAGE=${BASE_IMAGE_NAME:-localhost/dnsx-java-base:17-bookworm}
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${DNSX_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-images}
tarball="$cache/java-base-$SUITE.tar"
log() { echo "base-image: $*" >&2; }

if podman image exists "$IMAGE"; then
  log "$IMAGE exists"
  echo "$IMAGE"
  exit 0
fi
if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null 2>&1 || { log "debootstrap is missing (apt-get install debootstrap)"; exit 3; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  log "debootstrap $SUITE minbase with openjdk-17-jre-headless (a few minutes)"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates "$SUITE" "$work/rootfs" "$MIRROR" \
    >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 4; }
  # what a runtime image does not need
  rm -rf "$work/rootfs"/var/cache/apt/archives/*.deb "$work/rootfs"/var/lib/apt/lists/* \
         "$work/rootfs"/usr/share/doc/* "$work/rootfs"/usr/share/man/* "$work/rootfs"/usr/share/locale/*
  mkdir -p "$cache"
  tar -C "$work/rootfs" --numeric-owner -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
fi
log "importing $tarball as $IMAGE"
podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' "$tarball" "$IMAGE" >/dev/null
echo "$IMAGE"
