#!/usr/bin/env bash
# The activity rush benchmark (not a test): starts Gonghui on PostgreSQL, seeds signed-in benchmark members,
# fires bursts over HTTP from a separate load-generator process and checks exactness in the database; measures the
# pgbench references on the same PostgreSQL and prints the ratios.
#
#   scripts/bench/bench.sh                 # all scenarios, RUNS times (median reported)
#   RUNS=1 ATTEMPTS=20000 scripts/bench/bench.sh   # a quick look
#   scripts/bench/bench.sh latency         # one connection, no queueing: median latency of a registration against
#                                          # that of a refusal of the full activity
#   scripts/bench/bench.sh profile         # flight recordings of the service during registrations and refusals
#   scripts/bench/bench.sh restart         # a burst during which the database drops all of the app's connections
#                                          # three times (pg_terminate_backend on this database only: the
#                                          # PostgreSQL server is shared with others), then the exactness check
#
# Environment: DB (gonghui_bench), PORT (28431), MEMBERS (100000), ATTEMPTS (200000), CONCURRENCY (128),
# RUNS (3), PGHOST (127.0.0.1), PGUSER (postgres), DATA_DIR (target/bench/data: the key files), DEMO (true),
# APP_OPTS (more JVM options for the service, e.g. -XX:StartFlightRecording=filename=app.jfr to profile it).
# At full scale, load the 3.55-million-member data first and point the benchmark at it, e.g.
#   GONGHUI_DB_URL=jdbc:postgresql://127.0.0.1:5432/gonghui_scale GONGHUI_DATA_DIR=target/bench-scale-data \
#     scripts/scale-data.sh --recreate
#   DB=gonghui_scale DATA_DIR=target/bench-scale-data DEMO=false scripts/bench/bench.sh
# The benchmark members are added beside the 3.55 million.
#
# Before the timed bursts the server is warmed as a running one would be: every benchmark member opens the
# activity page and registers once for a warm-up activity (untimed), so the JIT has compiled the registration
# path and the member look-ups are cached, as they are when members wait on the page for the opening.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DB=${DB:-gonghui_bench}
PORT=${PORT:-28431}
MEMBERS=${MEMBERS:-100000}
ATTEMPTS=${ATTEMPTS:-200000}
CONCURRENCY=${CONCURRENCY:-128}
RUNS=${RUNS:-3}
DATA_DIR=${DATA_DIR:-target/bench/data}
DEMO=${DEMO:-true}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
WORK=$ROOT/target/bench
BASE=http://127.0.0.1:$PORT
mkdir -p "$WORK"
PSQL="psql -X -q -v ON_ERROR_STOP=1 -d $DB"

log() { printf '== %s\n' "$*" >&2; }

[ -f target/gonghui.jar ] || { log "building the jar"; ./mvnw -o -q -B package -DskipTests; }
rm -rf "$WORK/lg"; javac -d "$WORK/lg" scripts/bench/LoadGen.java

if ! psql -X -tAc "select 1 from pg_database where datname = '$DB'" -d postgres | grep -q 1; then
  log "creating database $DB"; psql -X -qc "create database $DB" -d postgres
fi

log "starting Gonghui on PostgreSQL ($DB) at port $PORT"
GONGHUI_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB" java -Xms512m -Xmx1g ${APP_OPTS:-} -jar target/gonghui.jar \
  --spring.profiles.active=postgres --server.port=$PORT --gonghui.demo=$DEMO --gonghui.demo-members=2000 \
  --gonghui.data-dir="$DATA_DIR" --gonghui.api.principal-cache-seconds=900 --server.tomcat.max-keep-alive-requests=10000 --logging.level.org.gonghui=WARN > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do
  curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $APP 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
  sleep 1
done
curl -fs "$BASE/actuator/health" >/dev/null

log "seeding $MEMBERS benchmark members with accounts and tokens"
$PSQL -v members="$MEMBERS" -f scripts/bench/seed.sql

ADMIN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"admin","password":"Gonghui2026"}' \
  "$BASE/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

json() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
activity() { # title capacity
  local opens closes
  opens=$(TZ=Asia/Shanghai date -d '-1 hour' +%Y-%m-%dT%H:%M:%S); closes=$(TZ=Asia/Shanghai date -d '+2 days' +%Y-%m-%dT%H:%M:%S)
  curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$BASE/api/v1/activities" -d \
    "{\"title\":\"$1\",\"category\":\"TRAINING\",\"mode\":\"FIRST_COME\",\"capacity\":$2,\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"sessions\":\"$(TZ=Asia/Shanghai date -d '+5 days' +%Y-%m-%d) 14:00 90\"}" | json
}
offer() { # title total
  local opens closes
  opens=$(TZ=Asia/Shanghai date -d '-1 hour' +%Y-%m-%dT%H:%M:%S); closes=$(TZ=Asia/Shanghai date -d '+2 days' +%Y-%m-%dT%H:%M:%S)
  curl -fs -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$BASE/api/v1/vouchers/offers" -d \
    "{\"title\":\"$1\",\"price\":1.00,\"totalQuantity\":$2,\"perMember\":1,\"claimOpensAt\":\"$opens\",\"claimClosesAt\":\"$closes\",\"validFrom\":\"$opens\",\"validUntil\":\"$closes\"}" | json
}

loadgen() { # kind targets attempts out
  java -Xmx1g -cp "$WORK/lg" LoadGen --base "$BASE" --members "${LG_MEMBERS:-$MEMBERS}" --attempts "$3" --concurrency "$CONCURRENCY" \
    --kind "$1" --targets "$2" --out "$4" --seed "$RANDOM" --threads "${LG_THREADS:-2}" --service-pid "$APP" ${5:+--warmup yes} ${LG_WARMUP_COUNT:+--warmup-count $LG_WARMUP_COUNT}
}

warm_up() { # activity: every member registers once, filling it; then presses again and is refused (both untimed)
  loadgen register "$1" "$MEMBERS" "$WORK/warm-ok.csv" warm | head -1
  loadgen register "$1" "$MEMBERS" "$WORK/warm-full.csv" | head -1
}

# exactness: oversold, duplicates, lost (told 201, not stored), phantom (stored, not told 201)
check() { # kind ids(csv) okfile
  local table=registration key=activity_id held="status in ('CONFIRMED','OFFERED')" cap="(select capacity from activity where id = t.k)"
  if [ "$1" = voucher ]; then table=voucher; key=offer_id; held="true"; cap="(select total_quantity from welfare_offer where id = t.k)"; fi
  $PSQL -tA -F ' ' <<SQL
create temporary table ok (n int, k bigint);
\copy ok from '$3' with (format csv)
create temporary table held as
  select r.$key as k, r.member_id, r.id from $table r where r.$key in ($2) and $held;
select 'stored=' || (select count(*) from held),
  'oversold=' || (select coalesce(sum(greatest(0, c - $cap)), 0) from (select k, count(*) c from held group by k) t),
  'duplicates=' || (select count(*) from (select k, member_id from held group by k, member_id having count(*) > 1) d),
  'lost=' || (select count(*) from ok left join member m on m.id_number_hash = 'bench-' || ok.n
              left join held h on h.member_id = m.id and h.k = ok.k where h.id is null),
  'phantom=' || (select count(*) from held h join member m on m.id = h.member_id
              where not exists (select 1 from ok where 'bench-' || ok.n = m.id_number_hash and ok.k = h.k));
SQL
}

pgb() { # script clients
  pgbench -n -c "$2" -j 2 -T 15 -f "$1" "$DB" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

if [ "${1:-}" = latency ]; then
  # one connection (no queueing): the time of one registration (an insert and its commit) against that of one
  # refusal of a full activity (no database at all), RUNS times on new activities; the median of the runs' ratios
  N=$(( MEMBERS < 10000 ? MEMBERS / 2 : 5000 ))
  WARM=$(activity "预热活动" "$MEMBERS")
  warm_up "$WARM"
  : > "$WORK/latency.txt"
  for run in $(seq 1 "$RUNS"); do
    A=$(activity "单连接延迟 $run" "$N")
    log "run $run/$RUNS, one connection: $N registrations for activity $A, then $N refusals of it, full"
    # the load generator is a new JVM each time: it first opens the page 3,000 times (untimed) to warm its own JIT
    CONCURRENCY=1 LG_WARMUP_COUNT=3000 loadgen register "$A" "$N" "$WORK/lat-reg.csv" warm | tee "$WORK/lat-reg.txt"
    CONCURRENCY=1 LG_WARMUP_COUNT=3000 loadgen register "$A" "$N" "$WORK/lat-full.csv" warm | tee "$WORK/lat-full.txt"
    REG=$(sed -n 's/.*outcome=201 .*median_ms= *\([0-9.]*\).*/\1/p' "$WORK/lat-reg.txt")
    FULL=$(sed -n 's/.*outcome=409 activity.refused.full .*median_ms= *\([0-9.]*\).*/\1/p' "$WORK/lat-full.txt")
    echo "$REG $FULL" >> "$WORK/latency.txt"
  done
  python3 - "$WORK/latency.txt" <<'PY'
import statistics, sys
runs = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
for i, (r, f) in enumerate(runs, 1):
    print(f"run {i}: registration {r:.2f} ms, refusal of a full activity {f:.2f} ms: {r / f:.1f}x")
print(f"median latency on one connection over {len(runs)} runs: registration {statistics.median(r for r, _ in runs):.2f} ms, "
      f"refusal {statistics.median(f for _, f in runs):.2f} ms; median ratio {statistics.median(r / f for r, f in runs):.1f}x")
PY
  exit 0
fi

if [ "${1:-}" = profile ]; then
  # a flight recording of the service during a burst of registrations alone, then during refusals of that
  # activity, now full: target/bench/fill.jfr and target/bench/full.jfr (read them with `jfr print` or JMC)
  WARM=$(activity "预热活动" "$MEMBERS")
  warm_up "$WARM"
  FILL=$(( MEMBERS / 2 ))
  A=$(activity "剖析" "$FILL")
  jfr() { [ "${JFR_SETTINGS:-}" = none ] || jcmd $APP "$@" >/dev/null; }
  jfr JFR.start name=fill settings="${JFR_SETTINGS:-$ROOT/scripts/bench/sampling.jfc}"
  LG_MEMBERS=$FILL loadgen register "$A" "$FILL" "$WORK/fill-ok.csv" | head -1
  jfr JFR.stop name=fill filename="$WORK/fill.jfr"
  curl -fs "$BASE/actuator/prometheus" | grep '^gonghui_activity_shared_commit_registrations_\(count\|sum\|max\)' || true
  jfr JFR.start name=full settings="${JFR_SETTINGS:-$ROOT/scripts/bench/sampling.jfc}"
  LG_WARMUP_COUNT=20000 loadgen register "$A" "$ATTEMPTS" "$WORK/full-ok.csv" warm | head -2
  jfr JFR.stop name=full filename="$WORK/full.jfr"
  log "recordings: $WORK/fill.jfr $WORK/full.jfr"
  exit 0
fi

if [ "${1:-}" = restart ]; then
  A=$(activity "断线演练" "$((ATTEMPTS / 4))")
  log "burst on activity $A; the database drops the app's connections after 5, 7 and 9 s"
  ( for t in 5 2 2; do sleep $t; log "dropping connections"
      psql -X -qtAc "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = '$DB' and pid <> pg_backend_pid()" -d postgres
    done ) &
  DROPPER=$!
  loadgen register "$A" "$ATTEMPTS" "$WORK/restart-ok.csv" | tee "$WORK/restart.txt"
  wait $DROPPER
  log "exactness (phantom may only be members answered 409 activity.refused.busy: told to look up the result)"
  check register "$A" "$WORK/restart-ok.csv"
  exit 0
fi

WARM=$(activity "预热活动" "$MEMBERS")
log "warm-up (untimed): $MEMBERS members open the page and register once for activity $WARM, then press again, refused"
warm_up "$WARM"

: > "$WORK/summary.txt"
for run in $(seq 1 "$RUNS"); do
  log "run $run/$RUNS: pgbench references (8 clients, 15 s)"
  $PSQL -f scripts/bench/pgbench-setup.sql
  echo "ceiling $(pgb scripts/bench/pgbench-ceiling.sql 8)" >> "$WORK/summary.txt"
  echo "naive $(pgb scripts/bench/pgbench-naive.sql 8)" >> "$WORK/summary.txt"
  echo "naive64 $(pgb scripts/bench/pgbench-naive.sql 64)" >> "$WORK/summary.txt"

  FILL=$(( MEMBERS / 2 ))
  FILLA=$(activity "人人有份 $run" "$FILL")
  log "run $run: $FILL members register once each for activity $FILLA with $FILL places (every attempt a registration)"
  # its members open the page first (untimed), as they do before an opening: their facts are fresh, as in a rush
  LG_MEMBERS=$FILL loadgen register "$FILLA" "$FILL" "$WORK/fill-ok.csv" warm | tee "$WORK/fill-$run.txt"
  echo "fill $(head -2 "$WORK/fill-$run.txt" | paste -sd' ') $(check register "$FILLA" "$WORK/fill-ok.csv")" >> "$WORK/summary.txt"

  ONE=$(activity "单个热门活动 $run" 500)
  log "run $run: $ATTEMPTS attempts by $MEMBERS members on one activity with 500 places ($ONE)"
  loadgen register "$ONE" "$ATTEMPTS" "$WORK/one-ok.csv" warm | tee "$WORK/one-$run.txt"
  echo "one $(head -2 "$WORK/one-$run.txt" | paste -sd' ') $(check register "$ONE" "$WORK/one-ok.csv")" >> "$WORK/summary.txt"

  log "run $run: $ATTEMPTS more attempts on the full activity (refusals)"
  LG_WARMUP_COUNT=20000 loadgen register "$ONE" "$ATTEMPTS" "$WORK/full-ok.csv" warm | tee "$WORK/full-$run.txt"
  echo "full $(head -2 "$WORK/full-$run.txt" | paste -sd' ')" >> "$WORK/summary.txt"

  IDS=$(for i in $(seq 1 100); do activity "百个活动 $run-$i" 500; done | paste -sd,)
  log "run $run: $ATTEMPTS attempts over 100 activities with 500 places each"
  loadgen register "$IDS" "$ATTEMPTS" "$WORK/many-ok.csv" warm | tee "$WORK/many-$run.txt"
  echo "many $(head -2 "$WORK/many-$run.txt" | paste -sd' ') $(check register "$IDS" "$WORK/many-ok.csv")" >> "$WORK/summary.txt"

  OFFER=$(offer "一元看大片 $run" 10000)
  log "run $run: $ATTEMPTS voucher claims on an offer of 10,000"
  loadgen voucher "$OFFER" "$ATTEMPTS" "$WORK/voucher-ok.csv" warm | tee "$WORK/voucher-$run.txt"
  echo "voucher $(head -2 "$WORK/voucher-$run.txt" | paste -sd' ') $(check voucher "$OFFER" "$WORK/voucher-ok.csv")" >> "$WORK/summary.txt"
  log "run $run: the service's heap and collections so far (jstat -gcutil): $(jstat -gcutil $APP 2>/dev/null | tail -1)"
done

field() { grep "^$1 " "$WORK/summary.txt" | sed -n "s/.* $2=\([0-9.]*\).*/\1/p" | median; }
sum() { grep "^$1 " "$WORK/summary.txt" | sed -n "s/.* $2=\([0-9]*\).*/\1/p" | awk '{s+=$1} END {print s+0}'; }
CEIL=$(grep '^ceiling ' "$WORK/summary.txt" | awk '{print $2}' | median)
NAIVE=$(grep '^naive ' "$WORK/summary.txt" | awk '{print $2}' | median)
NAIVE64=$(grep '^naive64 ' "$WORK/summary.txt" | awk '{print $2}' | median)
echo
echo "==================== activity rush benchmark: medians of $RUNS runs ===================="
printf 'pgbench ceiling (insert under unique index, 8 clients): %s tx/s\n' "$CEIL"
printf 'pgbench naive (lock activity row, update, insert): %s tx/s at 8 clients, %s at 64\n' "$NAIVE" "$NAIVE64"
for s in fill one many voucher full; do
  printf '%-8s attempts/s=%-8s median_ms=%-7s p99_ms=%-8s confirmed=%-6s oversold=%s duplicates=%s lost=%s phantom=%s service_cpu_us=%s\n' "$s" \
    "$(field $s attempts_per_s)" "$(field $s median_ms)" "$(field $s p99_ms)" "$(field $s ok)" \
    "$(sum $s oversold)" "$(sum $s duplicates)" "$(sum $s lost)" "$(sum $s phantom)" "$(field $s service_us_per_attempt)"
done
MANY=$(field many attempts_per_s); ONE_RATE=$(field one attempts_per_s); FULL=$(field full attempts_per_s)
FILL_RATE=$(field fill attempts_per_s)
STORED=$(grep '^many ' "$WORK/summary.txt" | awk '{for(i=1;i<=NF;i++){if($i~/^seconds=/){split($i,a,"=");s=a[2]} if($i~/^ok=/){split($i,b,"=");o=b[2]}} print o/s}' | median)
echo "stored registrations/s during the 100-activity burst: $STORED"
python3 - "$CEIL" "$NAIVE" "$NAIVE64" "$ONE_RATE" "$MANY" "$STORED" "$FULL" "$FILL_RATE" \
  "$(field fill service_us_per_attempt)" "$(field full service_us_per_attempt)" <<'PY'
import sys
ceil, naive, naive64, one, many, stored, full, fill, fill_cpu, full_cpu = map(float, sys.argv[1:])
print(f"service/ceiling: one activity {one/ceil:.2f}, 100 activities {many/ceil:.2f}; registrations alone (fill) {fill/ceil:.2f}; stored rows/s in the 100-activity burst {stored/ceil:.2f}")
print(f"service/naive(8 clients): one activity {one/naive:.2f}, 100 activities {many/naive:.2f}, registrations alone {fill/naive:.2f}; vs naive at 64 clients: 100 activities {many/naive64:.2f}, registrations alone {fill/naive64:.2f}")
print(f"refusals of a full activity vs registrations: {full/fill:.1f}x the rate of registrations alone, {full/stored:.1f}x the stored rate in the 100-activity burst")
print(f"service CPU per attempt: registration {fill_cpu:.0f} us, refusal {full_cpu:.0f} us: {fill_cpu/full_cpu:.1f}x less")
PY
