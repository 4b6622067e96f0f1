#!/usr/bin/env bash
# Make sure a PostgreSQL server answers for the test URL, and that its user may create the test
# database. Uses the server at 127.0.0.1:5432 when one answers; else installs and starts one.
#   scripts/ensure-postgres.sh postgres://postgres@127.0.0.1:5432/cocade
set -euo pipefail
url=${1:?usage: ensure-postgres.sh DATABASE_URL}
host=127.0.0.1
port=5432
answers() { pg_isready -q -h "$host" -p "$port" 2>/dev/null; }
if ! command -v pg_isready >/dev/null 2>&1 || ! answers; then
  "$(dirname "$0")/system-packages.sh" postgres
  if ! answers; then
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -z "$version" ]; then
      echo "PostgreSQL is installed but has no cluster; create one with pg_createcluster." >&2
      exit 1
    fi
    echo "Starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null \
      || pg_ctlcluster "$version" main start
    for _ in $(seq 1 30); do answers && break; sleep 1; done
    answers || { echo "PostgreSQL did not start on $host:$port" >&2; exit 1; }
  fi
fi
# The tests create and drop their own database; the extensions they use must be installable.
user=$(python3 -c 'import sys, urllib.parse as u; print(u.urlsplit(sys.argv[1]).username or "postgres")' "$url")
if ! psql -h "$host" -p "$port" -U "$user" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "psql -qc \"CREATE ROLE \\\"$user\\\" LOGIN SUPERUSER\"" >/dev/null
  else
    echo "PostgreSQL at $host:$port does not accept user $user; see README, Running on PostgreSQL." >&2
    exit 1
  fi
fi
# The agenda's concurrency test (tests/agenda/test_concurrency.py) holds 240 connections open
# at once; PostgreSQL's default of 100 is too few. Raise it to 300 when this script can: the
# server is the local Debian cluster on this port (pg_ctlcluster), the user may ALTER SYSTEM
# (a superuser, or root through the postgres account), and we may restart the cluster (root or
# the cluster's owner). Otherwise say what to do; the other tests do not need it.
needed=300
pg() { psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "$1"; }
current=$(pg 'SHOW max_connections')
if [ "$current" -lt "$needed" ]; then
  cluster=$(pg_lsclusters --no-header 2>/dev/null \
    | awk -v p="$port" '$3 == p && $4 == "online" {print $1, $2, $5; exit}' || true)
  read -r version name owner <<<"${cluster:-- - -}"
  superuser=$(pg "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
  if [ -n "$cluster" ] && { [ "$(id -u)" = 0 ] || [ "$(id -un)" = "$owner" ]; } \
      && { [ "$superuser" = t ] || [ "$(id -u)" = 0 ]; }; then
    echo "PostgreSQL $version/$name: max_connections $current -> $needed (restarting the cluster)"
    if [ "$superuser" = t ]; then
      pg "ALTER SYSTEM SET max_connections = $needed" >/dev/null
    else
      su "$owner" -c "psql -p $port -qc 'ALTER SYSTEM SET max_connections = $needed'" >/dev/null
    fi
    pg_ctlcluster --skip-systemctl-redirect "$version" "$name" restart 2>/dev/null \
      || pg_ctlcluster "$version" "$name" restart
    for _ in $(seq 1 30); do answers && break; sleep 1; done
    answers || { echo "PostgreSQL did not come back on $host:$port" >&2; exit 1; }
    current=$(pg 'SHOW max_connections')
  fi
  if [ "$current" -lt "$needed" ]; then
    echo "PostgreSQL at $host:$port allows max_connections = $current; the agenda's" \
      "concurrency test needs at least $needed and will fail. As a superuser run" \
      "ALTER SYSTEM SET max_connections = $needed; then restart the server" \
      "(or run this script as root on the server's machine)." >&2
  fi
fi
