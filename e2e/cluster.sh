#!/usr/bin/env bash
# A real Kubernetes control plane on 127.0.0.1, built by e2e/cluster/build.sh: etcd, kube-apiserver
# (TLS with a CA of its own, Node,RBAC authorization, ServiceAccount tokens, NamespaceLifecycle,
# ServiceAccount and PodSecurity admission), kube-controller-manager and kube-scheduler.
#
#   e2e/cluster.sh up            start it (idempotent); prints the admin kubeconfig's path
#   e2e/cluster.sh down          stop what it started and remove its data directory
#   e2e/cluster.sh kubeconfig    print the admin kubeconfig's path
#   e2e/cluster.sh status        exit 0 when the API server answers
#
# Environment: DNSX_CLUSTER_DIR (default /tmp/dnsx-e2e-cluster), DNSX_APISERVER_PORT (16443),
# DNSX_ETCD_PORT (23790), DNSX_CONTROLLERS (the controller manager's --controllers, default "*").
# Try the operator locally:  export KUBECONFIG=$(e2e/cluster.sh up); kubectl get ns
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${DNSX_CLUSTER_DIR:-/tmp/dnsx-e2e-cluster}
api_port=${DNSX_APISERVER_PORT:-16443}
etcd_port=${DNSX_ETCD_PORT:-23790}
controllers=${DNSX_CONTROLLERS:-*}
log() { echo "cluster: $*" >&2; }

bin() {
  local b
  b=$(bash "$here/cluster/build.sh") || exit $?
  echo "$b"
}

running() { # name
  [ -f "$dir/$1.pid" ] && kill -0 "$(cat "$dir/$1.pid")" 2>/dev/null
}

start() { # name, command...
  local name=$1; shift
  if running "$name"; then return 0; fi
  nohup "$@" >"$dir/logs/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
}

wait_until() { # what, seconds, command...
  local what=$1 secs=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "$what did not come up within ${secs}s; its log:"
      tail -30 "$dir/logs/$what.log" >&2 || true
      return 1
    fi
    sleep 0.5
  done
}

pki() {
  local p="$dir/pki"
  [ -f "$p/admin.crt" ] && return 0
  mkdir -p "$p"
  (
    cd "$p"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 7 -subj "/CN=dnsx-e2e-ca" 2>/dev/null
    cat >apiserver.ext <<EXT
subjectAltName=IP:127.0.0.1,IP:10.96.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local
extendedKeyUsage=serverAuth
EXT
    for extra in ${DNSX_APISERVER_EXTRA_IPS:-}; do sed -i "1s/\$/,IP:$extra/" apiserver.ext; done
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 7 \
      -extfile apiserver.ext 2>/dev/null
    client() { # name, CN, O
      openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$2/O=$3" 2>/dev/null
      printf 'extendedKeyUsage=clientAuth\n' >client.ext
      openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -out "$1.crt" -days 7 \
        -extfile client.ext 2>/dev/null
    }
    client admin kubernetes-admin system:masters
    client controller-manager system:kube-controller-manager ""
    client scheduler system:kube-scheduler ""
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
  )
}

kubeconfig_for() { # name (cert of pki/<name>): writes $dir/<name>.kubeconfig
  local p="$dir/pki" out="$dir/$1.kubeconfig"
  cat >"$out" <<KC
apiVersion: v1
kind: Config
clusters:
- name: dnsx-e2e
  cluster:
    server: https://127.0.0.1:$api_port
    certificate-authority-data: $(base64 -w0 <"$p/ca.crt")
users:
- name: $1
  user:
    client-certificate-data: $(base64 -w0 <"$p/$1.crt")
    client-key-data: $(base64 -w0 <"$p/$1.key")
contexts:
- name: dnsx-e2e
  context: {cluster: dnsx-e2e, user: $1}
current-context: dnsx-e2e
KC
  echo "$out"
}

api_ready() { "$b/kubectl" --kubeconfig "$dir/admin.kubeconfig" get --raw /readyz >/dev/null; }

up() {
  b=$(bin)
  mkdir -p "$dir/logs" "$dir/etcd"
  pki
  kubeconfig_for admin >/dev/null
  kubeconfig_for controller-manager >/dev/null
  kubeconfig_for scheduler >/dev/null
  start etcd "$b/etcd" --name dnsx-e2e --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$etcd_port" --advertise-client-urls "http://127.0.0.1:$etcd_port" \
    --listen-peer-urls "http://127.0.0.1:$((etcd_port + 10))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((etcd_port + 10))" \
    --initial-cluster "dnsx-e2e=http://127.0.0.1:$((etcd_port + 10))" \
    --listen-metrics-urls "http://127.0.0.1:$((etcd_port + 20))" --quota-backend-bytes 1073741824
  local p="$dir/pki"
  start kube-apiserver "$b/kube-apiserver" --etcd-servers "http://127.0.0.1:$etcd_port" \
    --bind-address "${DNSX_APISERVER_BIND:-127.0.0.1}" --advertise-address 127.0.0.1 --secure-port "$api_port" \
    --tls-cert-file "$p/apiserver.crt" --tls-private-key-file "$p/apiserver.key" --client-ca-file "$p/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$p/sa.pub" --service-account-signing-key-file "$p/sa.key" \
    --authorization-mode Node,RBAC \
    --enable-admission-plugins NamespaceLifecycle,ServiceAccount,PodSecurity,LimitRanger,ResourceQuota,DefaultStorageClass \
    --service-cluster-ip-range 10.96.0.0/16 --allow-privileged=false --cert-dir "$dir/pki/generated" \
    --kubelet-preferred-address-types InternalIP --profiling=false --enable-priority-and-fairness=false
  wait_until kube-apiserver 90 api_ready
  start kube-controller-manager "$b/kube-controller-manager" --kubeconfig "$dir/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$dir/controller-manager.kubeconfig" \
    --authorization-kubeconfig "$dir/controller-manager.kubeconfig" \
    --controllers "$controllers" --leader-elect=false --bind-address 127.0.0.1 --secure-port 0 \
    --service-account-private-key-file "$p/sa.key" --root-ca-file "$p/ca.crt" \
    --use-service-account-credentials=true --cluster-signing-cert-file "$p/ca.crt" \
    --cluster-signing-key-file "$p/ca.key" --concurrent-gc-syncs 5 --profiling=false
  start kube-scheduler "$b/kube-scheduler" --kubeconfig "$dir/scheduler.kubeconfig" \
    --authentication-kubeconfig "$dir/scheduler.kubeconfig" --authorization-kubeconfig "$dir/scheduler.kubeconfig" \
    --leader-elect=false --bind-address 127.0.0.1 --secure-port "$((api_port + 1))" --profiling=false
  # the controllers are up once the token controller has given the default namespace its ServiceAccount
  wait_until kube-controller-manager 60 "$b/kubectl" --kubeconfig "$dir/admin.kubeconfig" get serviceaccount default -n default
  echo "$dir/admin.kubeconfig"
}

down() {
  for name in kube-scheduler kube-controller-manager kube-apiserver etcd; do
    if running "$name"; then
      local pid
      pid=$(cat "$dir/$name.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/$name.pid"
  done
  rm -rf "$dir"
  log "stopped, $dir removed"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  kubeconfig) echo "$dir/admin.kubeconfig" ;;
  status) b=$(bin); api_ready ;;
  *) echo "usage: $0 up|down|kubeconfig|status" >&2; exit 2 ;;
esac
