#!/usr/bin/env bash
# Installs the database servers that tests/Kullback.Data.Tests starts on loopback (PostgreSQL, ClickHouse) and the
# tools its fixtures use (setpriv, chown from util-linux and coreutils). Idempotent: installs only what is missing.
# Nothing is started here: each test run starts its own servers in temporary directories and stops them.
set -euo pipefail

need=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || need+=(postgresql)
command -v clickhouse-server >/dev/null 2>&1 || need+=(clickhouse-server)
command -v setpriv >/dev/null 2>&1 || need+=(util-linux)

if [ "${#need[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The Debian packages start their own system-wide servers where a service manager runs; the tests need none of them.
# Report what is there, so that a failing run shows it.
pg="$(compgen -G '/usr/lib/postgresql/*/bin/postgres' | sort -V | tail -n 1)"
echo "PostgreSQL: $("$pg" --version)"
echo "ClickHouse: $(dpkg-query -W -f='${Version}' clickhouse-server 2>/dev/null || echo 'clickhouse-server (not from a Debian package)')"
id postgres >/dev/null 2>&1 || { echo "The postgres system user is missing (the postgresql package creates it)."; exit 1; }
