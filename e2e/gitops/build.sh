#!/usr/bin/env bash
# Builds gitops-health (main.go: kstatus and an Argo CD health script under gopher-lua, as the GitOps
# tools compute them) from the Go module proxy into
#   ${DNSX_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-e2e}/gitops-health-<source hash>/gitops-health
# and prints that path. A binary already there is reused. Nothing here is committed.
#
# Exit codes: 0 built (or cached); 3 the Go module proxy did not serve a module; 4 the build failed;
# 5 no Go toolchain.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log() { echo "gitops-build: $*" >&2; }

[ -x /usr/local/go/bin/go ] && case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) PATH="/usr/local/go/bin:$PATH" ;; esac
command -v go >/dev/null 2>&1 || { log "no go command on PATH"; exit 5; }

cache_root=${DNSX_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-e2e}
hash=$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -c1-16)
out="$cache_root/gitops-health-$hash"
if [ -x "$out/gitops-health" ]; then
  echo "$out/gitops-health"
  exit 0
fi
mkdir -p "$out"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly
if ! (cd "$here" && go mod download) 2>"$out/download.err"; then
  log "the Go module proxy did not serve the modules of e2e/gitops/go.mod: $(tr '\n' ' ' <"$out/download.err" | cut -c1-400)"
  exit 3
fi
if ! (cd "$here" && go build -trimpath -ldflags "-s -w" -o "$out/gitops-health.tmp" .) 2>"$out/build.err"; then
  log "building gitops-health failed: $(tr '\n' ' ' <"$out/build.err" | cut -c1-400)"
  exit 4
fi
mv "$out/gitops-health.tmp" "$out/gitops-health"
echo "$out/gitops-health"
