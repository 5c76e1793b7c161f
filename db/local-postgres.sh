#!/usr/bin/env bash
# A PostgreSQL cluster for ProjectTracker from the machine's own binaries: no Docker needed.
#
#   db/local-postgres.sh start    initialise (first time) and start; prints the connection string
#   db/local-postgres.sh stop     stop the cluster (data is kept)
#   db/local-postgres.sh status   running or not, and where
#   db/local-postgres.sh url      print the connection string
#   db/local-postgres.sh psql     open psql on the database
#   db/local-postgres.sh destroy  stop and delete the data folder
#   db/local-postgres.sh standby  a read-only streaming replica of the cluster on PT_PG_PRIMARY_PORT
#                                 (pg_basebackup -R the first time), started on PT_PG_PORT; prints the
#                                 connection string to use as ConnectionStrings:ProjectTrackerReadOnly
#
# Settings (environment):
#   PT_PG_PORT      TCP port on 127.0.0.1             (default 5433)
#   PT_PG_DATA      data folder                        (default db/.pgdata, git-ignored)
#   PT_PG_DATABASE  database created for the API       (default projecttracker)
#   PT_PG_USER      login role owning that database    (default projecttracker)
#   PT_PG_PASSWORD  its password                       (default projecttracker)
#   PT_PG_SETTINGS  extra server settings, e.g. "-c shared_buffers=1GB"
#   PT_PG_PRIMARY_PORT, PT_PG_PRIMARY_PASSWORD  for standby: the primary's port and superuser password
#
# Runs as a normal user (the cluster belongs to that user) or as root (the cluster
# belongs to the `postgres` user, started through runuser, because initdb refuses root).
# As root, installs Debian's `postgresql` package when no server binaries are found.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${PT_PG_PORT:-5433}"
data="${PT_PG_DATA:-$here/.pgdata}"
database="${PT_PG_DATABASE:-projecttracker}"
app_user="${PT_PG_USER:-projecttracker}"
app_password="${PT_PG_PASSWORD:-projecttracker}"
extra_settings="${PT_PG_SETTINGS:-}"

log() { printf 'local-postgres: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

find_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then pg_config --bindir; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

ensure_binaries() {
  bindir="$(find_bindir)"
  [[ -n "$bindir" ]] && return
  if [[ $EUID -ne 0 ]]; then
    die "no PostgreSQL server binaries found; install them (Debian: sudo apt-get install -y postgresql) and run again"
  fi
  log "installing Debian's postgresql package (server binaries)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bindir="$(find_bindir)"
  [[ -n "$bindir" ]] || die "postgresql was installed but initdb is still missing"
}

# The OS user that owns and runs the cluster: ourselves, or `postgres` when we are root.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# As root the data folder must be reachable by `postgres`; a checkout under a closed
# folder (e.g. /root) is not, so the cluster then lives in a folder of its own, chosen
# once when the cluster is created and found again by later commands.
resolve_data_dir() {
  [[ $EUID -eq 0 ]] || return 0
  id postgres >/dev/null 2>&1 || die "the postgres OS user is missing (is the postgresql package installed?)"
  local fallback
  fallback="/var/lib/projecttracker/pgdata-$(printf '%s' "$data" | sha1sum | cut -c1-12)"
  if [[ -f "$fallback/PG_VERSION" ]]; then data="$fallback"; return; fi
  [[ "${1:-}" == create ]] || return 0
  mkdir -p "$data"
  chown postgres:postgres "$data"
  if ! runuser -u postgres -- test -w "$data" 2>/dev/null; then
    log "postgres cannot reach $data; using $fallback instead"
    rmdir "$data" 2>/dev/null || true
    data="$fallback"
    mkdir -p "$data"
    chown postgres:postgres "$data"
  fi
}

connection_string() {
  echo "Host=127.0.0.1;Port=$port;Database=$database;Username=$app_user;Password=$app_password"
}

is_running() {
  [[ -f "$data/PG_VERSION" ]] && as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

sql() { # run SQL as the cluster superuser over the cluster's private socket
  as_owner "$bindir/psql" -h "$data" -p "$port" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -qtAc "$1"
}

init_cluster() {
  log "initialising a new cluster in $data"
  mkdir -p "$data"
  chmod 700 "$data"
  as_owner "$bindir/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # The superuser gets the app password too, so tests can create databases over TCP.
  echo "password_encryption = 'scram-sha-256'" | as_owner tee -a "$data/postgresql.conf" >/dev/null
}

start() {
  ensure_binaries
  resolve_data_dir create
  [[ -f "$data/PG_VERSION" ]] || init_cluster
  is_running || run_server
  sql "DO \$\$BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$app_user') THEN
           CREATE ROLE \"$app_user\" LOGIN CREATEDB PASSWORD '$app_password';
         END IF;
       END\$\$;
       ALTER ROLE postgres PASSWORD '$app_password';"
  if [[ -z "$(sql "SELECT 1 FROM pg_database WHERE datname = '$database'")" ]]; then
    sql "CREATE DATABASE \"$database\" OWNER \"$app_user\""
  fi
  log "PostgreSQL is running on 127.0.0.1:$port (data: $data)"
  connection_string
}

run_server() {
  # shellcheck disable=SC2086
  as_owner "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$data' $extra_settings" start >/dev/null \
    || { tail -n 20 "$data/server.log" >&2 || true; die "the server did not start (log: $data/server.log)"; }
}

# A hot standby: a base backup of the primary that then follows it by streaming replication. It takes
# reads only; the roles, databases and passwords are the primary's.
standby() {
  local primary_port="${PT_PG_PRIMARY_PORT:-}"
  [[ -n "$primary_port" ]] || die "standby needs PT_PG_PRIMARY_PORT (the primary's port)"
  ensure_binaries
  resolve_data_dir create
  if [[ ! -f "$data/PG_VERSION" ]]; then
    log "copying the primary on 127.0.0.1:$primary_port into $data (pg_basebackup -R)"
    mkdir -p "$data"
    chmod 700 "$data"
    as_owner env PGPASSWORD="${PT_PG_PRIMARY_PASSWORD:-$app_password}" "$bindir/pg_basebackup" \
      -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data" -R -X stream -c fast >&2
  fi
  is_running || run_server
  log "read-only standby of 127.0.0.1:$primary_port running on 127.0.0.1:$port (data: $data)"
  connection_string
}

stop() {
  bindir="$(find_bindir)"
  [[ -n "$bindir" ]] || { log "no PostgreSQL binaries; nothing to stop"; return; }
  resolve_data_dir
  if is_running; then
    as_owner "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

status() {
  bindir="$(find_bindir)"
  [[ -n "$bindir" ]] && resolve_data_dir
  if [[ -n "$bindir" ]] && is_running; then
    log "running on 127.0.0.1:$port (data: $data)"
  else
    log "not running (data: $data)"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) connection_string ;;
  psql) bindir="$(find_bindir)"; PGPASSWORD="$app_password" exec "$bindir/psql" -h 127.0.0.1 -p "$port" -U "$app_user" "$database" ;;
  destroy) stop; rm -rf "$data"; log "deleted $data" ;;
  standby) standby ;;
  *) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
