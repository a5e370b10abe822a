#!/usr/bin/env bash
# Reception and tracking under load, against PostgreSQL holding DOSSIERS generated dossiers (default 1,000,000),
# compared with pgbench on the same server in the same run:
#   reception/s ÷ pgbench tpcb-like TPS,  tracking lookups/s ÷ pgbench select-only TPS.
# Usage: bash bench/reception-load.sh   (env: DOSSIERS, RECEPTIONS, LOOKUPS, CONCURRENCY, PGBENCH_SECONDS)
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIERS=${DOSSIERS:-1000000}
RECEPTIONS=${RECEPTIONS:-3000}
LOOKUPS=${LOOKUPS:-30000}
CONCURRENCY=${CONCURRENCY:-16}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PORT=55440
APP=http://127.0.0.1:5077
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== disk"; df -h /tmp | tail -1
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/motcua-bench-pg.XXXXXX); chown postgres:postgres "$PGDIR"
su postgres -c "$PGBIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w start -o '-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB -c synchronous_commit=on'" >/dev/null
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap cleanup EXIT
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -qc "CREATE DATABASE motcua"

# The demo runs in Development (demo staff and citizens sign in; outside Development MotCua refuses them).
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development MotCua__Seed__DemoStaff=true
export MotCua__Database=postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=motcua;Maximum Pool Size=100"
export MotCua__DataDirectory=$PGDIR/app
export MotCua__RateLimits__LookupsPerMinute=100000000 MotCua__RateLimits__WritesPerMinute=100000000
dotnet build -c Release src/MotCua.Cli >/dev/null
dotnet build -c Release src/MotCua.Web >/dev/null
dotnet build -c Release bench/MotCua.Benchmarks >/dev/null

echo "== generate $DOSSIERS dossiers"
dotnet run -c Release --no-build --project src/MotCua.Cli -- generate --dossiers "$DOSSIERS"
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -qc "VACUUM ANALYZE"
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -tAc "SELECT 'dossiers in table: ' || count(*) FROM dossiers"

echo "== app (Release, PostgreSQL) on $APP"
dotnet run -c Release --no-build --project src/MotCua.Web --urls "$APP" > "$PGDIR/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "$APP/health/ready" >/dev/null 2>&1 && break; sleep 1; done

echo "== load: $RECEPTIONS receptions, $LOOKUPS lookups, concurrency $CONCURRENCY"
RESULT=$(dotnet run -c Release --no-build --project bench/MotCua.Benchmarks -- load --base-url "$APP" --receptions "$RECEPTIONS" \
  --lookups "$LOOKUPS" --concurrency "$CONCURRENCY" --postgres "$ConnectionStrings__Postgres" | tee /dev/stderr | grep '^RESULT')
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== pgbench on the same server ($PGBENCH_SECONDS s each, $CONCURRENCY clients)"
"$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -i -s 10 -q motcua >/dev/null 2>&1
TPCB=$("$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" motcua 2>/dev/null | awk '/^tps/ {print $3; exit}')
SELECT=$("$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -S -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" motcua 2>/dev/null | awk '/^tps/ {print $3; exit}')
echo "pgbench tpcb-like: $TPCB TPS; select-only: $SELECT TPS"

python3 - "$RESULT" "$TPCB" "$SELECT" <<'PY'
import sys
r = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
tpcb, sel = float(sys.argv[2]), float(sys.argv[3])
print(f"reception: {float(r['reception_per_s']):.0f} dossiers/s (p99 {float(r['reception_p99_ms']):.0f} ms) = {float(r['reception_per_s'])/tpcb:.2f} x pgbench tpcb-like")
print(f"tracking:  {float(r['lookups_per_s']):.0f} lookups/s (p99 {float(r['lookups_p99_ms']):.0f} ms) = {float(r['lookups_per_s'])/sel:.2f} x pgbench select-only")
PY
