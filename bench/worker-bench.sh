#!/usr/bin/env bash
# Worker benchmark, on demand (not part of the test suite). Prints, side by side from one run:
#   - dnsperf's queries/s against the dataset's unbound: the physical limit of this machine, and the
#     CPU it spends per query (microseconds)
#   - `dns-worker.jar resolve`: names/s, queries/s, ratio to dnsperf, CPU per query and its
#     ratio to dnsperf's (over the whole process, and in steady state: a 12-times run less a
#     4-times one, without the JVM's start and compilation), peak RSS at --concurrency 5000
#   - end to end: legacy messages in RabbitMQ -> rows in PostgreSQL with one worker: domains/s,
#     ratio to resolve's names/s and to the legacy worker's 117 domains/s, CPU per 1,000 domains of
#     the worker, PostgreSQL (the backends of the worker's own connections, bench/backend-cpu.py)
#     and RabbitMQ apart, peak RSS, and the CPU other processes took meanwhile (a warning when it
#     passes a tenth of the machine's: the figures are then unreliable); at --concurrency 500 and 5000, and with
#     the publisher's batch messages (100 domains each, four runs over the dataset) at 500
#   - correctness of resolve's output and of the database rows against the dataset's expected.json
#
# Usage: bench/worker-bench.sh [NAMES]        (default 50000; needs ../shared/bench-kit or BENCH_KIT)
#        BENCH_FILLFACTOR=90 gives domains and the record tables that fill factor (migrate --fillfactor)
#        before the dataset is loaded.
#        BENCH_JVM_OPTS replaces the JVM options (default: what the image runs in a 512 MiB pod).
#        BENCH_JFR=1 also records the end-to-end worker (concurrency 500) with Java Flight Recorder
#        and prints its hottest methods (bench/out/worker.jfr).
#        BENCH_DSN_QUERY='?sslmode=disable' adds parameters to the worker's PostgreSQL DSN; by default
#        the driver encrypts (sslmode=prefer), as it does for users whose DSN says nothing.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and RabbitMQ on 127.0.0.1:5672 (guest).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KIT=${BENCH_KIT:-$ROOT/../shared/bench-kit}
N=${1:-50000}
DS=${BENCH_DATASET:-/tmp/dnsx-bench-$N}
PORT=5353
AMQP="amqp://guest:guest@127.0.0.1:5672/%2F"
DB=dnsx_bench
QUEUE=dnsx_bench_legacy
# the JVM the container image runs in a 512 MiB pod: half the limit as heap (-XX:MaxRAMPercentage=50),
# and the serial collector, which the JVM picks by itself for a machine under about 1.8 GB (on this
# 24 GiB host it would pick G1, which no default pod runs)
JVM_OPTS=${BENCH_JVM_OPTS:--XX:+UseSerialGC -Xmx256m}
JAR=$ROOT/worker-image/target/dns-worker.jar
PUBLISHER_JAR=$ROOT/publisher-image/target/dns-publisher.jar
OUT=$ROOT/bench/out
mkdir -p "$OUT"

# always: a jar left from older sources would be measured instead of the code at hand
mvn -B -q -ntp package -DskipTests -pl worker-image,publisher-image -am
command -v dnsperf >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -q dnsperf >/dev/null
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null
if [ ! -f "$DS/expected.json" ]; then
  python3 "$KIT/gen-dataset.py" --n "$N" --seed 1 --out "$DS" --port "$PORT" >/dev/null
fi
"$KIT/dns-server.sh" start "$DS" >/dev/null

peak_rss_mb() { awk '/Maximum resident set size/{printf "%.0f", $6/1024}' "$1"; }
# user + system CPU seconds of a command run under /usr/bin/time -v (its waited-for children too)
cpu_secs() { awk -F': ' '/User time \(seconds\)/{u=$2} /System time \(seconds\)/{s=$2} END{printf "%.2f", u+s}' "$1"; }
# CPU seconds so far of every process named $1, with the children it reaped (PostgreSQL backends)
proc_cpu() {
  python3 - "$1" <<'PY'
import os, sys
hz = os.sysconf("SC_CLK_TCK")
total = 0
for pid in filter(str.isdigit, os.listdir("/proc")):
    try:
        if open(f"/proc/{pid}/comm").read().strip() != sys.argv[1]:
            continue
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        total += sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
    except OSError:
        pass
print(f"{total / hz:.2f}")
PY
}

