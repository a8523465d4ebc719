#!/usr/bin/env bash
# Several instances on one machine, for trying and testing (docs/instances.md):
#   scripts/cluster.sh start     two instances (profile cluster) on two ports behind nginx on one port, against the
#                                local PostgreSQL, Redis and RabbitMQ (each started if it is down), and a read replica
#                                of the database made with pg_basebackup, on a port of its own
#   scripts/cluster.sh stop      stops what start started (instances, nginx, the replica, services it had to start)
#   scripts/cluster.sh status    what is running
#   scripts/cluster.sh kill N    kills instance N (1 or 2) at once (SIGKILL), as a crash would
#   scripts/cluster.sh restart N starts instance N again
#   scripts/cluster.sh drain N   takes instance N out of nginx's rotation (it keeps running); undrain: back in
#
# Environment: DB (gonghui_cluster; RECREATE=true drops it first), PROXY_PORT (28600), PORT1 (28601), PORT2 (28602),
# REPLICA_PORT (5433; REPLICA=false for none), ROUTE (member: a member's requests to one instance, hashed on the
# bearer token or the session cookie; least: to the instance with the fewest requests in progress), DEMO (true), DEMO_MEMBERS (2000), APP_OPTS (JVM options),
# WORK (target/cluster). The jar is built when missing (target/gonghui.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DB=${DB:-gonghui_cluster}
PROXY_PORT=${PROXY_PORT:-28600}
PORT1=${PORT1:-28601}
PORT2=${PORT2:-28602}
REPLICA_PORT=${REPLICA_PORT:-5433}
REPLICA=${REPLICA:-true}
WORK=${WORK:-$ROOT/target/cluster}
REPLICA_DIR=/var/tmp/gonghui-replica-$REPLICA_PORT
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
mkdir -p "$WORK"
# how nginx picks the instance: member (a member's requests to one instance) or least (the one with the fewest in
# progress); drain and restart keep the choice of start
ROUTE=${ROUTE:-$(cat "$WORK/route" 2>/dev/null || echo member)}

log() { printf '== %s\n' "$*" >&2; }
port_of() { if [ "$1" = 1 ]; then echo "$PORT1"; else echo "$PORT2"; fi; }
pg_bin() { echo "/usr/lib/postgresql/$(ls /etc/postgresql | sort -V | tail -1)/bin"; }
started() { echo "$1" >> "$WORK/started"; }
wait_for() { # what command...
  local what=$1; shift
  for _ in $(seq 1 60); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  log "$what did not come up"; return 1
}

services() {
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    log "starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    wait_for PostgreSQL pg_isready -h 127.0.0.1 -p 5432 -q; started postgresql
  fi
  if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis \
      --logfile /var/log/redis/ci.log
    wait_for Redis redis-cli -h 127.0.0.1 ping; started redis
  fi
  if ! rabbitmq-diagnostics -q check_port_connectivity >/dev/null 2>&1; then
    log "starting RabbitMQ"
    rabbitmq-server -detached
    wait_for RabbitMQ rabbitmq-diagnostics -q check_port_connectivity; started rabbitmq
  fi
  if ! command -v nginx >/dev/null 2>&1; then
    log "installing nginx (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
  fi
}

keys() { # one set of keys for every instance: personal data must read the same everywhere
  if [ ! -f "$WORK/keys.env" ]; then
    { echo "GONGHUI_CRYPTO_KEY=$(openssl rand -base64 32)"
      echo "GONGHUI_CRYPTO_HASH_KEY=$(openssl rand -base64 32)"
      echo "GONGHUI_CARD_CODE_KEY=$(openssl rand -base64 32)"; } > "$WORK/keys.env"
    chmod 600 "$WORK/keys.env"
  fi
}

