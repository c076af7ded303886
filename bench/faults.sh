#!/usr/bin/env bash
# Fault and load test on loopback (issue 11): two web nodes in Release behind nginx (Debian package) over one throw-away
# PostgreSQL cluster; SECONDS of mixed traffic (searches, applications with an Idempotency-Key, occasional-care bookings that
# compete for few places); during it, SIGKILL of one node (restarted 20 s later) and one restart of PostgreSQL. Then checks:
# every acknowledged application exists exactly once (after the client retried the unanswered ones with the same key), no place
# booked twice (each slot's counter equals its confirmed bookings and never exceeds its places; every acknowledged booking is
# there), the outbox drained (every e-mail sent), and errors only inside the fault windows.
# Usage: bench/faults.sh [SECONDS=300] [CONCURRENCY=16] [FAMILIES=40] [SLOTS=20] [PLACES=3]. Needs root or sudo (packages, the
# cluster, nginx). Bounded: every phase has a timeout. Exit code 0 only when every check passes. Figures go to docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
concurrency=${2:-16}
families=${3:-40}
slots=${4:-20}
places=${5:-3}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
free_port() { local p=$1; while (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
now_ms() { date +%s%3N; }

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/berceau-faults.XXXXXX)
chmod 755 "$work"
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster="berceau_faults_$$"
pg_port=$(free_port 55432)
node_ports=("$(free_port 5301)")
node_ports+=("$(free_port $((node_ports[0] + 1)))")
lb_port=$(free_port $((node_ports[1] + 1)))
base="http://127.0.0.1:$lb_port"
pids=("" "")

cleanup() {
  for pid in "${pids[@]}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && as_root "$nginx" -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null || true
  as_root pg_dropcluster --stop "$pg_version" "$cluster" >/dev/null 2>&1 || true
  cp "$work"/node*.log "${TMPDIR:-/tmp}/" 2>/dev/null || true
  rm -rf "$work" 2>/dev/null || as_root rm -rf "$work"
}
trap cleanup EXIT

as_root pg_createcluster "$pg_version" "$cluster" -p "$pg_port" -- --auth-host=scram-sha-256 --auth-local=peer >/dev/null
as_root pg_ctlcluster "$pg_version" "$cluster" start
pg_password="faults-$(date +%s%N)"
as_root runuser -u postgres -- psql -p "$pg_port" -q -c "CREATE ROLE berceau LOGIN CREATEDB PASSWORD '$pg_password';"
connection="Host=127.0.0.1;Port=$pg_port;Username=berceau;Password=$pg_password;Database=berceau"
sql() { PGPASSWORD=$pg_password psql -h 127.0.0.1 -p "$pg_port" -U berceau -d berceau -tAq -c "$1"; }

dotnet build src/Berceau.Web -c Release -nologo -v quiet >/dev/null
dotnet build src/Berceau.Cli -c Release -nologo -v quiet >/dev/null
dotnet build bench/Berceau.Durability -c Release -nologo -v quiet >/dev/null
client="dotnet bench/Berceau.Durability/bin/Release/net10.0/Berceau.Durability.dll"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load: $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u '+%F %H:%M UTC'); commit: $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "paramètres : $seconds s, $concurrency clients, $families familles, $slots créneaux de $places places ; PostgreSQL $pg_version, 2 nœuds derrière nginx"

timeout 900 dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll bench-faults-data --provider postgres --connection "$connection" \
  --families "$families" --slots "$slots" --places "$places" 2>/dev/null | grep -E '^(family|slot) ' > "$work/data.txt"

start_node() { # $1 = 0 or 1
  local port=${node_ports[$1]}
  (cd src/Berceau.Web && ASPNETCORE_ENVIRONMENT=Production Database__Provider=postgres ConnectionStrings__Berceau="$connection" \
    Seed__OnStartup=false Mail__PickupDirectory="$work/mail" Outbox__PollSeconds=1 Outbox__LeaseMinutes=1 Account__PostsPerMinute=100000 \
    Deployment__BehindProxy=true Deployment__ShutdownSeconds=5 Logging__LogLevel__Default=Warning \
    exec dotnet bin/Release/net10.0/Berceau.Web.dll --urls "http://127.0.0.1:$port" >> "$work/node$1.log" 2>&1) &
  pids[$1]=$!
}
wait_ready() { # $1 = port
  for _ in $(seq 1 180); do curl -fs "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "le nœud du port $1 n’est pas prêt :"; tail -20 "$work"/node*.log; exit 1
}
start_node 0; wait_ready "${node_ports[0]}"
start_node 1; wait_ready "${node_ports[1]}"