echo "== dnsperf (physical limit, 10 s)"
DNSPERF=$(/usr/bin/time -v -o "$OUT/dnsperf.time" "$KIT/dnsperf-limit.sh" "$DS" 10)
echo "$DNSPERF"
DNSPERF_QPS=$(echo "$DNSPERF" | sed -E 's/.*dnsperf_qps=([0-9]+).*/\1/')
# the kit warms the server's cache with one pass over every name x 7 types, then measures 10 s
DNSPERF_QUERIES=$(python3 -c "print($(wc -l < "$DS/queries-7types.txt") + $DNSPERF_QPS * 10)")
DNSPERF_CPU=$(cpu_secs "$OUT/dnsperf.time")

echo "== resolve: one pass for correctness, then the dataset 4 times over (about as long as dnsperf's 10 s)"
java $JVM_OPTS -jar "$JAR" resolve --resolvers 127.0.0.1:$PORT < "$DS/domains.txt" > "$OUT/resolve.ndjson" 2>/dev/null
python3 "$ROOT/bench/check-results.py" "$DS" "$OUT/resolve.ndjson" > "$OUT/resolve-check.txt" || true
cat "$DS/domains.txt" "$DS/domains.txt" "$DS/domains.txt" "$DS/domains.txt" > "$OUT/domains-x4.txt"
/usr/bin/time -v -o "$OUT/resolve.time" java $JVM_OPTS -jar "$JAR" resolve --resolvers 127.0.0.1:$PORT \
  < "$OUT/domains-x4.txt" 2> "$OUT/resolve.err" > /dev/null
RESOLVE_LINE=$(grep 'names/s' "$OUT/resolve.err")
RESOLVE_QUERIES=$(echo "$RESOLVE_LINE" | sed -E 's/.*\(([0-9]+) queries\).*/\1/')
RESOLVE_CPU=$(cpu_secs "$OUT/resolve.time")
NAMES_S=$(echo "$RESOLVE_LINE" | sed -E 's/.*: ([0-9]+) names\/s.*/\1/')
QPS=$(echo "$RESOLVE_LINE" | sed -E 's/.* ([0-9]+) queries\/s.*/\1/')
# steady state: the dataset 12 times over, less the 4-times run, is what a query costs once the JVM
# has started and compiled its hot code (a fixed cost of a few seconds of CPU, which a long run
# spreads thin and the 4-times run above does not)
for i in 1 2 3; do cat "$OUT/domains-x4.txt"; done > "$OUT/domains-x12.txt"
/usr/bin/time -v -o "$OUT/resolve-x12.time" java $JVM_OPTS -jar "$JAR" resolve --resolvers 127.0.0.1:$PORT \
  < "$OUT/domains-x12.txt" 2> "$OUT/resolve-x12.err" > /dev/null
RESOLVE12_QUERIES=$(grep 'names/s' "$OUT/resolve-x12.err" | sed -E 's/.*\(([0-9]+) queries\).*/\1/')
RESOLVE12_CPU=$(cpu_secs "$OUT/resolve-x12.time")
/usr/bin/time -v java $JVM_OPTS -jar "$JAR" resolve --resolvers 127.0.0.1:$PORT --concurrency 5000 \
  < "$DS/domains.txt" > /dev/null 2> "$OUT/resolve-5000.err"
RESOLVE_RSS=$(peak_rss_mb "$OUT/resolve-5000.err")

# the dataset 4 times over, as resolve's rate: a run of a few seconds would measure the JVM's warm-up
E2E_N=$((4 * N))
echo "== end to end: $E2E_N legacy messages (the dataset 4 times over) -> one worker -> PostgreSQL"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
# BENCH_FILLFACTOR: the opt-in fill factor (migrate --fillfactor), set before the dataset is loaded
java -jar "$JAR" migrate --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB" \
  ${BENCH_FILLFACTOR:+--fillfactor "$BENCH_FILLFACTOR"} >/dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d $DB -q >/dev/null <<SQL