replica() {
  [ "$REPLICA" = true ] || return 0
  if pg_isready -h 127.0.0.1 -p "$REPLICA_PORT" -q; then return 0; fi
  local hba
  hba=$(psql -X -tAc "show hba_file" -d postgres)
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$hba"; then
    log "allowing replication connections from 127.0.0.1 ($hba)"
    echo "host replication all 127.0.0.1/32 trust" >> "$hba"
    psql -X -qtAc "select pg_reload_conf()" -d postgres >/dev/null
  fi
  log "read replica: pg_basebackup into $REPLICA_DIR, port $REPLICA_PORT"
  rm -rf "$REPLICA_DIR"; install -d -o postgres -g postgres -m 700 "$REPLICA_DIR"
  runuser -u postgres -- "$(pg_bin)/pg_basebackup" -h 127.0.0.1 -p 5432 -U postgres -D "$REPLICA_DIR" -R -X stream -c fast
  cat >> "$REPLICA_DIR/postgresql.auto.conf" <<CONF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hot_standby = on
CONF
  # Debian keeps the configuration under /etc: the copy needs one of its own
  runuser -u postgres -- sh -c "cp /etc/postgresql/*/main/pg_hba.conf /etc/postgresql/*/main/pg_ident.conf '$REPLICA_DIR'/ \
    && printf \"include_if_exists = '/dev/null'\n\" > '$REPLICA_DIR/postgresql.conf'"
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$REPLICA_DIR" -l "$REPLICA_DIR/log" -w start >/dev/null
  wait_for "the replica" pg_isready -h 127.0.0.1 -p "$REPLICA_PORT" -q
  echo replica >> "$WORK/started"
}

instance() { # N
  local n=$1 port
  port=$(port_of "$n")
  mkdir -p "$WORK/instance-$n"
  log "starting instance $n on port $port"
  set -a; . "$WORK/keys.env"; set +a
  # shellcheck disable=SC2086
  SPRING_PROFILES_ACTIVE=cluster GONGHUI_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
    GONGHUI_DB_REPLICA_URL=$([ "$REPLICA" = true ] && echo "jdbc:postgresql://127.0.0.1:$REPLICA_PORT/$DB" || true) \
    GONGHUI_DATA_DIR="$WORK/instance-$n/data" GONGHUI_INSTANCE="instance-$n" SERVER_PORT="$port" \
    GONGHUI_DEMO="${DEMO:-true}" GONGHUI_DEMO_MEMBERS="${DEMO_MEMBERS:-2000}" GONGHUI_TRUSTED_PROXIES=127.0.0.1 \
    GONGHUI_METRICS_PASSWORD="${METRICS_PASSWORD:-cluster-scrape-secret}" \
    setsid java -Xms256m -Xmx768m ${APP_OPTS:-} -jar "$WORK/gonghui.jar" \
      --logging.level.org.gonghui=INFO > "$WORK/instance-$n/out.log" 2>&1 < /dev/null &
  echo $! > "$WORK/instance-$n/pid"
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$WORK/instance-$n/pid")" 2>/dev/null || { tail -40 "$WORK/instance-$n/out.log"; return 1; }
    sleep 1
  done
  log "instance $n did not become ready"; tail -40 "$WORK/instance-$n/out.log"; return 1
}

proxy() {
  mkdir -p "$WORK/nginx/logs"
  echo "$ROUTE" > "$WORK/route"
  cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  log_format timed '\$msec \$status \$request_time \$upstream_addr \$upstream_status \$upstream_connect_time \$upstream_response_time "\$request"';
  $([ "${ACCESS_LOG:-false}" = true ] && echo "access_log $WORK/nginx/logs/access.log timed buffer=256k flush=1s;" || echo "access_log off;")
  client_max_body_size 30m;
$([ "$ROUTE" = member ] && cat <<'MAP'
  # a member's requests go to one instance (hashed on the bearer token, else on the portal's session cookie;
  # anonymous requests spread at random): their token, facts and pages stay in that instance's memory, which a rush
  # then answers from — spread over the instances at random, each instance had to look up every member again
  map $cookie_SESSION $gonghui_session_key { "" $request_id; default $cookie_SESSION; }
  map $http_authorization $gonghui_route_key { "" $gonghui_session_key; default $http_authorization; }
MAP
)
  upstream gonghui {
$(if [ "$ROUTE" = member ]; then cat <<'HASH'
    # consistent hashing: when an instance is down or drained its members move to the others, the rest stay put
    hash $gonghui_route_key consistent;
HASH
else cat <<'LEAST'
    # each request to the instance with the fewest in progress: one slowed down for a moment (a cold start, JIT,
    # a GC pause) gets less, where round robin kept handing it half and most requests ended up queued there
    least_conn;
LEAST
fi)
    server 127.0.0.1:$PORT1 max_fails=1 fail_timeout=5s$([ "${DRAINED:-}" = 1 ] && echo " down");
    server 127.0.0.1:$PORT2 max_fails=1 fail_timeout=5s$([ "${DRAINED:-}" = 2 ] && echo " down");
    # idle connections kept to the instances: at least the requests in flight, or connections are opened and closed
    # per request under a rush
    keepalive 256;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://gonghui;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # an instance that is gone: the request goes to the other (also a POST that never reached it)
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
      proxy_connect_timeout 2s;
    }
  }
}
CONF
  if [ -f "$WORK/nginx/nginx.pid" ] && kill -0 "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null; then
    log "nginx on port $PROXY_PORT: configuration reloaded${DRAINED:+ (instance $DRAINED out of rotation)}"
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s reload
  else
    log "nginx on port $PROXY_PORT"
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
  fi
}