mkdir -p "$work/nginx"; chmod 777 "$work/nginx"
cat > "$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body; proxy_temp_path $work/nginx/proxy; fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi; scgi_temp_path $work/nginx/scgi;
  upstream berceau {
    server 127.0.0.1:${node_ports[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${node_ports[1]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$lb_port;
    location / {
      proxy_pass http://berceau;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A read goes to the other node when one does not answer; a POST is never sent twice (the client retries with its key).
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
EOF
as_root "$nginx" -p "$work" -c "$work/nginx.conf"
for _ in $(seq 1 30); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 1; done

timeout $((seconds + 600)) $client load --base "$base" --state "$work/state.json" --data "$work/data.txt" \
  --seconds "$seconds" --concurrency "$concurrency" > "$work/load.log" 2>&1 &
loader=$!
for _ in $(seq 1 600); do [ -f "$work/state.json.start" ] && break; sleep 0.5; done
started=$(cat "$work/state.json.start")
at() { local target=$((started + $1 * 1000)); while [ "$(now_ms)" -lt "$target" ]; do sleep 0.2; done; }

# Fault 1: a node dies without warning, in the middle of its requests; it comes back 20 s later.
at $((seconds * 3 / 10))
begin=$(now_ms); kill -9 "${pids[1]}"; { wait "${pids[1]}"; } 2>/dev/null || true
echo "SIGKILL du nœud 2 à +$(( (begin - started) / 1000 )) s"
sleep 20; start_node 1; wait_ready "${node_ports[1]}"
echo "$begin $(now_ms) nœud-tué" >> "$work/windows"
# Fault 2: the database restarts (every connection of both nodes is cut).
at $((seconds * 6 / 10))
begin=$(now_ms); as_root pg_ctlcluster "$pg_version" "$cluster" restart
echo "PostgreSQL redémarré à +$(( (begin - started) / 1000 )) s"
wait_ready "${node_ports[0]}"; wait_ready "${node_ports[1]}"
echo "$begin $(now_ms) postgresql-redémarré" >> "$work/windows"

wait "$loader" || { cat "$work/load.log"; exit 1; }
cat "$work/load.log"
status=0

# Errors per kind, inside a fault window (or the 10 s after it) and outside: no answer, or any 4xx/5xx (the traffic is valid,
# so a 4xx is a bug anywhere; a full slot is answered 200 with its message).
awk -v grace=10000 'NR == FNR { from[NR] = $1; to[NR] = $2 + grace; n = NR; next }
  { inside = 0; for (i = 1; i <= n; i++) if ($1 >= from[i] && $1 <= to[i]) inside = 1
    total[$2]++; if ($3 == 0 || $3 >= 400) { if (inside) during[$2]++; else outside[$2]++ } }
  END { bad = 0; for (k in total) { printf "%s : %d requêtes, %d erreurs pendant les pannes, %d en dehors\n", k, total[k], during[k] + 0, outside[k] + 0; bad += outside[k] }
        exit bad > 0 }' "$work/windows" "$work/state.json.events" || { echo "ÉCHEC : des erreurs hors des fenêtres de panne"; status=1; }

# Applications: the unanswered ones retried with their key; each acknowledged one exists exactly once.
timeout 900 $client verify --base "$base" --state "$work/state.json" || status=1

# Bookings: no place given twice, every acknowledged booking present.
over=$(sql "SELECT count(*) FROM \"OccasionalSlots\" s WHERE s.\"Booked\" > s.\"Places\" OR s.\"Booked\" <> (SELECT count(*) FROM \"OccasionalBookings\" b WHERE b.\"SlotId\" = s.\"Id\" AND b.\"Status\" = 'Confirmed')")
sql "SELECT \"Id\" FROM \"OccasionalBookings\" WHERE \"Status\" = 'Confirmed'" | sort > "$work/confirmed"
sort "$work/state.json.bookings" > "$work/acknowledged"
lost=$(comm -23 "$work/acknowledged" "$work/confirmed" | wc -l)
booked=$(sql "SELECT coalesce(sum(\"Booked\"), 0) || ' / ' || coalesce(sum(\"Places\"), 0) FROM \"OccasionalSlots\" s JOIN \"Facilities\" f ON f.\"Id\" = s.\"FacilityId\" WHERE f.\"Name\" = 'Crèche du banc de pannes'")
echo "réservations : $(wc -l < "$work/acknowledged") acquittées, $(wc -l < "$work/confirmed") confirmées en base, places prises $booked ; créneaux incohérents $over, réservations acquittées absentes $lost"
[ "$over" = 0 ] && [ "$lost" = 0 ] || { echo "ÉCHEC : réservations"; status=1; }

# Outbox: every message sent within 3 minutes of the end. A message claimed by the killed node stays reserved for its lease
# (Outbox:LeaseMinutes, 1 here, 5 by default) before the other node sends it.
for _ in $(seq 1 180); do
  pending=$(sql "SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL AND \"FailedAt\" IS NULL")
  [ "$pending" = 0 ] && break; sleep 1
done
echo "boîte d’envoi : $(sql "SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NOT NULL") messages envoyés, $pending en attente, $(sql "SELECT count(*) FROM \"OutboxMessages\" WHERE \"FailedAt\" IS NOT NULL") en échec ; $(ls "$work/mail" 2>/dev/null | wc -l) fichiers .eml"
[ "$pending" = 0 ] || { echo "ÉCHEC : la boîte d’envoi ne s’est pas vidée"; sql "SELECT \"Id\", \"Kind\", \"Attempts\", \"NextAttemptAt\", \"LeasedUntil\", \"LastError\" FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL"; status=1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ $status = 0 ] && echo "RÉSULTAT : OK" || echo "RÉSULTAT : ÉCHEC"
exit $status