CREATE TEMP TABLE t (name text);
\copy t FROM '$DS/domains.txt'
INSERT INTO domains (name, created_at, updated_at) SELECT name, now() - interval '30 days', now() - interval '30 days' FROM t;
SQL
# the publisher's batch messages: four runs over the dataset, the last one followed by a __STOP__
feed_batches() {
  local stamp i
  stamp=$(date +%s)
  for i in 1 2 3 4; do
    java -jar "$PUBLISHER_JAR" --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB" --rabbitmq-url "$AMQP" \
      --queue-name "$QUEUE" --run-name "bench/e2e-$stamp-$i" --select all --message-size 100 \
      --max-queue-depth 1000000 --worker-count $((i / 4)) > "$OUT/publisher-$i.log" 2>&1
  done
}
e2e() { # concurrency prefetch label [batch]; prints seconds, peak RSS, CPU seconds of worker, PostgreSQL, RabbitMQ
  if [ "${4:-}" = batch ]; then
    feed_batches
  else
    java -cp "$JAR" "$ROOT/bench/LegacyFeed.java" "$AMQP" "$QUEUE" "$OUT/domains-x4.txt" 1 2>/dev/null
  fi
  local mq0 mq1 dns0 dns1 secs watcher
  mq0=$(proc_cpu beam.smp); dns0=$(proc_cpu unbound)
  # PostgreSQL's CPU for this worker: its own connections' backends only (application_name
  # dns-worker-bench-LABEL in pg_stat_activity), not other databases' work or autovacuum
  python3 "$ROOT/bench/backend-cpu.py" "$DB" "dns-worker-bench-$3" "$OUT/backends-$3.txt" &
  watcher=$!
  local jfr=""
  if [ "${BENCH_JFR:-0}" = 1 ] && [ "$3" = default ]; then
    jfr="-XX:StartFlightRecording=filename=$OUT/worker.jfr,settings=profile"
  fi
  /usr/bin/time -v java $JVM_OPTS $jfr -jar "$JAR" --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB${BENCH_DSN_QUERY:-}" \
    --rabbitmq-url "$AMQP" --queue-name "$QUEUE" --resolvers 127.0.0.1:$PORT --metrics-port 0 \
    --worker-id "bench-$3" --concurrency "$1" --prefetch "$2" > "$OUT/worker-$3.log" 2>&1
  kill -TERM "$watcher"; wait "$watcher" || true
  mq1=$(proc_cpu beam.smp); dns1=$(proc_cpu unbound)
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/worker-$3.log")
  local pg backends busy worker
  read -r pg backends busy < "$OUT/backends-$3.txt"
  worker=$(cpu_secs "$OUT/worker-$3.log")
  # what the machine spent beyond the worker, its backends, RabbitMQ and the DNS server: another
  # process's work, which the figures of a loaded machine are not to be trusted with
  local other
  other=$(python3 -c "print(f'{max(0.0, $busy - $worker - $pg - ($mq1 - $mq0) - ($dns1 - $dns0)):.2f}')")
  if [ "$backends" = 0 ]; then
    echo "WARNING ($3): no backend of the worker was seen in pg_stat_activity; PostgreSQL's CPU is unknown" >&2
  fi
  if python3 -c "import sys; sys.exit(0 if $other > 0.10 * $busy else 1)"; then
    echo "WARNING ($3): other processes used ${other} s of the ${busy} CPU s the machine spent; these figures are unreliable" >&2
  fi
  echo "$secs $(peak_rss_mb "$OUT/worker-$3.log") $worker $pg $(python3 -c "print(f'{$mq1 - $mq0:.2f}')") $other"
}
read -r E2E_SECS E2E_RSS E2E_CPU E2E_PG E2E_MQ E2E_OTHER < <(e2e 500 800 default)
read -r E2E5K_SECS E2E5K_RSS E2E5K_CPU E2E5K_PG E2E5K_MQ E2E5K_OTHER < <(e2e 5000 8000 c5000)
# a batch message holds 100 domains: a prefetch of 8 gives the 500 domains in flight room to be fed
read -r E2EB_SECS E2EB_RSS E2EB_CPU E2EB_PG E2EB_MQ E2EB_OTHER < <(e2e 500 8 batch batch)
psql -h 127.0.0.1 -U postgres -d $DB -At -f "$ROOT/bench/export-db.sql" > "$OUT/db.ndjson"
python3 "$ROOT/bench/check-results.py" "$DS" "$OUT/db.ndjson" > "$OUT/db-check.txt" || true

