#!/usr/bin/env bash
# Runs every test of Berceau: unit, property, integration (real HTTP through the app) and browser tests on SQLite,
# then the database-backed tests again on a throw-away PostgreSQL cluster. Last line: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log_dir=$(mktemp -d /tmp/berceau-tests.XXXXXX)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installation de : ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Throw-away PostgreSQL cluster on a free loopback port, removed on exit.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster="berceau_test_$$"
port=54329
while (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
cleanup() { as_root pg_dropcluster --stop "$pg_version" "$cluster" >/dev/null 2>&1 || true; }
trap cleanup EXIT
as_root pg_createcluster "$pg_version" "$cluster" -p "$port" -- --auth-host=scram-sha-256 --auth-local=peer >/dev/null
as_root pg_ctlcluster "$pg_version" "$cluster" start
pg_password="test-$(date +%s%N)"
as_root runuser -u postgres -- psql -p "$port" -q -c "CREATE ROLE berceau LOGIN SUPERUSER PASSWORD '$pg_password';"
export BERCEAU_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=berceau;Password=$pg_password;Database=postgres;Pooling=true"

dotnet tool restore >/dev/null
if ! dotnet build Berceau.slnx -c Release -nologo -v quiet > "$log_dir/build.log" 2>&1; then
  cat "$log_dir/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

# The two passes run at the same time, each in its own process and log: the test projects leave the two cores idle now
# and then (a collection's last class, start-up, discovery), which the other pass fills. Each log is shown once its pass is over.
run() { # $1 = label, rest = dotnet test arguments
  local label=$1; shift
  dotnet test "$@" -c Release --no-build -nologo --logger "console;verbosity=normal" > "$log_dir/$label.log" 2>&1
}
show() { # $1 = label
  echo "== $1"
  grep -E "^ +(Failed|Skipped) |^Total tests|^ +(Passed|Failed|Skipped): |Test Run|error" "$log_dir/$1.log" || true
}

BERCEAU_TEST_DB=sqlite run sqlite Berceau.slnx &
sqlite_pid=$!
BERCEAU_TEST_DB=postgres run postgres Berceau.slnx --filter "Category=Database" &
postgres_pid=$!
wait "$sqlite_pid"; show sqlite
wait "$postgres_pid"; show postgres

passed=0; failed=0; skipped=0
count() { grep -E "^ +$1: +[0-9]+" "$2" | awk '{s += $2} END {print s + 0}'; }
for f in "$log_dir"/sqlite.log "$log_dir"/postgres.log; do
  passed=$((passed + $(count Passed "$f")))
  failed=$((failed + $(count Failed "$f")))
  skipped=$((skipped + $(count Skipped "$f")))
  if grep -qE "Test Run Aborted|The active test run was aborted" "$f"; then failed=$((failed + 1)); fi
done
[ "$passed" -gt 0 ] || failed=$((failed + 1))
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
