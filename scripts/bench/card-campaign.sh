#!/usr/bin/env bash
# The 5·1 card's campaign at the tills (issue 13; docs/card-benchmarks.md): CardBenchmark at a small setup, RUNS times
# (3), each on a fresh database, then the median of the ratios to the pgbench insert ceiling measured in each run.
# Run it on an otherwise idle machine. Environment: RUNS, DB (gh_card_campaign), PGHOST (127.0.0.1), PGUSER
# (postgres); extra arguments go to Maven (e.g. -Dgonghui.card.till-writers=0 to write each redemption on its own).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-3}
DB=${DB:-gh_card_campaign}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
mkdir -p target
: > target/card-campaign.txt
for run in $(seq 1 "$RUNS"); do
  psql -X -q -d postgres -c "drop database if exists $DB" -c "create database $DB" 2>/dev/null
  rm -f target/card-benchmark.txt
  GONGHUI_TEST_DB_URL="jdbc:postgresql://$PGHOST:5432/$DB?reWriteBatchedInserts=true" \
    ./mvnw -o -B -q verify -Dtest.db=postgres -Dit.test=CardBenchmark -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.redemptions=2000 -Dbench.cards=2000 -Dbench.campaignMembers=2000 -Dbench.nearestQueries=100 \
    -Dbench.figureRuns=3 "$@" > "target/card-campaign-$run.log" 2>&1
  grep -a '^CAMPAIGN' target/card-benchmark.txt | sed "s/^/run $run: /" | tee -a target/card-campaign.txt
done
psql -X -q -d postgres -c "drop database if exists $DB" 2>/dev/null
grep -a 'CAMPAIGN ratio' target/card-campaign.txt | sed 's/.*: //' | sort -n \
  | awk '{a[NR]=$1} END {m = NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "CAMPAIGN median ratio of %d runs: %.2f (at least 0.5 asked)\n", NR, m}'
