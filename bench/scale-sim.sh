#!/usr/bin/env bash
# Scale simulation, on demand (not part of the test suite): a run over N domains (default 10,000,000)
# on this machine, to see what grows with the database and what does not. It measures, side by side
# with a reference in the same script:
#   - the publisher's selection: time from JVM start to the run's fixed set, to its first page (the
#     first message), and its publishing rate, for `all`, `never-extracted` and `not-extracted-since`,
#     with half of the domains extracted before by an earlier run; reference: counting the same
#     selection with psql;
#   - the per-domain outcome rows of the run: bytes per domain (table and indexes), and the time
#     PostgreSQL takes to write them in bulk;
#   - the operator's progress query (RunProgressQuery, over the run's sharded counters after one
#     counter upsert per 100 domains, as the workers make them); reference: counting the run's
#     outcome rows.
# The workers' writes are simulated in SQL with the shape the worker writes (same tables, columns,
# outcome mix and per-type summary), not resolved: this measures the database at scale, not DNS.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust), RabbitMQ on 127.0.0.1:5672 (guest) and
# about 6 GB of disk for 10,000,000 domains. KEEP=1 keeps the database for a look afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${1:-10000000}
DB=dnsx_scale
QUEUE=dnsx_scale
AMQP="amqp://guest:guest@127.0.0.1:5672/%2F"
DSN="postgresql://postgres@127.0.0.1:5432/$DB"
JAR=$ROOT/publisher-image/target/dns-publisher.jar
OUT=$ROOT/bench/out/scale
mkdir -p "$OUT"
mvn -B -q -ntp package -DskipTests -pl publisher-image -am
sql() { psql -h 127.0.0.1 -U postgres -d $DB -v ON_ERROR_STOP=1 -qAt "$@"; }
# milliseconds a statement takes, from psql's \timing
timed() { printf '\\timing on\n%s\n' "$1" | sql | awk '/^Time:/{print $2}' | tail -1; }
now_ms() { date +%s%3N; }
log_ms() { # the UTC timestamp of the first log line matching $2 in file $1, as epoch ms
  grep -m1 "$2" "$1" | cut -c1-24 | python3 -c "import sys,datetime; t=sys.stdin.read().strip().rstrip('Z'); print(int(datetime.datetime.fromisoformat(t).replace(tzinfo=datetime.timezone.utc).timestamp()*1000))"
}

