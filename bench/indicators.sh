#!/usr/bin/env bash
# The observatory's dashboard check (issue 8): time to render the dashboard /observatoire (coverage tables, every indicator of
# the territory, the map's data) and to compute GET /api/v1/indicateurs, with one connection (one dashboard at a time: latency,
# not throughput) and with 8. The web app in Release on loopback over a SQLite file
# seeded with the demo 93 (facilities, Cnaf 2017–2022, births) through the CLI; BENCH_DB=/path/file.db uses that database instead
# (for instance one made by `berceau bench-commission-data`, 3 communes × 30,000 applications, see bench/README.md).
# Usage: bench/indicators.sh [DURATION=15]. Prints one Markdown row per target; the figures go to docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/berceau-indicators.XXXXXX)
port=5299
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done

dotnet build src/Berceau.Web -c Release -nologo -v quiet >/dev/null
if [ -n "${BENCH_DB:-}" ]; then
  cp "$BENCH_DB" "$work/bench.db"
else
  dotnet build src/Berceau.Cli -c Release -nologo -v quiet >/dev/null
  dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll seed --territory 93 --connection "Data Source=$work/bench.db" >/dev/null
fi
db="Data Source=$work/bench.db"

# The background workers are off: on a bench database their first run (confirmation reminders to 90,000 families) would compete
# with the pages measured; the figure is the dashboard's own cost.
(cd src/Berceau.Web && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Berceau="$db" Seed__OnStartup=false \
  Confirmation__RunWorker=false Outbox__RunWorker=false Offers__RunWorker=false Observatory__Snapshots__RunWorker=false \
  Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Berceau.Web.dll --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); date: $(date -u +%FT%H:%MZ); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "applications: $(sqlite3 "$work/bench.db" 'select count(*) from Applications' 2>/dev/null || echo '?'); facilities: $(sqlite3 "$work/bench.db" 'select count(*) from Facilities' 2>/dev/null || echo '?')"
targets=(
  "/observatoire"
  "/observatoire?departement=93&annee=2021"
  "/observatoire?departement=93&commune=93048&carte=pression"
  "/api/v1/indicateurs?territoire=93"
  "/api/v1/indicateurs?territoire=93&annee=2021"
  "/api/v1/indicateurs?territoire=200057875"
  "/api/v1/indicateurs?territoire=93048"
)
# Server CPU time per request (utime + stime of the web process, /proc), 5 requests in a row after a warm-up: on a machine shared
# with other work it is steadier than the elapsed time, which waits for the CPU. Then wrk (elapsed) unless BENCH_WRK=0.
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
# The first request of a target finds no snapshot of its report (the snapshot worker is off too): it computes it live and
# stores it, which is what the worker pays per report (column « first request »); the next five are served from the snapshot.
echo "| target | first request (computes the snapshot): elapsed, server CPU | best elapsed of 5 | server CPU per request (mean of 5) | size |"
for target in "${targets[@]}"; do
  before=$(cpu)
  first=$(curl -fsS -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$target")
  first_cpu=$(awk -v d="$(( $(cpu) - before ))" -v t="$tick" 'BEGIN { printf "%.0f ms", d * 1000 / t }')
  size=$(curl -fsS -o /dev/null -w '%{size_download}' "http://127.0.0.1:$port$target")
  before=$(cpu); best=999
  for _ in 1 2 3 4 5; do
    t=$(curl -fsS -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$target")
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
  done
  after=$(cpu)
  echo "| \`$target\` | ${first}s, ${first_cpu} | ${best}s | $(awk -v d="$((after - before))" -v t="$tick" 'BEGIN { printf "%.0f ms", d * 1000 / t / 5 }') | $(awk -v b="$size" 'BEGIN { printf "%.0f kB", b / 1000 }') |"
done
[ "${BENCH_WRK:-1}" = 0 ] && exit 0
echo "| target | connections | first request | requests/s | p50 | p99 | errors |"
for target in \
  "/observatoire" \
  "/observatoire?departement=93&annee=2021" \
  "/observatoire?departement=93&commune=93048&carte=pression" \
  "/api/v1/indicateurs?territoire=93" \
  "/api/v1/indicateurs?territoire=93&annee=2021" \
  "/api/v1/indicateurs?territoire=200057875" \
  "/api/v1/indicateurs?territoire=93048" ; do
  for connections in 1 8; do
    first=$(curl -fsS -o /dev/null -w '%{time_total}' "http://127.0.0.1:$port$target")   # also the warm-up
    wrk -t1 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port$target" > "$work/wrk.txt"
    rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
    errors=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" | tr '\n' ' ' || true)
    echo "| \`$target\` | $connections | first ${first}s | $rps | $p50 | $p99 | ${errors:-none} |"
  done
done
