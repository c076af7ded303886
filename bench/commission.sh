#!/usr/bin/env bash
# A département-sized commission d'attribution over real HTTP on loopback (issue 6's check: freeze + solve + review page under
# 2 s end to end). Builds in Release, seeds a SQLite file with the demo 93 and, in each of SESSIONS communes, 1,000 crèches and
# 30,000 complete applications × 6 wishes with a session ready to freeze (`berceau bench-commission-data`, seeded), starts the
# web app, signs in as a commission member (password + authenticator code), then times Freeze (which runs the engine: calcul n° 1) and the review page
# of each session. Prints each session and the best / median; copy them into docs/performance.md with the machine line.
# Usage: bench/commission.sh [SESSIONS=3] [APPLICATIONS=30000] [STRUCTURES=1000]. Bounded: each request times out at 1,800 s.
# BENCH_DATA=dir keeps the generated database there and reuses it on the next run with the same sizes (3 × 30,000 take a few
# minutes to generate; every run works on a copy, since a freeze changes the data). The server's CPU time is reported beside
# the elapsed time: on a machine shared with other work, it is the steadier figure.
# BENCH_POSTGRES='host=127.0.0.1 port=5432 user=… password=…' (libpq keywords, a role that may create databases) runs the same
# bench on PostgreSQL, the production database (DESIGN.md): the data are generated once into the database
# berceau_bench_commission_{SESSIONS}_{APPLICATIONS}_{STRUCTURES}, kept, and each run works on a copy (CREATE DATABASE … TEMPLATE).
set -euo pipefail
cd "$(dirname "$0")/.."
sessions=${1:-3}
applications=${2:-30000}
structures=${3:-1000}

work=$(mktemp -d /tmp/berceau-commission.XXXXXX)
db="Data Source=$work/bench.db"
provider=sqlite
if [ -n "${BENCH_POSTGRES:-}" ]; then
  provider=postgres
  # The same server in Npgsql's words (host, port, user, password), for the app and the generator.
  npgsql=$(tr ' ' '\n' <<< "$BENCH_POSTGRES" | sed -e 's/^host=/Host=/' -e 's/^port=/Port=/' -e 's/^user=/Username=/' -e 's/^password=/Password=/' | paste -sd ';')
  template="berceau_bench_commission_${sessions}_${applications}_${structures}"
  copy="berceau_bench_commission_run"
  psql_do() { psql "$BENCH_POSTGRES dbname=postgres" -v ON_ERROR_STOP=1 -Atqc "$1"; }
  db="$npgsql;Database=$copy"
  export BENCH_PSQL="$BENCH_POSTGRES dbname=$copy"
fi
port=5299
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done

dotnet build src/Berceau.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/Berceau.Cli -c Release -nologo -v quiet >/dev/null
kept=${BENCH_DATA:+$BENCH_DATA/commission-$sessions-$applications-$structures}
if [ "$provider" = postgres ]; then
  # The generated database is the template of every run's copy; the generator's output lines are kept beside it (a comment).
  if [ "$(psql_do "SELECT count(*) FROM pg_database WHERE datname = '$template'")" = 1 ]; then
    psql_do "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$template'" > "$work/data.txt"
    echo "data: reused from the PostgreSQL database $template"
  else
    start=$(date +%s)
    dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll bench-commission-data --sessions "$sessions" --applications "$applications" \
      --structures "$structures" --seed 1 --provider postgres --connection "$npgsql;Database=$template" 2>/dev/null | grep -E '^(staff|session) ' > "$work/data.txt"
    psql_do "COMMENT ON DATABASE $template IS '$(sed "s/'/''/g" "$work/data.txt")'"
    echo "data: $sessions × ($structures crèches, $applications applications × 6 wishes) generated in $(( $(date +%s) - start )) s into $template"
  fi
  psql_do "DROP DATABASE IF EXISTS $copy WITH (FORCE)"
  psql_do "CREATE DATABASE $copy TEMPLATE $template"
elif [ -n "$kept" ] && [ -f "$kept/bench.db" ] && [ -f "$kept/data.txt" ]; then
  cp "$kept/bench.db" "$work/bench.db"; cp "$kept/data.txt" "$work/data.txt"
  echo "data: reused from $kept"
else
  start=$(date +%s)
  dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll bench-commission-data --sessions "$sessions" --applications "$applications" \
    --structures "$structures" --seed 1 --connection "$db" 2>/dev/null | grep -E '^(staff|session) ' > "$work/data.txt"
  echo "data: $sessions × ($structures crèches, $applications applications × 6 wishes) generated in $(( $(date +%s) - start )) s"
  if [ -n "$kept" ]; then mkdir -p "$kept"; cp "$work/bench.db" "$kept/bench.db"; cp "$work/data.txt" "$kept/data.txt"; fi
fi

(cd src/Berceau.Web && ASPNETCORE_ENVIRONMENT=Production Database__Provider=$provider ConnectionStrings__Berceau="$db" Seed__OnStartup=false \
  Mail__PickupDirectory="$work/mail" Logging__LogLevel__Default=Warning exec dotnet bin/Release/net10.0/Berceau.Web.dll --urls "http://127.0.0.1:$port" > "$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; cp "$work/app.log" "${TMPDIR:-/tmp}/berceau-commission-app.log"; rm -rf "$work"
  if [ "$provider" = postgres ]; then psql_do "DROP DATABASE IF EXISTS $copy WITH (FORCE)" || true; fi' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 1; done

echo "database: $provider"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%F)"
read -r _ email password key < <(grep '^staff ' "$work/data.txt")
BENCH_SERVER_PID=$app timeout 3600 python3 bench/commission_client.py "http://127.0.0.1:$port" "$email" "$password" "$key" $(awk '/^session / {print $2}' "$work/data.txt")
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