echo "== setting up $N domains (half extracted before) in database $DB"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
java -jar "$JAR" migrate --postgres-dsn "$DSN" >/dev/null 2>&1
LOAD_MS=$(timed "INSERT INTO domains (name, created_at, updated_at)
  SELECT format('n%s.example', lpad(g::text, 10, '0')), now() - interval '90 days',
         now() - (g % 2) * interval '30 days' FROM generate_series(1, $N) g;")
PREV=$(sql -c "INSERT INTO dnsx_runs (name, record_types, state, total, published)
  VALUES ('bench/previous', '{A,AAAA,NS,MX,SOA,CNAME,TXT}', 'published', $N / 2, $N / 2) RETURNING id" | head -1)
sql -c "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, type_outcomes, attempts, resolved_at)
  SELECT $PREV, id, 'resolved', 'A=resolved AAAA=no_data NS=resolved MX=resolved SOA=resolved CNAME=no_data TXT=resolved', 7, now()
  FROM domains WHERE id % 2 = 0" >/dev/null
sql -c "INSERT INTO a_records (domain_id, ip_address, created_at, updated_at)
  SELECT id, format('192.0.%s.%s', (id / 256) % 256, id % 256), now(), now() FROM domains WHERE id % 4 = 0" >/dev/null
sql -c "VACUUM ANALYZE" >/dev/null

# the publisher, once per selection mode: JVM start to the fixed set, to the first page, and the rate
publish() { # mode, extra options...
  local mode=$1; shift
  local log=$OUT/publisher-$mode.log start
  start=$(now_ms)
  java -Xmx256m -jar "$JAR" --postgres-dsn "$DSN" --rabbitmq-url "$AMQP" --queue-name "$QUEUE" \
    --run-name "bench/scale-$mode" --select "$mode" "$@" --message-size 100 \
    --max-queue-depth $((N / 100 + 1000)) --worker-count 0 --purge-queue > "$log" 2>&1
  local wall selected first line
  wall=$(( $(log_ms "$log" "first page of") - start ))
  selected=$(grep -m1 "domains selected in" "$log" | sed -E 's/.* selected in ([0-9]+) ms.*/\1/')
  first=$(grep -m1 "first page of" "$log" | sed -E 's/.* read in ([0-9]+) ms.*/\1/')
  line=$(grep "published .* domains in" "$log")
  # mode, ms to fix the run's set, ms to read the first page, ms from JVM start to the first page,
  # domains, domains/s
  echo "$mode $selected $first $wall $(echo "$line" | sed -E 's/.*published ([0-9]+) domains in ([0-9.]+) s \(([0-9]+) domains\/s\).*/\1 \3/')"
}
SINCE=$(date -u -d '7 days ago' +%Y-%m-%dT%H:%M:%SZ)
PUB_ALL=$(publish all)
PUB_NEVER=$(publish never-extracted)
PUB_SINCE=$(publish not-extracted-since --since "$SINCE")
REF_ALL=$(timed "SELECT count(*) FROM domains d WHERE d.id <= (SELECT max(id) FROM domains);")
NEVER_WHERE="NOT EXISTS (SELECT 1 FROM dnsx_domain_outcomes o WHERE o.domain_id = d.id)"
for t in a_records aaaa_records ns_records soa_records mx_records cname_records txt_records; do
  NEVER_WHERE="$NEVER_WHERE AND NOT EXISTS (SELECT 1 FROM $t r WHERE r.domain_id = d.id)"
done
REF_NEVER=$(timed "SELECT count(*) FROM domains d WHERE $NEVER_WHERE;")
REF_SINCE=$(timed "SELECT count(*) FROM domains d WHERE d.updated_at < '$SINCE';")
rabbitmqctl purge_queue "$QUEUE" >/dev/null 2>&1 || true

# the run's outcomes, written in bulk in the worker's shape, and one counter upsert per 100 domains
RUN=$(sql -c "SELECT id FROM dnsx_runs WHERE name = 'bench/scale-all'")
WRITE_MS=$(timed "INSERT INTO dnsx_domain_outcomes (run_id, domain_id, outcome, type_outcomes, attempts, resolved_at)
  SELECT $RUN, id, o.outcome, o.types, o.attempts, now() FROM domains d
  JOIN (VALUES (0, 'resolved', 'A=resolved AAAA=no_data NS=resolved MX=resolved SOA=resolved CNAME=no_data TXT=resolved', 7),
               (1, 'nxdomain', 'A=nxdomain AAAA=nxdomain NS=nxdomain MX=nxdomain SOA=nxdomain CNAME=nxdomain TXT=nxdomain', 7),
               (2, 'no_data', 'A=no_data AAAA=no_data NS=no_data MX=no_data SOA=resolved CNAME=no_data TXT=no_data', 7),
               (3, 'timeout', 'A=resolved AAAA=timeout NS=resolved MX=resolved SOA=resolved CNAME=no_data TXT=resolved', 10))
    AS o(k, outcome, types, attempts)
    ON o.k = CASE WHEN d.id % 10 < 7 THEN 0 WHEN d.id % 10 < 9 THEN 1 WHEN d.id % 20 = 9 THEN 2 ELSE 3 END;")
cat > "$OUT/counters.sql" <<'SQL'
\set shard random(0, 15)
\set o random(1, 4)
INSERT INTO dnsx_run_counters (run_id, shard, outcome, domains)
  VALUES (:run, :shard, (ARRAY['resolved', 'nxdomain', 'no_data', 'timeout'])[:o], 100)
  ON CONFLICT (run_id, shard, outcome) DO UPDATE SET domains = dnsx_run_counters.domains + EXCLUDED.domains;
SQL
pgbench -h 127.0.0.1 -U postgres -n -c 4 -j 2 -t $((N / 100 / 4)) -D run="$RUN" -f "$OUT/counters.sql" $DB > "$OUT/counters.log" 2>&1
sql -c "ANALYZE" >/dev/null
PART="dnsx_domain_outcomes_r$RUN"
read -r TABLE_B INDEX_B ROWS <<<"$(sql -F ' ' -c "SELECT pg_table_size('$PART'), pg_indexes_size('$PART'), (SELECT count(*) FROM $PART)")"
read -r DOMAINS_B <<<"$(sql -c "SELECT pg_total_relation_size('domains')")"
PROBE=$(java -cp "$JAR" "$ROOT/bench/ProgressProbe.java" "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "bench/scale-all" 200)
read -r _ P50 P99 _ C50 C99 _ DONE _ COUNTED <<<"$PROBE"

per() { python3 -c "print(f'{$1 / $2:.2f}')"; }
x100() { python3 -c "print(f'{$1 * $2:,.0f}')"; }
echo
echo "== results ($N domains, $(nproc) cores; worker writes simulated in SQL; 100M figures are linear extrapolations)"
printf '%-62s %18s %12s\n' "measurement" "figure" "at 100M"
SCALE=$(python3 -c "print(1e8 / $N)")
for row in "$PUB_ALL" "$PUB_NEVER" "$PUB_SINCE"; do
  read -r mode selected first wall domains rate <<<"$row"
  printf '%-62s %18s %12s\n' "publisher $mode: fixing the run's set (count), s" "$(per "$selected" 1000)" "$(per "$selected * $SCALE" 1000)"
  printf '%-62s %18s %12s\n' "publisher $mode: then reading the first page, s" "$(per "$first" 1000)" ""
  printf '%-62s %18s %12s\n' "publisher $mode: JVM start to the first message, s" "$(per "$wall" 1000)" ""
  printf '%-62s %18s %12s\n' "publisher $mode: domains published, domains/s" "$domains, $rate" "$(python3 -c "print(f'{$domains * $SCALE / $rate / 60:.0f} min')")"
done
printf '%-62s %18s %12s\n' "reference: psql count(*) of all / never / since, s" "$(per "$REF_ALL" 1000) / $(per "$REF_NEVER" 1000) / $(per "$REF_SINCE" 1000)" ""
printf '%-62s %18s %12s\n' "outcome rows: table bytes per domain" "$(per "$TABLE_B" "$ROWS")" "$(x100 "$TABLE_B" "1e8 / $ROWS / 1e9") GB"
printf '%-62s %18s %12s\n' "outcome rows: index bytes per domain" "$(per "$INDEX_B" "$ROWS")" "$(x100 "$INDEX_B" "1e8 / $ROWS / 1e9") GB"
printf '%-62s %18s %12s\n' "outcome rows: bulk write by PostgreSQL, rows/s" "$(python3 -c "print(round($ROWS / ($WRITE_MS / 1000)))")" ""
printf '%-62s %18s %12s\n' "domains table with its indexes, bytes per domain" "$(per "$DOMAINS_B" "$N")" "$(x100 "$DOMAINS_B" "1e8 / $N / 1e9") GB"
printf '%-62s %18s %12s\n' "operator progress query (counters), ms median / p99" "$P50 / $P99" "same"
printf '%-62s %18s %12s\n' "reference: count(*) of the run's outcome rows, ms median / p99" "$C50 / $C99" "$(per "$C50 * $SCALE" 1) ms"
printf '%-62s %18s %12s\n' "progress query's done / rows counted (must be equal)" "$DONE / $COUNTED" ""
grep -E "^tps" "$OUT/counters.log" | sed 's/^/counter upserts (pgbench, 4 clients): /'
[ "${KEEP:-0}" = 1 ] || psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
