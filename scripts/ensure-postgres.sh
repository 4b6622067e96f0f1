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