stop_instance() { # N
  local pidfile="$WORK/instance-$1/pid"
  [ -f "$pidfile" ] || return 0
  local pid; pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping instance $1 (pid $pid)"; kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

case "${1:-start}" in
  start)
    [ -f target/gonghui.jar ] || { log "building the jar"; ./mvnw -o -q -B package -DskipTests; }
    cp target/gonghui.jar "$WORK/gonghui.jar"   # a build while the cluster runs must not pull the jar from under it
    services
    if [ "${RECREATE:-false}" = true ]; then
      psql -X -qc "drop database if exists $DB with (force)" -d postgres
    fi
    if ! psql -X -tAc "select 1 from pg_database where datname = '$DB'" -d postgres | grep -q 1; then
      log "creating database $DB"; psql -X -qc "create database $DB" -d postgres
    fi
    keys
    replica
    instance 1
    instance 2
    proxy
    log "ready: http://127.0.0.1:$PROXY_PORT (instances on $PORT1 and $PORT2; replica on $REPLICA_PORT)"
    ;;
  kill)
    pid=$(cat "$WORK/instance-$2/pid"); log "killing instance $2 (pid $pid)"; kill -9 "$pid"; rm -f "$WORK/instance-$2/pid"
    ;;
  restart)
    stop_instance "$2"; instance "$2"
    ;;
  drain)   # takes instance N out of the proxy's rotation (it keeps running), as before maintenance
    DRAINED=$2 proxy
    ;;
  undrain) # every instance back in the rotation
    DRAINED= proxy
    ;;
  stop)
    [ -f "$WORK/nginx/nginx.pid" ] && { log "stopping nginx"; nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -s quit || true; }
    stop_instance 1; stop_instance 2
    if [ -f "$WORK/started" ]; then
      while read -r what; do
        case "$what" in
          replica) log "stopping the replica"; runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$REPLICA_DIR" -m fast -w stop >/dev/null || true
                   rm -rf "$REPLICA_DIR" ;;
          redis) log "stopping Redis"; redis-cli -h 127.0.0.1 shutdown nosave || true ;;
          rabbitmq) log "stopping RabbitMQ"; rabbitmqctl -q stop || true ;;
          postgresql) log "stopping PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main stop || true ;;
        esac
      done < <(tac "$WORK/started")
      rm -f "$WORK/started"
    fi
    ;;
  status)
    for n in 1 2; do
      port=$(port_of $n); printf 'instance %s (port %s): %s\n' $n "$port" "$(curl -s -m 2 "http://127.0.0.1:$port/actuator/health/readiness" || echo down)"
    done
    printf 'proxy (port %s): %s\n' "$PROXY_PORT" "$(curl -s -m 2 "http://127.0.0.1:$PROXY_PORT/actuator/health" || echo down)"
    printf 'replica (port %s): %s\n' "$REPLICA_PORT" "$(pg_isready -h 127.0.0.1 -p "$REPLICA_PORT" 2>&1)"
    ;;
  *) echo "usage: $0 start|stop|status|kill N|restart N" >&2; exit 2 ;;
esac
