#!/usr/bin/env bash
# The citizen portal under load, against PostgreSQL:
#   1. page weight: every portal page fetched as a browser with an empty cache fetches it (HTML + CSS/JS/fonts/
#      images, Accept-Encoding gzip/deflate/br), bytes on the wire against the 150 kB budget (`page-weight`);
#   2. online filing through HTTP (`load --scenario submit-online`): CONCURRENCY demo citizens, each signed in
#      once through the bundled OpenID Connect provider, file birth-registration dossiers through the portal's
#      HTML form (prefilled form → review with the uploads → submit with the declaration → the dossier's page)
#      for LOAD_SECONDS;
#   3. pgbench tpcb-like on the same server for scale: dossiers/s ÷ pgbench TPS.
# DOSSIERS > 0 first fills the table with that many generated dossiers (`motcua generate`; default 0: empty table).
# Usage: bash bench/portal-load.sh   (env: LOAD_SECONDS, CONCURRENCY, PGBENCH_SECONDS, DOSSIERS)
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD_SECONDS=${LOAD_SECONDS:-60}   # not SECONDS: bash's own counter
CONCURRENCY=${CONCURRENCY:-8}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
DOSSIERS=${DOSSIERS:-0}
PORT=55442
APP=http://127.0.0.1:5079
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
psql_value() { "$PGBIN/psql" -h 127.0.0.1 -p $PORT -U postgres -d motcua -tAc "$1"; }

# The demo runs in Development (demo staff and citizens sign in; outside Development MotCua refuses them).
export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development MotCua__Seed__DemoStaff=true
export MotCua__Database=postgres
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PORT;Username=postgres;Database=motcua;Maximum Pool Size=100"
export MotCua__DataDirectory=$PGDIR/app
export MotCua__RateLimits__LookupsPerMinute=100000000 MotCua__RateLimits__WritesPerMinute=100000000
build() { dotnet build -c Release "$1" > "$PGDIR/build.log" 2>&1 || { echo "build of $1 failed:"; grep -E ' error ' "$PGDIR/build.log" | sort -u | head -20; exit 1; }; }
build src/MotCua.Web
build bench/MotCua.Benchmarks
# The built programs themselves (what `dotnet run --no-build` would start, without its project evaluation).
OUT=bin/Release/net10.0/linux-x64
LOAD=bench/MotCua.Benchmarks/$OUT/MotCua.Benchmarks

GENERATED="generated: none (DOSSIERS=0)"
if [ "$DOSSIERS" -gt 0 ]; then
  build src/MotCua.Cli
  echo "== generate $DOSSIERS dossiers"
  # (tee to a file, not /dev/stderr: reopening a redirected stderr truncates the caller's log)
  "src/MotCua.Cli/$OUT/motcua" generate --dossiers "$DOSSIERS" | tee "$PGDIR/generate.txt"
  GENERATED=$(grep '^generated' "$PGDIR/generate.txt" || echo "generated: $DOSSIERS dossiers")
  psql_value "VACUUM ANALYZE" >/dev/null
fi

echo "== app (Release, PostgreSQL) on $APP"
(cd src/MotCua.Web && exec "$OUT/MotCua.Web" --urls "$APP") > "$PGDIR/app.log" 2>&1 &   # as dotnet run: in the project folder
APP_PID=$!
for _ in $(seq 1 120); do curl -fs "$APP/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "$APP/health/ready" >/dev/null || { echo "the app did not get ready:"; tail -50 "$PGDIR/app.log"; exit 1; }
# Errors are counted from here on (a fresh database logs a failed query for the missing migrations table at start).
STARTED=$(wc -l < "$PGDIR/app.log")

echo "== page weight"
set +e
"$LOAD" page-weight --base-url "$APP" | tee "$PGDIR/weight.txt"
WEIGHT_RC=${PIPESTATUS[0]}
set -e

BEFORE=$(psql_value "SELECT count(*) FROM dossiers")
echo "== load: scenario submit-online, $LOAD_SECONDS s, $CONCURRENCY virtual users ($(uptime | sed 's/.*load/load/') before)"
set +e
"$LOAD" load --scenario submit-online --base-url "$APP" \
  --seconds "$LOAD_SECONDS" --concurrency "$CONCURRENCY" | tee "$PGDIR/submit.txt"
