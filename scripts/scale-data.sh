#!/usr/bin/env bash
# Fills a PostgreSQL database with a city of Ningbo's real size: 1 city federation, 16 districts and parks,
# 152 townships, 10,336 service points and 3.55 million members (valid ID numbers, unique phones, sealed as
# the platform seals them), plus the staff accounts admin / haishu / nanmen. See docs/benchmarks.md.
#
#   scripts/scale-data.sh [--recreate] [--gonghui.scale-data.members=N ...]
#
# GONGHUI_DB_URL    JDBC URL of the database   (default jdbc:postgresql://127.0.0.1:5432/gonghui_scale;
#                   created if missing; --recreate drops and recreates it first)
# GONGHUI_DB_USER   database user              (default postgres)
# GONGHUI_DATA_DIR  data directory with the personal-data key file (default ./data-scale, made if missing);
#                   start the platform on the database with the same data directory (or the same
#                   gonghui.crypto.key / gonghui.crypto.hash-key) so that it can decrypt.
set -euo pipefail
cd "$(dirname "$0")/.."

export GONGHUI_DB_URL="${GONGHUI_DB_URL:-jdbc:postgresql://127.0.0.1:5432/gonghui_scale}"
export GONGHUI_DB_USER="${GONGHUI_DB_USER:-postgres}"
DATA_DIR="${GONGHUI_DATA_DIR:-./data-scale}"

recreate=false
args=()
for arg in "$@"; do
  if [ "$arg" = "--recreate" ]; then recreate=true; else args+=("$arg"); fi
done

# host, port and database name from the JDBC URL
hostport_db="${GONGHUI_DB_URL#jdbc:postgresql://}"
hostport="${hostport_db%%/*}"
db="${hostport_db#*/}"
db="${db%%\?*}"
host="${hostport%%:*}"
port="5432"
[ "$hostport" != "$host" ] && port="${hostport##*:}"
psql_admin=(psql -h "$host" -p "$port" -U "$GONGHUI_DB_USER" -d postgres -v ON_ERROR_STOP=1 -qAt)

if [ "$recreate" = true ]; then
  echo "== dropping database $db"
  "${psql_admin[@]}" -c "drop database if exists \"$db\" with (force)"
fi
if [ "$("${psql_admin[@]}" -c "select count(*) from pg_database where datname = '$db'")" = "0" ]; then
  echo "== creating database $db"
  "${psql_admin[@]}" -c "create database \"$db\""
fi

echo "== building the jar"
./mvnw -o -q -B package -DskipTests

echo "== loading into $GONGHUI_DB_URL (data directory $DATA_DIR)"
started=$(date +%s%N)
java -jar target/gonghui.jar --spring.profiles.active=postgres,scaledata --gonghui.data-dir="$DATA_DIR" "${args[@]}"
ended=$(date +%s%N)
printf '== done in %d s, including JVM start and migrations; database size %s\n' $(( (ended - started) / 1000000000 )) \
  "$(psql -h "$host" -p "$port" -U "$GONGHUI_DB_USER" -d "$db" -qAt -c "select pg_size_pretty(pg_database_size(current_database()))")"
