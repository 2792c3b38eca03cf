#!/usr/bin/env bash
# Selection benchmark, on demand (not part of the test suite). A database of N domains (default
# 1,000,000) of which half, every other id, were already extracted in an earlier run (an outcome and
# records: one A, two NS, one MX, one SOA, one TXT each: 3,000,000 record rows at N = 1,000,000);
# the publisher then publishes a NeverExtracted run over it, which must skip the extracted half.
# Printed side by side, for a freshly loaded database that was never analysed (autovacuum off on its
# tables, as after a bulk load before autovacuum's first pass) and for the same one analysed:
#   - seconds from the publisher's start to its first page read (the log's "first page" line, plus
#     the run's creation and count, which come first), and to the end;
#   - domains/s published and confirmed, and its ratio to the target of 100,000 domains/s;
#   - the reference: the same anti-join as one SELECT count(*) inside PostgreSQL (no publishing).
# The tables the publisher selects over are analysed by the publisher itself when stale or never
# analysed (core db.TableStatistics): its time is in the first-page figure.
#
# Usage: bench/selection-bench.sh [N]
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and RabbitMQ on 127.0.0.1:5672 (guest).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${1:-1000000}
DB=dnsx_selbench
QUEUE=dnsx_selbench
AMQP="amqp://guest:guest@127.0.0.1:5672/%2F"
JAR=$ROOT/publisher-image/target/dns-publisher.jar
WORKER_JAR=$ROOT/worker-image/target/dns-worker.jar
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx128m}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
# always: a jar left from older sources would be measured instead of the code at hand
mvn -B -q -ntp package -DskipTests -pl publisher-image,worker-image -am
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null
TABLES="domains a_records aaaa_records ns_records soa_records mx_records cname_records txt_records dnsx_domain_outcomes"

load() { # a fresh database: N domains, the even ids extracted by an earlier run
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
  java -jar "$WORKER_JAR" migrate --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB" >/dev/null 2>&1
  local t
  for t in $TABLES; do
    psql -h 127.0.0.1 -U postgres -d $DB -qc "ALTER TABLE $t SET (autovacuum_enabled = false)" >/dev/null 2>&1 || true
  done
  psql -h 127.0.0.1 -U postgres -d $DB -q >/dev/null <<SQL
INSERT INTO domains (name, created_at, updated_at)
  SELECT format('%s-%s.example', md5(g::text), g), now() - interval '30 days', now() - interval '30 days'
  FROM generate_series(1, $N) g;
INSERT INTO dnsx_runs (name, record_types, state) VALUES ('bench/earlier', '{A,AAAA,NS,MX,SOA,CNAME,TXT}', 'published');
-- the partition the insert trigger made for the earlier run, autovacuum off as the others
DO \$\$ DECLARE p text; BEGIN
  FOR p IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
           WHERE i.inhparent = 'dnsx_domain_outcomes'::regclass LOOP
    EXECUTE format('ALTER TABLE %I SET (autovacuum_enabled = false)', p);
  END LOOP; END \$\$;
INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, resolved_at)
  SELECT (SELECT id FROM dnsx_runs WHERE name = 'bench/earlier'), g, 'resolved', now() FROM generate_series(2, $N, 2) g;
INSERT INTO a_records (domain_id, ip_address, created_at, updated_at)
  SELECT g, '192.0.2.' || (g % 250), now(), now() FROM generate_series(2, $N, 2) g;
INSERT INTO ns_records (domain_id, value, updated_at)
  SELECT g, 'ns' || k || '.example.net', now() FROM generate_series(2, $N, 2) g, generate_series(1, 2) k;
INSERT INTO mx_records (domain_id, exchange, priority, updated_at)
  SELECT g, 'mx.example.net', 10, now() FROM generate_series(2, $N, 2) g;
INSERT INTO soa_records (domain_id, value, updated_at)
  SELECT g, 'ns1.example.net hostmaster.example.net 1 7200 3600 1209600 3600', now() FROM generate_series(2, $N, 2) g;
INSERT INTO txt_records (domain_id, content, updated_at)
  SELECT g, 'v=spf1 -all', now() FROM generate_series(2, $N, 2) g;
SQL
}

never_analysed() { # how many of the selection's tables PostgreSQL has never analysed
  psql -h 127.0.0.1 -U postgres -d $DB -At -c "SELECT count(*) FROM pg_stat_user_tables
    WHERE last_analyze IS NULL AND last_autoanalyze IS NULL AND relname = ANY(string_to_array('$TABLES', ' '))"
}

