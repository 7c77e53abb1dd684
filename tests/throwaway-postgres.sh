# Sourced by tests/run.sh: a throwaway PostgreSQL cluster for one test run.
#   postgres_start  initdb into a temporary folder, listen on 127.0.0.1 on a free port, export RGT_TEST_POSTGRES
#                   (a connection string without a database: each test creates and drops its own)
#   postgres_stop   stop the cluster and delete the folder (run.sh calls it from its EXIT trap)
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user Debian's package creates.

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

postgres_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
  local bin port
  bin=$(postgres_bin)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "PostgreSQL (initdb, pg_ctl) is not installed." >&2
    return 1
  fi
  RGT_PG_DIR=$(mktemp -d)
  [ "$(id -u)" = 0 ] && chown postgres "$RGT_PG_DIR"
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  postgres_as_owner "$bin/initdb" -D "$RGT_PG_DIR/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >"$RGT_PG_DIR/initdb.log" 2>&1 \
    || { cat "$RGT_PG_DIR/initdb.log" >&2; return 1; }
  # fsync off and more connections: test data only, and many test sites hold pooled connections at once.
  postgres_as_owner "$bin/pg_ctl" -D "$RGT_PG_DIR/data" -w -t 60 -l "$RGT_PG_DIR/server.log" \
    -o "-p $port -k $RGT_PG_DIR -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$RGT_PG_DIR/server.log" >&2; return 1; }
  export RGT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=app"
  echo "Throwaway PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

postgres_stop() {
  [ -n "${RGT_PG_DIR:-}" ] || return 0
  postgres_as_owner "$(postgres_bin)/pg_ctl" -D "$RGT_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$RGT_PG_DIR"
  RGT_PG_DIR=
}
