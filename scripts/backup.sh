#!/usr/bin/env bash
# Backup and restore drill (docs/instances.md#backups): dumps the database DB (pg_dump, custom format, the nightly
# dump), restores it into a fresh database, starts the platform on the copy with the same keys, and checks that
# every table holds as many rows as the original and that every ledger balances (the mutual-aid fund's lines add up
# to zero per transaction, and to the same totals as the original; the payment journal's totals match). Prints the
# times of the dump and the restore, then 'N passed, N failed'.
#
#   DB=gonghui_cluster KEYS=target/cluster/keys.env scripts/backup.sh
#   DB=gonghui_scale DATA_DIR=target/scale-data scripts/backup.sh      # the 3.55-million-member database
#
# Environment: DB (gonghui_backup_drill: made with demo data first when missing), KEYS (a file of GONGHUI_CRYPTO_KEY,
# GONGHUI_CRYPTO_HASH_KEY, GONGHUI_CARD_CODE_KEY) or DATA_DIR (whose keys/ the original used), JOBS (2: parallel
# restore), PORT (28651), KEEP (false: drop the restored copy, and DB if this script made it, at the end), OUT
# (target/backup).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB=${DB:-gonghui_backup_drill}
COPY=${DB}_restored
JOBS=${JOBS:-2}
PORT=${PORT:-28651}
OUT=${OUT:-$ROOT/target/backup}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
mkdir -p "$OUT"
PASSED=0; FAILED=0
log() { printf '== %s\n' "$*" >&2; }
check() { if eval "$2"; then echo "PASS $1"; PASSED=$((PASSED + 1)); else echo "FAIL $1"; FAILED=$((FAILED + 1)); fi; }
APP=
MADE=false
finish() {
  [ -n "$APP" ] && { kill "$APP" 2>/dev/null; wait "$APP" 2>/dev/null; }
  if [ "${KEEP:-false}" != true ]; then
    psql -X -qc "drop database if exists $COPY with (force)" -d postgres >/dev/null 2>&1
    [ "$MADE" = true ] && psql -X -qc "drop database if exists $DB with (force)" -d postgres >/dev/null 2>&1
  fi
  echo "$PASSED passed, $FAILED failed"
}
trap finish EXIT
[ -f target/gonghui.jar ] || { log "building the jar"; ./mvnw -o -q -B package -DskipTests; }
cp target/gonghui.jar "$OUT/gonghui.jar"

start() { # database data-dir demo -> waits for health UP
  # shellcheck disable=SC2086
  SPRING_PROFILES_ACTIVE=postgres GONGHUI_DB_URL="jdbc:postgresql://$PGHOST:5432/$1" GONGHUI_DATA_DIR="$2" \
    GONGHUI_DEMO="$3" GONGHUI_DEMO_MEMBERS=300 SERVER_PORT=$PORT java -Xmx768m -jar "$OUT/gonghui.jar" > "$OUT/app-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 $APP 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
stop() { kill "$APP"; wait "$APP" 2>/dev/null; APP=; }

DATA_DIR=${DATA_DIR:-$OUT/data}
if [ -n "${KEYS:-}" ]; then set -a; . "$KEYS"; set +a; fi
if ! psql -X -tAc "select 1 from pg_database where datname = '$DB'" -d postgres | grep -q 1; then
  log "no database $DB: making one with demo data"
  psql -X -qc "create database $DB" -d postgres
  MADE=true
  rm -rf "$DATA_DIR"
  start "$DB" "$DATA_DIR" true || { tail -30 "$OUT/app-$DB.log"; exit 1; }
  stop
fi

log "backup: pg_dump -Fc $DB"
t0=$(date +%s.%N)
pg_dump -Fc -Z 1 -f "$OUT/$DB.dump" "$DB"
t1=$(date +%s.%N)
log "restore into a fresh database $COPY (pg_restore -j $JOBS)"
psql -X -qc "drop database if exists $COPY with (force)" -c "create database $COPY" -d postgres
pg_restore -j "$JOBS" --no-owner -d "$COPY" "$OUT/$DB.dump"
t2=$(date +%s.%N)
python3 -c "import os; print(f'dump {float($t1) - float($t0):.1f} s ({os.path.getsize(\"$OUT/$DB.dump\") / 1e6:.1f} MB), restore {float($t2) - float($t1):.1f} s')"

counts() { # database -> "table rows" lines
  psql -X -tA -F ' ' -d "$1" -c "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1" |
    while read -r t; do echo "$t $(psql -X -tAc "select count(*) from \"$t\"" -d "$1")"; done
}
counts "$DB" > "$OUT/counts-original.txt"
counts "$COPY" > "$OUT/counts-restored.txt"
check "every table has as many rows after the restore ($(wc -l < "$OUT/counts-original.txt") tables, $(awk '{s += $2} END {print s}' "$OUT/counts-original.txt") rows)" \
  'diff -q "$OUT/counts-original.txt" "$OUT/counts-restored.txt" >/dev/null'

ledger() { # database
  psql -X -tA -d "$1" <<'SQL'
select 'unbalanced mutual-aid transactions ' || count(*) from (select txn_id from mutualaid_ledger_line group by txn_id having sum(amount) <> 0) u;
select 'mutual-aid transactions without lines ' || count(*) from mutualaid_ledger_txn t where not exists (select 1 from mutualaid_ledger_line l where l.txn_id = t.id);
select 'mutual-aid balances ' || coalesce(string_agg(account || '=' || total, ',' order by account), '') from (select account, sum(amount) total from mutualaid_ledger_line group by account) b;
select 'payment journal ' || count(*) || ' entries, ' || coalesce(sum(amount), 0) || ' yuan, bad entries ' || count(*) filter (where amount <= 0 or debit_account = credit_account) from payment_journal;
SQL
}
ledger "$DB" > "$OUT/ledger-original.txt"
ledger "$COPY" > "$OUT/ledger-restored.txt"
cat "$OUT/ledger-restored.txt"
check "the ledgers balance after the restore and equal the original's" \
  'diff -q "$OUT/ledger-original.txt" "$OUT/ledger-restored.txt" >/dev/null && grep -q "^unbalanced mutual-aid transactions 0$" "$OUT/ledger-restored.txt" && grep -q "^mutual-aid transactions without lines 0$" "$OUT/ledger-restored.txt" && grep -q "bad entries 0$" "$OUT/ledger-restored.txt"'

log "starting the platform on the restored database with the same keys"
start "$COPY" "$DATA_DIR" false
check "the platform starts on the restored database (health UP)" '[ -n "$APP" ] && curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null'
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"admin","password":"Gonghui2026"}' \
  "http://127.0.0.1:$PORT/api/v1/auth/token" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])' 2>/dev/null)
check "the administrator signs in on the restored platform (password hashes and accounts restored)" '[ -n "$TOKEN" ]'
MEMBER=$(psql -X -tAc "select min(id) from member" -d "$COPY")
if [ -n "$TOKEN" ] && [ -n "$MEMBER" ]; then
  member=$(curl -s -H "Authorization: Bearer $TOKEN" -o "$OUT/member.json" -w '%{http_code}' "http://127.0.0.1:$PORT/api/v1/members/$MEMBER")
  check "the restored platform serves a member ($member)" '[ "$member" = 200 ]'
fi
[ "$FAILED" = 0 ]
