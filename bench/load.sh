#!/usr/bin/env bash
# Load test on loopback: the web app in Release over a SQLite file seeded with the full 93 + 92 demo territory,
# wrk at 32 connections on the structures API and on the search page. Bounded: DURATION seconds per target.
# Usage: bench/load.sh [DURATION=30] [CONNECTIONS=32]. Prints wrk's latency distribution; copy the figures into docs/performance.md.
# SEARCH_CACHE_SECONDS=0 bench/load.sh measures the search without its in-memory cache (default: the app's 30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-30}
connections=${2:-32}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/berceau-bench.XXXXXX)
db="Data Source=$work/bench.db"
port=5199
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done

dotnet build src/Berceau.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/Berceau.Cli -c Release -nologo -v quiet >/dev/null
dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll seed --territory 93 --territory 92 --connection "$db" >/dev/null

(cd src/Berceau.Web && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Berceau="$db" Seed__OnStartup=false \
  Logging__LogLevel__Default=Warning PublicOfferCache__Seconds="${SEARCH_CACHE_SECONDS:-30}" exec dotnet bin/Release/net10.0/Berceau.Web.dll --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); date: $(date -u +%F); search cache: ${SEARCH_CACHE_SECONDS:-30} s"
echo "facilities: $(curl -fs "http://127.0.0.1:$port/api/v1/structures?departement=93&parPage=1" | grep -o '"total":[0-9]*') (93) $(curl -fs "http://127.0.0.1:$port/api/v1/structures?departement=92&parPage=1" | grep -o '"total":[0-9]*') (92)"
for target in \
  "/api/v1/structures?commune=93048" \
  "/api/v1/structures?commune=92012&mode=EAJE_COLLECTIF" \
  "/api/v1/structures?commune=93066&format=geojson&parPage=5000" \
  "/" \
  "/?Where=Montreuil" \
  "/?Where=Saint-Denis&VacanciesOnly=true" ; do
  curl -fs -o /dev/null "http://127.0.0.1:$port$target"   # warm-up
  wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$target" > "$work/wrk.txt"
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
  errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" | tr '\n' ' ' || true)
  echo "| \`$target\` | $connections | $rps | $p50 | $p99 | ${errors:-none} |"
done
