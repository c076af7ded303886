#!/usr/bin/env bash
# Durability test on loopback: the web app in Release on a fresh database (PostgreSQL when BERCEAU_PG holds a connection
# string to a server we may create databases on, else a SQLite file), FAMILIES family accounts registered through the real
# pages, COUNT applications posted concurrently to POST /api/v1/demandes with an Idempotency-Key each, the app killed with
# SIGKILL once KILL_AT answers have come back, restarted, every request without a success answer retried with the same key
# and body, then checked: every acknowledged application exists exactly once, no key created two.
# Usage: bench/durability.sh [COUNT=2000] [CONCURRENCY=16] [FAMILIES=20] [KILL_AT=COUNT*2/5]. Bounded: each phase has a timeout.
# Exit code 0 only when the check passes. Copy the printed figures into docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
concurrency=${2:-16}
families=${3:-20}
kill_at=${4:-$((count * 2 / 5))}

work=$(mktemp -d /tmp/berceau-durability.XXXXXX)
port=5299
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
base="http://127.0.0.1:$port"
if [ -n "${BERCEAU_PG:-}" ]; then
  provider=postgres
  # A new database per run (EF's migration creates it); the server's other databases are not touched.
  connection="$(echo "$BERCEAU_PG" | sed -E 's/(^|;)Database=[^;]*//I');Database=berceau_durability_$(date +%s)"
else
  provider=sqlite
  connection="Data Source=$work/durability.db"
fi

dotnet build src/Berceau.Web -c Release -nologo -v quiet >/dev/null
dotnet build bench/Berceau.Durability -c Release -nologo -v quiet >/dev/null
client="dotnet bench/Berceau.Durability/bin/Release/net10.0/Berceau.Durability.dll"

app=""
start_app() {
  (cd src/Berceau.Web && ASPNETCORE_ENVIRONMENT=Production Database__Provider=$provider ConnectionStrings__Berceau="$connection" \
    Seed__OnStartup=true Seed__Territories__0=93 Mail__PickupDirectory="$work/mail" Outbox__PollSeconds=1 \
    Account__PostsPerMinute=100000 Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Berceau.Web.dll --urls "$base" >> "$work/app.log" 2>&1) &
  app=$!
  for _ in $(seq 1 120); do curl -fs "$base/health" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "l’application ne démarre pas :"; tail -20 "$work/app.log"; exit 1
}
# The app is stopped and waited for before its folder is removed (it may still be writing an e-mail).
trap 'kill $app 2>/dev/null || true; { wait $app; } 2>/dev/null || true; rm -rf "$work" || true' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u '+%F %H:%M UTC'); base: $provider"
echo "paramètres : $count demandes, $concurrency en parallèle, $families familles, SIGKILL après $kill_at réponses"
start_app

timeout 900 $client submit --base "$base" --mail "$work/mail" --state "$work/state.json" \
  --families "$families" --count "$count" --concurrency "$concurrency" > "$work/submit.log" 2>&1 &
submitter=$!
# Kill the app in the middle of the load: once KILL_AT answers (of any kind) have been written.
while kill -0 $submitter 2>/dev/null; do
  answered=$( (wc -l < "$work/state.json.progress") 2>/dev/null || echo 0)
  if [ "$answered" -ge "$kill_at" ]; then
    kill -9 $app
    { wait $app; } 2>/dev/null || true
    echo "SIGKILL de l’application après $answered réponses ($(date -u +%T))"
    break
  fi
  sleep 0.05
done
wait $submitter || { cat "$work/submit.log"; exit 1; }
cat "$work/submit.log"

start_app
echo "application redémarrée"
status=0
timeout 900 $client verify --base "$base" --state "$work/state.json" || status=$?
exit $status
