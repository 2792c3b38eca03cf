#!/usr/bin/env bash
# Publisher benchmark, on demand (not part of the test suite). Publishes N domains (default 1,000,000)
# of a run into RabbitMQ, confirmed, and prints domains/s, messages/s and peak RSS side by side with the
# reference: a plain INSERT ... SELECT copy of the same rows inside PostgreSQL, measured in the same run.
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust) and RabbitMQ on 127.0.0.1:5672 (guest).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${1:-1000000}
MSG=${MESSAGE_SIZE:-100}
DB=dnsx_pubbench
QUEUE=dnsx_pubbench
AMQP="amqp://guest:guest@127.0.0.1:5672/%2F"
JAR=$ROOT/publisher-image/target/dns-publisher.jar
# a small heap shows that memory stays flat whatever the table size
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx128m}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
# always: a jar left from older sources would be measured instead of the code at hand
mvn -B -q -ntp package -DskipTests -pl "$(basename "$(dirname "$(dirname "$JAR")")")" -am
[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
java -jar "$JAR" migrate --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB" >/dev/null 2>&1
psql -h 127.0.0.1 -U postgres -d $DB -qc "INSERT INTO domains (name, created_at, updated_at)
  SELECT format('%s-%s.example', md5(g::text), g), now(), now() FROM generate_series(1, $N) g" >/dev/null
psql -h 127.0.0.1 -U postgres -d $DB -qc "VACUUM ANALYZE domains" >/dev/null

# the reference: copying the same rows inside the database
REF_MS=$(psql -h 127.0.0.1 -U postgres -d $DB -At <<SQL | awk '/^Time:/{print $2}' | tail -1
\timing on
CREATE TABLE ref_copy AS SELECT id, name FROM domains WHERE id > 0 ORDER BY id;
SQL
)
/usr/bin/time -v java $JVM_OPTS -jar "$JAR" --postgres-dsn "postgresql://postgres@127.0.0.1:5432/$DB" --rabbitmq-url "$AMQP" \
  --queue-name "$QUEUE" --run-name "bench/pub-$(date +%s)" --select all --message-size "$MSG" \
  --max-queue-depth $((N / MSG + 1000)) --worker-count 0 --purge-queue > "$OUT/publisher.log" 2>&1
PUB_LINE=$(grep "published .* domains in" "$OUT/publisher.log")
SECS=$(echo "$PUB_LINE" | sed -E 's/.* in ([0-9.]+) s .*/\1/')
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/publisher.log")
RSS=$(awk '/Maximum resident set size/{printf "%.0f", $6/1024}' "$OUT/publisher.log")
CONFIRMED=$(psql -h 127.0.0.1 -U postgres -d $DB -At -c "SELECT published FROM dnsx_runs WHERE name LIKE 'bench/pub-%'")
rate() { python3 -c "print(round($1 / $2))"; }
PUB_RATE=$(rate "$N" "$SECS")
REF_RATE=$(rate "$N" "$(python3 -c "print($REF_MS / 1000)")")
echo "== results ($N domains, $MSG per message, $(nproc) cores, JVM $JVM_OPTS; $CONFIRMED domains confirmed)"
printf '%-52s %14s %8s\n' "measurement" "figure" "ratio"
printf '%-52s %14s %8s\n' "reference: INSERT ... SELECT copy, domains/s" "$REF_RATE" "1.00"
printf '%-52s %14s %8s\n' "publisher, published and confirmed, domains/s" "$PUB_RATE" "$(python3 -c "print(f'{$PUB_RATE / $REF_RATE:.2f}')")"
printf '%-52s %14s %8s\n' "publisher messages/s" "$(rate "$N" "$(python3 -c "print($SECS * $MSG)")")" ""
printf '%-52s %14s %8s\n' "publisher wall time with JVM start and count, s" "$WALL" ""
printf '%-52s %14s %8s\n' "publisher peak RSS MB" "$RSS" ""
printf '%-52s %14s %8s\n' "legacy publisher, domains/s (bench kit figure)" "1000" ""
printf '%-52s %14s %8s\n' "publisher vs legacy" "$(python3 -c "print(f'{$PUB_RATE / 1000:.0f}x')")" ""
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