LOAD_RC=${PIPESTATUS[0]}
set -e
RESULT=$(grep '^RESULT' "$PGDIR/submit.txt" || true)
FILED=$(( $(psql_value "SELECT count(*) FROM dossiers") - BEFORE ))
# The demo citizens now have many dossiers: "my dossiers" at its longest (the list shows the newest 200).
"$LOAD" page-weight --base-url "$APP" > "$PGDIR/weight-after.txt" 2>&1 || true
MINE=$(psql_value "SELECT count(*) FROM dossiers WHERE \"ApplicantIdNumber\" = '001090000001'")
tail -n +"$((STARTED + 1))" "$PGDIR/app.log" > "$PGDIR/app-run.log"
APP_ERRORS=$(grep -cE '^(fail|crit):' "$PGDIR/app-run.log" || true)
if [ "$APP_ERRORS" -gt 0 ]; then
  echo "== app log: $APP_ERRORS errors logged; by kind, then the first ones in full"
  grep -E -A1 '^(fail|crit):' "$PGDIR/app-run.log" | grep -vE '^(fail|crit):|^--$' | sed -E 's/[0-9a-f]{8}-[0-9a-f-]{27}/<id>/g; s/[0-9]{6,}/<n>/g' | cut -c1-200 | sort | uniq -c | sort -rn | head -10
  grep -E -A6 '^(fail|crit):' "$PGDIR/app-run.log" | head -40
fi
kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; APP_PID=""

echo "== pgbench on the same server ($PGBENCH_SECONDS s, $CONCURRENCY clients)"
"$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -i -s 10 -q motcua >/dev/null 2>&1
TPCB=$("$PGBIN/pgbench" -h 127.0.0.1 -p $PORT -U postgres -c "$CONCURRENCY" -j 2 -T "$PGBENCH_SECONDS" motcua 2>/dev/null | awk '/^tps/ {print $3; exit}')
echo "pgbench tpcb-like: $TPCB TPS"

echo
echo "== summary (PostgreSQL, 2 cores shared by app, load generator and database; $GENERATED)"
echo "page weight (empty cache; transferred = response headers + body as sent):"
sed -n '/^page .*requests/,/^RESULT/p' "$PGDIR/weight.txt" | grep -v '^RESULT'
echo "after the load (the citizen now has $MINE dossiers; the list shows the newest 200):"
grep -E '^/portal/ho-so ' "$PGDIR/weight-after.txt" || echo "  (no figure: $(tail -1 "$PGDIR/weight-after.txt"))"
[ "$WEIGHT_RC" -eq 0 ] || echo "page weight: FAILED (exit code $WEIGHT_RC: a page over budget, not 200, or with external references)"
echo "app log: ${APP_ERRORS:-0} errors logged during page weight and load; $FILED dossiers added to the table (warm-up included)"
if [ -n "$RESULT" ]; then
python3 - "$RESULT" "$TPCB" <<'PY'
import sys
r = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
tpcb = float(sys.argv[2])
rate = float(r['submit_per_s'])
print(f"{'what':<44} {'per s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}  x pgbench tpcb-like ({tpcb:.0f} TPS)")
print(f"{'submit-online (4 requests, one dossier)':<44} {rate:>9.1f} {float(r['submit_p50_ms']):>8.0f} {float(r['submit_p95_ms']):>8.0f} {float(r['submit_p99_ms']):>8.0f}  {rate/tpcb:.4f}")
print(f"{'request (one HTTP request of a filing)':<44} {float(r['request_per_s']):>9.1f} {float(r['request_p50_ms']):>8.1f} {float(r['request_p95_ms']):>8.1f} {float(r['request_p99_ms']):>8.1f}  {float(r['request_per_s'])/tpcb:.3f}")
print(f"filed {r['completed']} dossiers in the timed run, failed {r['failed']} (HTTP errors {r['http_errors']})")
PY
else
  echo "submit-online: no RESULT line (load runner exit code $LOAD_RC)"
fi
[ "$LOAD_RC" -eq 0 ] && exit "$WEIGHT_RC"
exit "$LOAD_RC"
