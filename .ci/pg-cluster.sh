# A private, throwaway PostgreSQL cluster on 127.0.0.1 and a port of its own, for CI and benchmarks.
# Source this file, then: pg_cluster_create PORT; pg_cluster_start; ...; pg_cluster_stop; pg_cluster_destroy.
# It never touches the Debian cluster on 5432. Needs root (it runs the server as the postgres user).
# Creates the role and database "comments" (password "comments"), which the %pg profile expects.

pg_install_if_missing() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q postgresql
  fi
  PGBIN=/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -1)/bin
  export PGBIN
}

# pg_cluster_create PORT: initdb in a temp dir (not under /root, which postgres cannot enter), start, create the DB
pg_cluster_create() {
  PG_CLUSTER_PORT=$1
  pg_install_if_missing
  PG_CLUSTER_DIR=$(mktemp -d /tmp/comments-pg.XXXXXX)
  mkdir -p "$PG_CLUSTER_DIR/data" "$PG_CLUSTER_DIR/sock"
  chown -R postgres:postgres "$PG_CLUSTER_DIR"
  chmod 700 "$PG_CLUSTER_DIR/data"
  export PG_CLUSTER_PORT PG_CLUSTER_DIR
  su postgres -c "$PGBIN/initdb -D $PG_CLUSTER_DIR/data -U postgres -A trust -E UTF8 --no-locale" \
    >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || { cat "$PG_CLUSTER_DIR/initdb.log"; return 1; }
  pg_cluster_start
  psql -q -h 127.0.0.1 -p "$PG_CLUSTER_PORT" -U postgres -v ON_ERROR_STOP=1 \
    -c "CREATE USER comments PASSWORD 'comments'" -c "CREATE DATABASE comments OWNER comments"
}

pg_cluster_start() {
  su postgres -c "$PGBIN/pg_ctl -D $PG_CLUSTER_DIR/data -l $PG_CLUSTER_DIR/server.log \
    -o '-c listen_addresses=127.0.0.1 -p $PG_CLUSTER_PORT -k $PG_CLUSTER_DIR/sock' -w start" >/dev/null
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] && [ -f "$PG_CLUSTER_DIR/data/postmaster.pid" ] &&
    su postgres -c "$PGBIN/pg_ctl -D $PG_CLUSTER_DIR/data -m fast -w stop" >/dev/null
  return 0
}

pg_cluster_destroy() {
  pg_cluster_stop
  [ -n "${PG_CLUSTER_DIR:-}" ] && rm -rf "$PG_CLUSTER_DIR"
  return 0
}
