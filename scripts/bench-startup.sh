#!/usr/bin/env bash
# Cold start of the platform: from process start to /actuator/health answering UP, on a fresh data
# directory (so the first start creates the schema and loads the demo data), and again on the now-filled
# directory (a warm restart). Prints each run and the median of three.
# Usage: scripts/bench-startup.sh [runs]   (builds target/gonghui.jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
[ -f target/gonghui.jar ] || ./mvnw -q -B package -DskipTests

measure() { # $1 = data dir; prints seconds to UP
  local dir=$1 start end pid
  start=$(date +%s.%N)
  java -jar target/gonghui.jar --server.port="$port" --gonghui.data-dir="$dir" >"$dir.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "the platform stopped; see $dir.log" >&2; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk "BEGIN { printf \"%.1f\\n\", $end - $start }"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

cold=(); warm=()
for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/gonghui-start.XXXX)
  cold+=("$(measure "$dir")")
  warm+=("$(measure "$dir")")
  echo "run $i: first start ${cold[-1]} s, restart ${warm[-1]} s"
  rm -rf "$dir" "$dir.log"
done
echo "median first start (schema + demo data): $(printf '%s\n' "${cold[@]}" | median) s"
echo "median restart: $(printf '%s\n' "${warm[@]}" | median) s"
