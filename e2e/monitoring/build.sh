#!/usr/bin/env bash
# Builds promtool (github.com/prometheus/prometheus/cmd/promtool, the version go.mod names as a tool)
# from the Go module proxy into
#   ${DNSX_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-e2e}/promtool-<go.mod hash>/promtool
# and prints that path. A binary already there is reused. Nothing here is committed. The tests run
# `promtool check rules` and `promtool test rules` on the chart's rendered PrometheusRule.
#
# Exit codes: 0 built (or cached); 3 the Go module proxy did not serve a module; 4 the build failed;
# 5 no Go toolchain.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
log() { echo "promtool-build: $*" >&2; }

[ -x /usr/local/go/bin/go ] && case ":$PATH:" in *:/usr/local/go/bin:*) ;; *) PATH="/usr/local/go/bin:$PATH" ;; esac
command -v go >/dev/null 2>&1 || { log "no go command on PATH"; exit 5; }

cache_root=${DNSX_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dnsx-e2e}
hash=$(cat "$here/go.mod" "$here/go.sum" | sha256sum | cut -c1-16)
out="$cache_root/promtool-$hash"
if [ -x "$out/promtool" ]; then
  echo "$out/promtool"
  exit 0
fi
mkdir -p "$out"
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-mod=readonly
if ! (cd "$here" && go mod download) 2>"$out/download.err"; then
  log "the Go module proxy did not serve the modules of e2e/monitoring/go.mod: $(tr '\n' ' ' <"$out/download.err" | cut -c1-400)"
  exit 3
fi
log "building promtool (a few minutes the first time)"
if ! (cd "$here" && go build -trimpath -ldflags "-s -w" -o "$out/promtool.tmp" github.com/prometheus/prometheus/cmd/promtool) 2>"$out/build.err"; then
  log "building promtool failed: $(tr '\n' ' ' <"$out/build.err" | cut -c1-400)"
  exit 4
fi
mv "$out/promtool.tmp" "$out/promtool"
echo "$out/promtool"
