#!/usr/bin/env bash
# Builds the end-to-end control plane from source through the Go module proxy: etcd, kube-apiserver,
# kube-controller-manager, kube-scheduler, kubectl and helm, at the versions of versions.env, into
#   ${DNSX_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-e2e}/<versions>/bin
# and prints that directory. Binaries already there are reused. Nothing here is committed.
#
# Exit codes: 0 built (or cached); 3 the Go module proxy refused or could not serve a module (the message
# names it); 4 a build failed; 5 no Go toolchain.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
. "$here/versions.env"

log() { echo "e2e-build: $*" >&2; }

[ -x /usr/local/go/bin/go ] && case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) PATH="/usr/local/go/bin:$PATH" ;; esac
command -v go >/dev/null 2>&1 || { log "no go command on PATH"; exit 5; }

cache_root=${DNSX_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-e2e}
out="$cache_root/k8s-${KUBERNETES_VERSION}_etcd-${ETCD_VERSION}_helm-${HELM_VERSION}"
bin="$out/bin"
want=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl helm)

have_all() { for b in "${want[@]}"; do [ -x "$bin/$b" ] || return 1; done; }
if have_all; then
  echo "$bin"
  exit 0
fi
mkdir -p "$bin" "$out/src"
export CGO_ENABLED=0 GOFLAGS=-mod=mod GOTOOLCHAIN=local
ldflags_common="-s -w"

download() { # module@version: fails with exit 3 naming the module when the proxy refuses it
  if ! go mod download -json "$1" >"$out/src/download.json" 2>"$out/src/download.err"; then
    log "the Go module proxy did not serve $1: $(tr '\n' ' ' <"$out/src/download.err" | cut -c1-400)"
    exit 3
  fi
}

build_in() { # dir, output, package, extra ldflags
  local dir=$1 output=$2 pkg=$3 extra=${4:-}
  log "building $output from $pkg"
  if ! (cd "$dir" && go build -trimpath -ldflags "$ldflags_common $extra" -o "$bin/$output.tmp" "$pkg"); then
    log "building $output failed"
    exit 4
  fi
  mv "$bin/$output.tmp" "$bin/$output"
}

tidy_in() { # dir: resolves the module graph; a refused module is a proxy problem (exit 3)
  if ! (cd "$1" && go mod tidy >"$out/src/tidy.log" 2>&1); then
    log "resolving the modules of $(basename "$1") failed: $(grep -m3 -E 'proxy|not found|refused|410|404|reading' "$out/src/tidy.log" | tr '\n' ' ' | cut -c1-600)"
    exit 3
  fi
}

# ---- etcd ------------------------------------------------------------------------------------
if [ ! -x "$bin/etcd" ]; then
  m="$out/src/etcd"
  mkdir -p "$m"
  cat >"$m/go.mod" <<MOD
module dnsx.local/e2e/etcd

go 1.24

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
MOD
  cat >"$m/tools.go" <<'GO'
//go:build tools

package tools

import _ "go.etcd.io/etcd/server/v3"
GO
  download "go.etcd.io/etcd/server/v3@$ETCD_VERSION"
  tidy_in "$m"
  build_in "$m" etcd go.etcd.io/etcd/server/v3
fi

# ---- Kubernetes ------------------------------------------------------------------------------
# k8s.io/kubernetes replaces its k8s.io/* staging modules with local paths, so it cannot be installed
# directly: this module requires it and replaces each staging module with its published v0.x release.
k8s_missing=0
for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do [ -x "$bin/$b" ] || k8s_missing=1; done
if [ "$k8s_missing" = 1 ]; then
  m="$out/src/kubernetes"
  mkdir -p "$m"
  download "k8s.io/kubernetes@$KUBERNETES_VERSION"
  k8s_gomod=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["GoMod"])' "$out/src/download.json")
  staging_version="v0.${KUBERNETES_VERSION#v1.}"
  {
    echo "module dnsx.local/e2e/kubernetes"
    echo
    echo "go 1.24"
    echo
    echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
    echo
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/src/' "$k8s_gomod" | awk -v v="$staging_version" '{print "replace " $1 " => " $1 " " v}'
    # keep the exact versions Kubernetes was released with (its own replace lines for other modules)
    awk '/^replace \(/{inblock=1; next} inblock && /^\)/{inblock=0} inblock && $0 !~ /staging/ && NF>=4 {print "replace " $0}' "$k8s_gomod"
  } >"$m/go.mod"
  cat >"$m/tools.go" <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  tidy_in "$m"
  minor=${KUBERNETES_VERSION#v1.}; minor=${minor%%.*}
  vflags=""
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    vflags="$vflags -X $p.gitVersion=$KUBERNETES_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitTreeState=clean"
  done
  for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [ -x "$bin/$b" ] || build_in "$m" "$b" "k8s.io/kubernetes/cmd/$b" "$vflags"
  done
fi

# ---- Helm ------------------------------------------------------------------------------------
if [ ! -x "$bin/helm" ]; then
  m="$out/src/helm"
  mkdir -p "$m"
  cat >"$m/go.mod" <<MOD
module dnsx.local/e2e/helm

go 1.24

require helm.sh/helm/v3 $HELM_VERSION
MOD
  cat >"$m/tools.go" <<'GO'
//go:build tools

package tools

import _ "helm.sh/helm/v3/cmd/helm"
GO
  download "helm.sh/helm/v3@$HELM_VERSION"
  tidy_in "$m"
  build_in "$m" helm helm.sh/helm/v3/cmd/helm "-X helm.sh/helm/v3/internal/version.version=$HELM_VERSION"
fi

have_all || { log "some binaries are missing after the build"; exit 4; }
echo "$bin"
