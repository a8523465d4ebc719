#!/usr/bin/env bash
# Measures scoped member search on the scale-data database (scripts/scale-data.sh first): median and p95
# latency for a district user (NB-HS, 海曙区) and a township user (NB-HS-T01), by name prefix and by exact ID
# number, through the member registry's service and through GET /api/v1/members. See docs/benchmarks.md.
#
#   scripts/bench-search.sh [--gonghui.bench-search.queries=300 --gonghui.bench-search.http=false ...]
#
# GONGHUI_DB_URL, GONGHUI_DB_USER, GONGHUI_DATA_DIR as for scripts/scale-data.sh (same defaults).
set -euo pipefail
cd "$(dirname "$0")/.."

export GONGHUI_DB_URL="${GONGHUI_DB_URL:-jdbc:postgresql://127.0.0.1:5432/gonghui_scale}"
export GONGHUI_DB_USER="${GONGHUI_DB_USER:-postgres}"
DATA_DIR="${GONGHUI_DATA_DIR:-./data-scale}"
if [ ! -f "$DATA_DIR/keys/personal-data.keys" ]; then
  echo "no key file under $DATA_DIR: use the data directory scripts/scale-data.sh loaded with (GONGHUI_DATA_DIR)" >&2
  exit 1
fi

echo "== building the jar"
./mvnw -o -q -B package -DskipTests

echo "== benchmarking search on $GONGHUI_DB_URL"
java -jar target/gonghui.jar --spring.profiles.active=postgres,benchsearch --gonghui.data-dir="$DATA_DIR" \
  --logging.level.root=WARN "$@"
