#!/usr/bin/env bash
# Image benchmark, on demand (not part of the test suite): how long a worker takes from the start of its
# process to its first stored domain, how large its image is, and the peak RSS of `resolve` over 20,000
# names at the image's default memory. Prints, side by side from one run:
#   - the worker jar on this machine's own JVM (the reference: no container, the JDK's own CDS archive)
#   - each image given (default: this checkout's localhost/dns-worker:<version>), run as a pod runs it
#     (read-only root, every capability dropped, non-root) with the memory limit of the operator's
#     default worker pod (1 GiB, so the image's default heap: half of it)
# For each: the image's size, `--help` (JVM start to exit), and from `podman run` (or `java`) to the
# first stored domain, the median and the spread of RUNS runs, each with one new domain in the queue
# followed by a stop message. The time of the first stored domain is PostgreSQL's: the domain row's
# updated_at, set in the worker's write transaction. Then `resolve` over the dataset's 20,000 names: its
# rate and peak RSS (VmHWM, read every 50 ms until the process exits), on the host's JVM with no option
# (the JVM's default heap for this machine) and in each image with the 1 GiB limit.
#
# Usage: bench/image-startup.sh [IMAGE...]     (RUNS=5 by default; build the images first:
#        LOCAL_BASE=1 images/build.sh)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust), RabbitMQ on 127.0.0.1:5672 (guest), podman,
# and unbound (the bench kit's dns-server.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KIT=${BENCH_KIT:-$ROOT/../shared/bench-kit}
RUNS=${RUNS:-5}
DS=/tmp/dnsx-startbench-20000
DB=dnsx_startbench
QUEUE=dnsx_startbench
AMQP="amqp://guest:guest@127.0.0.1:5672/%2F"
DSN="postgresql://postgres@127.0.0.1:5432/$DB"
JAR=$ROOT/worker-image/target/dns-worker.jar
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
OUT=$ROOT/bench/out
mkdir -p "$OUT"
[ $# -gt 0 ] || set -- "localhost/dns-worker:$VERSION"

mvn -B -q -ntp package -DskipTests -pl worker-image -am
if [ ! -f "$DS/expected.json" ]; then
  python3 "$KIT/gen-dataset.py" --n 20000 --seed 1 --out "$DS" --port 5354 >/dev/null
fi
"$KIT/dns-server.sh" start "$DS" >/dev/null
psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB" >/dev/null
java -jar "$JAR" migrate --postgres-dsn "$DSN" >/dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d $DB -q >/dev/null <<SQL
CREATE TEMP TABLE t (name text);
\copy t FROM '$DS/domains.txt'
INSERT INTO domains (name, created_at, updated_at) SELECT name, now() - interval '30 days', now() - interval '30 days' FROM t;
SQL
mapfile -t NAMES < "$DS/domains.txt"
next=0

worker_env=(POSTGRES_DSN="$DSN" RABBITMQ_URL="$AMQP" QUEUE_NAME="$QUEUE" DNS_RESOLVERS=127.0.0.1:5354
            WORKER_ID=startbench)
podman_run() { # image args...
  local image=$1; shift
  local envs=() e
  for e in "${worker_env[@]}"; do envs+=(-e "$e"); done
  podman run --runtime runc --network host --pull=never --rm --read-only --cap-drop ALL \
    --security-opt no-new-privileges --user 65532:65532 --memory 1g --tmpfs /tmp \
    --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 "${envs[@]}" "$image" "$@"
}
host_run() { env "${worker_env[@]}" java -XX:MaxRAMPercentage=50 -XX:-UsePerfData -jar "$JAR" "$@"; }

# seconds from the start of COMMAND... to the updated_at of one new domain it stores
first_store() {
  local name=${NAMES[$next]}
  next=$((next + 1))
  printf '%s\n' "$name" > "$OUT/startbench-domain.txt"
  java -cp "$JAR" "$ROOT/bench/LegacyFeed.java" "$AMQP" "$QUEUE" "$OUT/startbench-domain.txt" 1 >/dev/null 2>&1
  local t0
  t0=$(date +%s.%N)
  "$@" > "$OUT/startbench-worker.log" 2>&1 || { tail -5 "$OUT/startbench-worker.log" >&2; return 1; }
  psql -h 127.0.0.1 -U postgres -d $DB -Atc \
    "SELECT round((extract(epoch FROM updated_at) - $t0)::numeric, 2) FROM domains WHERE name = '$name'
       AND updated_at > to_timestamp($t0)"
}
help_secs() {
  local t0
  t0=$(date +%s.%N)
  "$@" --help >/dev/null 2>&1
  python3 -c "import time; print(f'{time.time() - $t0:.2f}')"
}
# median and range of the arguments
summary() { python3 -c "import statistics as s, sys; v=sorted(map(float, sys.argv[1:])); print(f'{s.median(v):.2f} s ({v[0]:.2f}-{v[-1]:.2f})')" "$@"; }

measure() { # label size runner...
  local label=$1 size=$2; shift 2
  local times=() i t
  # one run first, not counted: the page cache, PostgreSQL's first connection to the database
  first_store "$@" >/dev/null
  for i in $(seq 1 "$RUNS"); do
    t=$(first_store "$@")
    [ -n "$t" ] || { echo "$label: the domain was not stored (see $OUT/startbench-worker.log)" >&2; exit 1; }
    times+=("$t")
  done
  printf '| %s | %s | %s s | %s |\n' "$label" "$size" "$(help_secs "$@")" "$(summary "${times[@]}")"
}

echo "| worker | image size | \`--help\` | start to first stored domain, median (range) of $RUNS |"
echo "| --- | ---: | ---: | ---: |"
measure "jar on the host's JVM (reference)" "jar $(du -m "$JAR" | cut -f1) MB" host_run
for image in "$@"; do
  size=$(podman image inspect --format '{{.Size}}' "$image" | awk '{printf "%.0f MB", $1/1000000}')
  measure "$image" "$size" podman_run "$image"
done

# peak RSS (VmHWM) in MB of the process PID, read until it exits
peak_rss() {
  local hwm=0 v
  while [ -r "/proc/$1/status" ]; do
    v=$(awk '/VmHWM/{print $2}' "/proc/$1/status" 2>/dev/null || true)
    [ -n "$v" ] && hwm=$v
    sleep 0.05
  done
  echo $((hwm / 1024))
}
resolve_args=(resolve --resolvers 127.0.0.1:5354)
echo
echo "| \`resolve\`, $(wc -l < "$DS/domains.txt") names | names/s | peak RSS |"
echo "| --- | ---: | ---: |"
java -jar "$JAR" "${resolve_args[@]}" < "$DS/domains.txt" > /dev/null 2> "$OUT/startbench-resolve.log" &
rss=$(peak_rss $!)
wait $!
rate=$(sed -n 's/.* \([0-9]*\) names\/s.*/\1/p' "$OUT/startbench-resolve.log")
echo "| the jar on the host's JVM, no JVM option (reference) | $rate | $rss MB |"
for image in "$@"; do
  name=dnsx-startbench-resolve-$$
  # the image's own entrypoint reads the names from a file mounted read-only
  podman run -d --name "$name" --runtime runc --network host --pull=never --read-only --cap-drop ALL \
    --security-opt no-new-privileges --user 65532:65532 --memory 1g --tmpfs /tmp \
    --ulimit nofile=20000:20000 --ulimit nproc=4096:4096 -v "$DS/domains.txt:/in/domains.txt:ro" \
    "$image" "${resolve_args[@]}" --domains-file /in/domains.txt --output-file /tmp/out.ndjson >/dev/null
  rss=$(peak_rss "$(podman inspect -f '{{.State.Pid}}' "$name")")
  podman wait "$name" >/dev/null
  rate=$(podman logs "$name" 2>&1 | sed -n 's/.* \([0-9]*\) names\/s.*/\1/p')
  podman rm "$name" >/dev/null
  echo "| $image, 1 GiB limit | $rate | $rss MB |"
done
"$KIT/dns-server.sh" stop "$DS" >/dev/null
