#!/usr/bin/env bash
# Dossier processing under load, against PostgreSQL holding DOSSIERS generated OPEN dossiers (default 1,000,000):
#   1. the clock sweep over all of them (`motcua sweep --repeat $SWEEPS`): the first run raises the warnings,
#      the later runs show the steady state the app's minute-by-minute sweep lives in;
#   2. whole dossier lives through HTTP (`load --scenario life`: receive at the counter, forward, assign,
#      result, approve, return — 18 requests by three staff) for LOAD_SECONDS at CONCURRENCY virtual users;
#   3. pgbench tpcb-like on the same server for scale: life dossiers/s ÷ pgbench TPS.
# Usage: bash bench/processing-load.sh   (env: DOSSIERS, SWEEPS, LOAD_SECONDS, CONCURRENCY, PGBENCH_SECONDS)
set -euo pipefail
cd "$(dirname "$0")/.."
DOSSIERS=${DOSSIERS:-1000000}
SWEEPS=${SWEEPS:-3}
LOAD_SECONDS=${LOAD_SECONDS:-60}   # not SECONDS: bash's own counter
CONCURRENCY=${CONCURRENCY:-8}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PORT=55441
APP=http://127.0.0.1:5078
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
echo "== disk (about 3 KB a dossier: $((DOSSIERS * 3 / 1000)) MB for $DOSSIERS)"; df -h /tmp | tail -1
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDIR=$(mktemp -d /tmp/motcua-bench-pg.XXXXXX); chown postgres:postgres "$PGDIR"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ]; then kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PGDIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
su postgres -c "$PGBIN/initdb -D $PGDIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -c "$PGBIN/pg_ctl -D $PGDIR/data -l $PGDIR/log -w start -o '-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB -c synchronous_commit=on'" >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -qc "CREATE DATABASE motcua"

# The demo runs in Development (demo staff and citizens sign in; outside Development MotCua refuses them).
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development MotCua__Seed__DemoStaff=true
export MotCua__Database=postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=motcua;Maximum Pool Size=100"
export MotCua__DataDirectory=$PGDIR/app
export MotCua__RateLimits__LookupsPerMinute=100000000 MotCua__RateLimits__WritesPerMinute=100000000
build() { dotnet build -c Release "$1" > "$PGDIR/build.log" 2>&1 || { echo "build of $1 failed:"; grep -E ' error ' "$PGDIR/build.log" | sort -u | head -20; exit 1; }; }
build src/MotCua.Cli
build src/MotCua.Web
build bench/MotCua.Benchmarks
# The built programs themselves (what `dotnet run --no-build` would start, without its project evaluation).
OUT=bin/Release/net10.0/linux-x64
MOTCUA=src/MotCua.Cli/$OUT/motcua
LOAD=bench/MotCua.Benchmarks/$OUT/MotCua.Benchmarks

echo "== generate $DOSSIERS open dossiers"
# (tee to a file, not /dev/stderr: reopening a redirected stderr truncates the caller's log)
"$MOTCUA" generate --dossiers "$DOSSIERS" --open | tee "$PGDIR/generate.txt"
GENERATED=$(grep '^generated' "$PGDIR/generate.txt")
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -qc "VACUUM ANALYZE"
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -tAc "SELECT 'open dossiers in table: ' || count(*) FROM dossiers WHERE \"Status\" IN (2, 4)"
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -tAc "SELECT 'database size: ' || pg_size_pretty(pg_database_size('motcua'))"

echo "== clock sweep, $SWEEPS runs"
"$MOTCUA" sweep --repeat "$SWEEPS" | tee "$PGDIR/sweep.txt"
SWEEP=$(grep '^sweep' "$PGDIR/sweep.txt")
"$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -tAc "SELECT 'alerts raised: ' || count(*) FROM dossier_alerts"

echo "== app (Release, PostgreSQL) on $APP"
(cd src/MotCua.Web && exec "$OUT/MotCua.Web" --urls "$APP") > "$PGDIR/app.log" 2>&1 &   # as dotnet run: in the project folder
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "$APP/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$APP/health/ready" >/dev/null || { echo "the app did not get ready:"; tail -50 "$PGDIR/app.log"; exit 1; }

echo "== load: scenario life, $LOAD_SECONDS s, $CONCURRENCY virtual users ($(uptime | sed 's/.*load/load/') before)"
set +e
"$LOAD" load --scenario life --base-url "$APP" \
  --seconds "$LOAD_SECONDS" --concurrency "$CONCURRENCY" | tee "$PGDIR/life.txt"
LOAD_RC=${PIPESTATUS[0]}
set -e
RESULT=$(grep '^RESULT' "$PGDIR/life.txt" || true)
LIFE=$(grep -E '^(life|action|errors)' "$PGDIR/life.txt" || true)
APP_ERRORS=$(grep -cE '^(fail|crit):' "$PGDIR/app.log" || true)
if [ "$APP_ERRORS" -gt 0 ]; then
  echo "== app log: $APP_ERRORS errors logged; by kind, then the first ones in full"
  grep -E -A1 '^(fail|crit):' "$PGDIR/app.log" | grep -vE '^(fail|crit):|^--$' | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]{6,}/<n>/g' | cut -c1-200 | sort | uniq -c | sort -rn | head -10
  grep -E -A6 '^(fail|crit):' "$PGDIR/app.log" | head -40
fi
kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== pgbench on the same server ($PGBENCH_SECONDS s, $CONCURRENCY clients)"
"$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -i -s 10 -q motcua >/dev/null 2>&1
TPCB=$("$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" motcua 2>/dev/null | awk '/^tps/ {print $3; exit}')
echo "pgbench tpcb-like: $TPCB TPS"

echo
echo "== summary ($DOSSIERS open dossiers, PostgreSQL, 2 cores shared by app, load generator and database)"
echo "$GENERATED"
echo "$SWEEP"
echo "$LIFE"
echo "app log: ${APP_ERRORS:-0} errors logged during the load"
if [ -n "$RESULT" ]; then
python3 - "$RESULT" "$TPCB" <<'PY'
import sys
r = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
tpcb = float(sys.argv[2])
life = float(r['life_per_s'])
print(f"life:   {life:.1f} dossiers/s (p50 {float(r['life_p50_ms']):.0f} ms, p95 {float(r['life_p95_ms']):.0f} ms, p99 {float(r['life_p99_ms']):.0f} ms) = {life/tpcb:.4f} x pgbench tpcb-like ({tpcb:.0f} TPS)")
print(f"action: {float(r['action_per_s']):.0f} requests/s (p50 {float(r['action_p50_ms']):.1f} ms, p95 {float(r['action_p95_ms']):.1f} ms, p99 {float(r['action_p99_ms']):.1f} ms) = {float(r['action_per_s'])/tpcb:.3f} x pgbench tpcb-like")
print(f"completed {r['completed']} dossiers, failed {r['failed']} (HTTP errors {r['http_errors']})")
PY
else
  echo "life: no RESULT line (load runner exit code $LOAD_RC)"
fi
exit "$LOAD_RC"
