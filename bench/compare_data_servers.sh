#!/usr/bin/env bash
# kullback compare on the same 10 columns loaded into PostgreSQL and into a two-shard ClickHouse cluster (MergeTree on
# each shard, a Distributed table over both): seconds and the bytes the engine received (counted by a loopback proxy).
# Usage: bench/compare_data_servers.sh [N]  (default 2000000). Starts its own servers on loopback in a temporary
# directory (PostgreSQL from /usr/lib/postgresql/*/bin, clickhouse-server) and removes them at the end; needs root.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000000}"
dotnet build -c Release bench/Kullback.Benchmarks >/dev/null
B="$PWD/bench/Kullback.Benchmarks/bin/Release/net10.0/Kullback.Benchmarks"
work="$(mktemp -d /tmp/kullback-compare-servers-XXXXXX)"
chmod 755 "$work"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$B" compare-data generate "$work/data" "$n" --csv
chmod -R a+rX "$work/data"

# PostgreSQL: trust on loopback (no password to manage), fsync off.
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pgport="$(port)"
mkdir "$work/pg" && chown postgres:postgres "$work/pg"
as_pg() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
as_pg "$pgbin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$pgbin/postgres" -D "$work/pg/data" -p "$pgport" -k "$work/pg" -c listen_addresses=127.0.0.1 -c fsync=off \
  -c full_page_writes=off -c shared_buffers=512MB -c work_mem=256MB -c max_wal_size=4GB -c logging_collector=off >"$work/pg/log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do psql -h "$work/pg" -p "$pgport" -U postgres -c 'SELECT 1' >/dev/null 2>&1 && break; sleep 0.2; done
columns_pg="n_normal double precision, n_exponential double precision, n_integer bigint, n_lognormal double precision, n_sparse double precision, c_10 text, c_100 text, c_1000 text, c_flag text, c_sparse text"
clock() { date +%s.%N; }
t0="$(clock)"
for side in ref cur; do
  psql -q -h "$work/pg" -p "$pgport" -U postgres -c "CREATE TABLE $side ($columns_pg)" -c "\\copy $side FROM '$work/data/$side.tsv'" -c "ANALYZE $side"
done
echo "PostgreSQL: loaded 2 x $n rows in $(python3 -c "print(f'{$(clock) - $t0:.1f}')") s"

# ClickHouse: two nodes, one shard each.
mkdir -p "$work/ch1" "$work/ch2"
declare -A http tcp
for i in 1 2; do http[$i]="$(port)"; tcp[$i]="$(port)"; done
for i in 1 2; do
  d="$work/ch$i"
  cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/server.log</log><errorlog>$d/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http[$i]}</http_port><tcp_port>${tcp[$i]}</tcp_port><interserver_http_port>$(port)</interserver_http_port>
  <path>$d/data/</path><tmp_path>$d/data/tmp/</tmp_path><user_files_path>$d/data/user_files/</user_files_path>
  <format_schema_path>$d/data/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config><default_profile>default</default_profile><default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size><mlock_executable>false</mlock_executable>
  <remote_servers><bench>
    <shard><replica><host>127.0.0.1</host><port>${tcp[1]}</port></replica></shard>
    <shard><replica><host>127.0.0.1</host><port>${tcp[2]}</port></replica></shard>
  </bench></remote_servers>
</yandex>
XML
  cat >"$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>8000000000</max_memory_usage><max_threads>2</max_threads></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
  (cd "$d" && exec clickhouse-server --config-file="$d/config.xml" >"$d/stdout" 2>&1) &
  pids+=($!)
done
for i in 1 2; do for _ in $(seq 200); do curl -sf "http://127.0.0.1:${http[$i]}/ping" >/dev/null && break; sleep 0.2; done; done
columns_ch="n_normal Nullable(Float64), n_exponential Nullable(Float64), n_integer Nullable(Int64), n_lognormal Nullable(Float64), n_sparse Nullable(Float64), c_10 Nullable(String), c_100 Nullable(String), c_1000 Nullable(String), c_flag Nullable(String), c_sparse Nullable(String)"
t0="$(clock)"
for i in 1 2; do
  clickhouse-client --port "${tcp[$i]}" --query "CREATE DATABASE bench"
  for side in ref cur; do
    clickhouse-client --port "${tcp[$i]}" --query "CREATE TABLE bench.${side}_local ($columns_ch) ENGINE = MergeTree() ORDER BY tuple()"
    clickhouse-client --port "${tcp[$i]}" --query "CREATE TABLE bench.$side AS bench.${side}_local ENGINE = Distributed(bench, bench, ${side}_local, rand())"
  done
done
half=$((n / 2))
for side in ref cur; do
  head -n "$half" "$work/data/$side.tsv" | clickhouse-client --port "${tcp[1]}" --query "INSERT INTO bench.${side}_local FORMAT TabSeparated"
  tail -n +"$((half + 1))" "$work/data/$side.tsv" | clickhouse-client --port "${tcp[2]}" --query "INSERT INTO bench.${side}_local FORMAT TabSeparated"
done
echo "ClickHouse: loaded 2 x $n rows on two shards in $(python3 -c "print(f'{$(clock) - $t0:.1f}')") s"

"$B" compare-data files "$work/data" --distribution histogram > "$work/files.json"
"$B" compare-data server "postgresql://postgres@127.0.0.1:$pgport/postgres?table=public.ref" "postgresql://postgres@127.0.0.1:$pgport/postgres?table=public.cur" > "$work/pg.json"
"$B" compare-data server "clickhouse://default@127.0.0.1:${http[1]}/bench?table=ref" "clickhouse://default@127.0.0.1:${http[1]}/bench?table=cur" > "$work/ch.json"
python3 - "$work" "$n" <<'PY'
import json, os, sys
w, n = sys.argv[1], int(sys.argv[2])
files, pg, ch = (json.load(open(f"{w}/{k}.json")) for k in ("files", "pg", "ch"))
size = sum(os.path.getsize(f"{w}/data/{s}.parquet") for s in ("ref", "cur"))
for name, r in (("PostgreSQL", pg), ("ClickHouse", ch)):
    same = r["reference_counts"] == files["reference_counts"] and r["current_counts"] == files["current_counts"]
    assert same, f"{name} counts differ from the Parquet files'"
print(f"\nrows per side {n:,}; 5 numeric + 5 categorical columns; fine histogram (the servers' default); counts equal to Parquet's")
print(f"{'source':40} {'seconds':>9} {'bytes received':>15} {'bytes sent':>11}")
print(f"{'Parquet files (DuckDB, in process)':40} {files['seconds']:9.2f} {'(' + format(size, ',') + ' read)':>15} {'':>11}")
for name, r in (("PostgreSQL table", pg), ("ClickHouse Distributed, 2 shards", ch)):
    print(f"{name:40} {r['seconds']:9.2f} {r['bytes_received']:15,} {r['bytes_sent']:11,}")
for name, r in (("PostgreSQL", pg), ("ClickHouse", ch)):
    print(f"  profile ({name}): " + ", ".join(f"{s['Key'].split(' ')[0]} {s['Key'].split(' ')[-1][:14]} {s['Value']:.1f}" for s in r["profile"]))
PY