rate() { python3 -c "print(round($1 / $2))"; }
ratio() { python3 -c "print(f'{$1 / $2:.2f}')"; }
E2E_RATE=$(rate "$E2E_N" "$E2E_SECS")
E2E5K_RATE=$(rate "$E2E_N" "$E2E5K_SECS")
E2EB_RATE=$(rate "$E2E_N" "$E2EB_SECS")
echo
echo "== results ($N names, $(nproc) cores, JVM $JVM_OPTS; worker time includes JVM start and schema check; worker DSN parameters: ${BENCH_DSN_QUERY:-none})"
printf '%-58s %14s %10s\n' "measurement" "figure" "ratio"
printf '%-58s %14s %10s\n' "dnsperf queries/s (limit)" "$DNSPERF_QPS" "1.00"
printf '%-58s %14s %10s\n' "resolve queries/s" "$QPS" "$(ratio "$QPS" "$DNSPERF_QPS")"
printf '%-58s %14s %10s\n' "resolve names/s" "$NAMES_S" ""
printf '%-58s %14s %10s\n' "resolve peak RSS MB (--concurrency 5000)" "$RESOLVE_RSS" ""
per1k() { python3 -c "print(f'{$1 * 1000 / $2:.3f}')"; }
# microseconds per query with a decimal, and the ratio from the unrounded figures: at dnsperf's
# 4-7 us a query, figures rounded to the millisecond per 1,000 made the ratio swing by 75 %
per_query_us() { python3 -c "print(f'{$1 * 1e6 / $2:.1f}')"; }
DNSPERF_CPU_US=$(per_query_us "$DNSPERF_CPU" "$DNSPERF_QUERIES")
RESOLVE_CPU_US=$(per_query_us "$RESOLVE_CPU" "$RESOLVE_QUERIES")
CPU_RATIO=$(python3 -c "print(f'{($RESOLVE_CPU / $RESOLVE_QUERIES) / ($DNSPERF_CPU / $DNSPERF_QUERIES):.2f}')")
printf '%-58s %14s %10s\n' "dnsperf CPU us per query" "$DNSPERF_CPU_US" "1.00"
printf '%-58s %14s %10s\n' "resolve CPU us per query" "$RESOLVE_CPU_US" "$CPU_RATIO"
STEADY_CPU_US=$(python3 -c "print(f'{($RESOLVE12_CPU - $RESOLVE_CPU) * 1e6 / ($RESOLVE12_QUERIES - $RESOLVE_QUERIES):.1f}')")
STEADY_RATIO=$(python3 -c "print(f'{(($RESOLVE12_CPU - $RESOLVE_CPU) / ($RESOLVE12_QUERIES - $RESOLVE_QUERIES)) / ($DNSPERF_CPU / $DNSPERF_QUERIES):.2f}')")
printf '%-58s %14s %10s\n' "resolve CPU us per query, steady state (12x run less 4x)" "$STEADY_CPU_US" "$STEADY_RATIO"
for row in "legacy messages, concurrency 500:$E2E_RATE:$E2E_RSS:$E2E_CPU:$E2E_PG:$E2E_MQ:$E2E_OTHER" \
    "legacy messages, concurrency 5000:$E2E5K_RATE:$E2E5K_RSS:$E2E5K_CPU:$E2E5K_PG:$E2E5K_MQ:$E2E5K_OTHER" \
    "batch messages, concurrency 500:$E2EB_RATE:$E2EB_RSS:$E2EB_CPU:$E2EB_PG:$E2EB_MQ:$E2EB_OTHER"; do
  IFS=: read -r c r rss cpu pg mq other <<< "$row"
  printf '%-58s %14s %10s\n' "end to end domains/s, $c" "$r" "$(ratio "$r" "$NAMES_S") resolve"
  printf '%-58s %14s %10s\n' "" "" "$(ratio "$r" 117)x legacy"
  printf '%-58s %14s %10s\n' "  worker CPU s per 1,000 domains" "$(per1k "$cpu" "$E2E_N")" ""
  printf '%-58s %14s %10s\n' "  PostgreSQL CPU s per 1,000 domains (worker's backends)" "$(per1k "$pg" "$E2E_N")" ""
  printf '%-58s %14s %10s\n' "  RabbitMQ CPU s per 1,000 domains" "$(per1k "$mq" "$E2E_N")" ""
  printf '%-58s %14s %10s\n' "  peak RSS MB" "$rss" ""
  printf '%-58s %14s %10s\n' "  other processes' CPU s in the meantime" "$other" ""
done
echo "-- resolve output vs expected.json"; cat "$OUT/resolve-check.txt"
echo "-- database rows vs expected.json"; cat "$OUT/db-check.txt"
if [ "${BENCH_JFR:-0}" = 1 ] && [ -f "$OUT/worker.jfr" ]; then
  echo "-- hottest methods of the end-to-end worker (JFR execution samples, top frame)"
  jfr print --events jdk.ExecutionSample --stack-depth 1 "$OUT/worker.jfr" \
    | awk '/stackTrace = \[/{getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); n[$0]++; t++}
           END{for (m in n) printf "%6.1f%%  %s\n", 100*n[m]/t, m}' | sort -rn | head -25 || true
fi
