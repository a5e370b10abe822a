#!/usr/bin/env bash
# Queue tickets and counters under load through HTTP on PostgreSQL, compared with pgbench on the same server:
#   1. TICKETS kiosk tickets (POST /api/v1/tickets) over the 12 branches and 8 service groups, CONCURRENCY kiosks;
#   2. every counter of the 12 branches (72) calls, starts and finishes them until the queues are empty, racing;
#   3. checks: numbers exactly 1…N per point and day, no ticket called twice, none left open (exit 1 otherwise);
#   4. pgbench tpcb-like, for the ratio.
# Usage: bash bench/queue-load.sh   (env: TICKETS, CONCURRENCY, PGBENCH_SECONDS)
set -euo pipefail
cd "$(dirname "$0")/.."
TICKETS=${TICKETS:-6000}
CONCURRENCY=${CONCURRENCY:-16}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PORT=55443
APP=http://127.0.0.1:5080
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
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
build src/MotCua.Web
build bench/MotCua.Benchmarks
OUT=bin/Release/net10.0/linux-x64
LOAD=bench/MotCua.Benchmarks/$OUT/MotCua.Benchmarks

echo "== app (Release, PostgreSQL) on $APP"
(cd src/MotCua.Web && exec "$OUT/MotCua.Web" --urls "$APP") > "$PGDIR/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "$APP/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$APP/health/ready" >/dev/null || { echo "the app did not get ready:"; tail -50 "$PGDIR/app.log"; exit 1; }
STARTED=$(wc -l < "$PGDIR/app.log")   # errors are counted after start-up (the first migration probes a missing history table)

echo "== load: scenario queue, $TICKETS tickets, $CONCURRENCY kiosks"
set +e
"$LOAD" load --scenario queue --base-url "$APP" --tickets "$TICKETS" --concurrency "$CONCURRENCY" \
  --postgres "$ConnectionStrings__Postgres" | tee "$PGDIR/queue.txt"
LOAD_RC=${PIPESTATUS[0]}
set -e
RESULT=$(grep '^RESULT' "$PGDIR/queue.txt" || true)
tail -n +"$((STARTED + 1))" "$PGDIR/app.log" > "$PGDIR/app-run.log"
APP_ERRORS=$(grep -cE '^(fail|crit):' "$PGDIR/app-run.log" || true)
if [ "$APP_ERRORS" -gt 0 ]; then echo "== app log: $APP_ERRORS errors during the load"; grep -E -A6 '^(fail|crit):' "$PGDIR/app-run.log" | head -40; fi
kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== pgbench on the same server ($PGBENCH_SECONDS s, $CONCURRENCY clients)"
"$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -i -s 10 -q motcua >/dev/null 2>&1
TPCB=$("$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" motcua 2>/dev/null | awk '/^tps/ {print $3; exit}')
echo "pgbench tpcb-like: $TPCB TPS"
if [ -n "$RESULT" ]; then
python3 - "$RESULT" "$TPCB" <<'PY'
import sys
r = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
tpcb = float(sys.argv[2])
print(f"take ticket: {float(r['take_per_s']):.0f}/s (p50 {float(r['take_p50_ms']):.0f} ms, p99 {float(r['take_p99_ms']):.0f} ms) = {float(r['take_per_s'])/tpcb:.3f} x pgbench tpcb-like ({tpcb:.0f} TPS)")
print(f"call next:   {float(r['call_per_s']):.0f}/s (p50 {float(r['call_p50_ms']):.0f} ms, p99 {float(r['call_p99_ms']):.0f} ms) with {r['counters']} counters racing; {float(r['served_per_s']):.0f} visits served/s")
print(f"checks: issued {r['issued']}, numbering faults {r['bad_numbers']}, called twice {r['called_twice']}, left open {r['open']}, HTTP errors {r['errors']}")
PY
fi
exit "$LOAD_RC"