reference_ms() { # the anti-join as one count inside PostgreSQL
  psql -h 127.0.0.1 -U postgres -d $DB -At <<SQL | awk '/^Time:/{print $2}' | tail -1
\timing on
SELECT count(*) FROM domains d
 WHERE NOT EXISTS (SELECT 1 FROM dnsx_domain_outcomes o WHERE o.domain_id = d.id AND o.outcome IN ('resolved', 'no_data', 'nxdomain'))
   AND NOT EXISTS (SELECT 1 FROM a_records r WHERE r.domain_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM aaaa_records r WHERE r.domain_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM ns_records r WHERE r.domain_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM soa_records r WHERE r.domain_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM mx_records r WHERE r.domain_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM cname_records r WHERE r.domain_id = d.id)
   AND NOT EXISTS (SELECT 1 FROM txt_records r WHERE r.domain_id = d.id);
SQL
}

publish() { # label; prints: never-analysed tables before, first page s, end s, domains published, domains/s, reference ms
  local before ref start_ns first_ms secs published wall
  before=$(never_analysed)
  ref=""
  [ "$1" = analysed ] && ref=$(reference_ms)
  /usr/bin/time -v -o "$OUT/selection-$1.time" java $JVM_OPTS -jar "$JAR" \
    --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB" --rabbitmq-url "$AMQP" \
    --queue-name "$QUEUE" --run-name "bench/sel-$1-$(date +%s)" --select never-extracted \
    --message-size 100 --max-queue-depth 0 --worker-count 0 --purge-queue > "$OUT/selection-$1.log" 2>&1
  # the log's times are from the publishing's start; the run's creation and count come before it
  first_ms=$(sed -nE 's/.*first page of [0-9]+ domains read in ([0-9]+) ms.*/\1/p' "$OUT/selection-$1.log" | head -1)
  local selected_ms
  selected_ms=$(sed -nE 's/.* domains selected in ([0-9]+) ms.*/\1/p' "$OUT/selection-$1.log" | head -1)
  secs=$(sed -nE 's/.*published [0-9]+ domains in ([0-9.]+) s.*/\1/p' "$OUT/selection-$1.log" | head -1)
  published=$(sed -nE 's/.*published ([0-9]+) domains in.*/\1/p' "$OUT/selection-$1.log" | head -1)
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/selection-$1.time")
  echo "$before ${selected_ms:-?} ${first_ms:-?} ${secs:-?} ${published:-0} $wall ${ref:--}"
}

echo "== loading $N domains, $((N / 2)) of them extracted"
load
read -r A_BEFORE A_SELECTED A_FIRST A_SECS A_PUB A_WALL _ < <(publish never-analysed)
psql -h 127.0.0.1 -U postgres -d $DB -qc "VACUUM ANALYZE" >/dev/null
read -r B_BEFORE B_SELECTED B_FIRST B_SECS B_PUB B_WALL B_REF < <(publish analysed)

rate() { python3 -c "print(round($1 / $2) if $2 else 0)"; }
first_s() { python3 -c "print(f'{($1 + $2) / 1000:.2f}')"; }
echo
echo "== results ($N domains, $((N / 2)) extracted before, $(nproc) cores, JVM $JVM_OPTS)"
printf '%-56s %16s %16s\n' "measurement" "never analysed" "analysed"
printf '%-56s %16s %16s\n' "selection tables never analysed when the publisher starts" "$A_BEFORE" "$B_BEFORE"
printf '%-56s %16s %16s\n' "run created and counted, s (ANALYZE included)" "$(first_s "$A_SELECTED" 0)" "$(first_s "$B_SELECTED" 0)"
printf '%-56s %16s %16s\n' "first page read, s after the count" "$(first_s "$A_FIRST" 0)" "$(first_s "$B_FIRST" 0)"
printf '%-56s %16s %16s\n' "  both: to the first message, s (target < 5)" "$(first_s "$A_SELECTED" "$A_FIRST")" "$(first_s "$B_SELECTED" "$B_FIRST")"
printf '%-56s %16s %16s\n' "domains published and confirmed (expected $((N - N / 2)))" "$A_PUB" "$B_PUB"
printf '%-56s %16s %16s\n' "publishing, domains/s (target 100,000)" "$(rate "$A_PUB" "$A_SECS")" "$(rate "$B_PUB" "$B_SECS")"
printf '%-56s %16s %16s\n' "  ratio to the target" "$(python3 -c "print(f'{$(rate "$A_PUB" "$A_SECS") / 100000:.2f}')")" "$(python3 -c "print(f'{$(rate "$B_PUB" "$B_SECS") / 100000:.2f}')")"
printf '%-56s %16s %16s\n' "publisher wall time with JVM start, s" "$A_WALL" "$B_WALL"
printf '%-56s %16s %16s\n' "reference: the anti-join as one count in PostgreSQL, ms" "-" "$B_REF"
[ "${BENCH_KEEP:-0}" = 1 ] || psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
