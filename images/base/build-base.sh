#!/usr/bin/env bash
# Builds a small Java 17 runtime base image from Debian's packages, without any image registry:
#   1. a builder root (debootstrap minbase of bookworm with openjdk-17-jdk-headless, ca-certificates and
#      binutils, whose objcopy jlink strips native debug symbols with);
#   2. in it, jlink makes a runtime of the modules the three jars use (MODULES below), with the JDK's
#      class data sharing archive generated for it, and Debian's CA bundle as its trust store;
#   3. the runtime root holds that runtime and only the files of the packages it needs to run (the C
#      and C++ libraries, zlib), plus bash and grep for the Compose health check and for debugging;
# imported into podman as localhost/dnsx-java-runtime:17-bookworm-<hash of this script>, so that a change
# here builds a new base instead of reusing a cached one. About 90 MB, against 301 MB for minbase with
# openjdk-17-jre-headless (docs/performance.md, "Images").
# The root filesystem tarball is cached in ${DNSX_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-images}
# and the image is not rebuilt when podman already has it. Needs root (debootstrap, chroot) and podman.
set -euo pipefail
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
here=$(cd "$(dirname "$0")" && pwd)
version=$(sha256sum "$here/build-base.sh" | cut -c1-10)
IMAGE=${BASE_IMAGE_NAME:-localhost/dnsx-java-runtime:17-$SUITE-$version}
cache=${DNSX_IMAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-images}
tarball="$cache/java-runtime-$SUITE-$version.tar"
log() { echo "base-image: $*" >&2; }

# What the jars need (jdeps --print-module-deps over the three fat jars), and what jdeps cannot see:
# jdk.crypto.ec for TLS key exchange with elliptic curves, jdk.jfr and jdk.management.jfr to record a
# profile in production, jdk.jcmd for thread dumps and JFR control through kubectl exec.
MODULES=java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.security.jgss
MODULES=$MODULES,java.security.sasl,java.sql,jdk.httpserver,jdk.management,jdk.unsupported,jdk.crypto.ec
MODULES=$MODULES,jdk.jfr,jdk.management.jfr,jdk.jcmd
# the Debian packages whose files the runtime root holds
PACKAGES="base-files libc6 libgcc-s1 libstdc++6 zlib1g bash libtinfo6 grep libpcre2-8-0"

if podman image exists "$IMAGE"; then
  log "$IMAGE exists"
  echo "$IMAGE"
  exit 0
fi
if [ ! -s "$tarball" ]; then
  command -v debootstrap >/dev/null 2>&1 || { log "debootstrap is missing (apt-get install debootstrap)"; exit 3; }
  work=$(mktemp -d)
  build="$work/build"
  root="$work/rootfs"
  cleanup() {
    for r in "$build" "$root"; do mountpoint -q "$r/proc" 2>/dev/null && umount "$r/proc"; done
    rm -rf "$work"
  }
  trap cleanup EXIT
  log "debootstrap $SUITE minbase with openjdk-17-jdk-headless (a few minutes)"
  debootstrap --variant=minbase --include=openjdk-17-jdk-headless,ca-certificates,binutils "$SUITE" "$build" "$MIRROR" \
    >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 4; }

  log "jlink: $MODULES"
  mount -t proc proc "$build/proc"
  chroot "$build" /usr/lib/jvm/java-17-openjdk-amd64/bin/jlink --add-modules "$MODULES" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive --output /opt/java \
    >"$work/jlink.log" 2>&1 || { cat "$work/jlink.log" >&2; exit 5; }
  umount "$build/proc"
  # the archive for heaps over 32 GB (no compressed pointers): no pod of this project has one
  rm -f "$build/opt/java/lib/server/classes_nocoops.jsa"
  # Debian's trust store (the Mozilla CA set, as the JRE package's), not the jmod's placeholder copy
  cp --remove-destination -L "$build/etc/ssl/certs/java/cacerts" "$build/opt/java/lib/security/cacerts"

  log "runtime root: the runtime and the files of $PACKAGES"
  mkdir -p "$root"/usr/{bin,sbin,lib,lib64} "$root"/{etc,opt,proc,sys,dev,tmp,root,var/tmp}
  for d in bin sbin lib lib64; do ln -s "usr/$d" "$root/$d"; done
  chmod 1777 "$root/tmp" "$root/var/tmp"
  # shellcheck disable=SC2086 # the package list is words
  chroot "$build" dpkg -L $PACKAGES | sort -u | while read -r path; do
    # directories come with their files; documentation is not needed in an image
    case "$path" in /usr/share/doc/*|/usr/share/man/*|/usr/share/info/*|/usr/share/locale/*|/usr/share/lintian/*) continue ;; esac
    if [ -L "$build$path" ] || [ -f "$build$path" ]; then echo "${path#/}"; fi
  done >"$work/files"
  tar -C "$build" --no-recursion -cf - -T "$work/files" | tar -C "$root" -xf -
  cp -a "$build/opt/java" "$root/opt/java"
  ln -s /opt/java/bin/java "$root/usr/bin/java"
  # the libraries' search cache, for this root's own files
  ldconfig -r "$root"
  printf 'root:x:0:0:root:/root:/bin/bash\nnonroot:x:65532:65532:nonroot:/tmp:/usr/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
  # a smoke test of the result before it is cached: the runtime starts, with its class data archive
  # (/proc, as in a container: the launcher finds its libraries relative to /proc/self/exe)
  mount -t proc proc "$root/proc"
  chroot "$root" java -Xshare:on -version >"$work/java.log" 2>&1 \
    || { cat "$work/java.log" >&2; log "the runtime root does not run java"; exit 6; }
  umount "$root/proc"

  mkdir -p "$cache"
  tar -C "$root" --numeric-owner -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
fi
log "importing $tarball as $IMAGE"
podman import --change 'ENV PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV JAVA_HOME=/opt/java' --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' \
  "$tarball" "$IMAGE" >/dev/null
echo "$IMAGE"
