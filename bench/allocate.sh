#!/usr/bin/env bash
# The allocation engine through the CLI at national scale, pinned to one core: generates N applications × 6 wishes over M structures
# (default 1,000,000 × 6 over 20,000), then times `berceau allocate` (JSON read + validation + solve + JSON write) with
# /usr/bin/time -v for the peak resident memory. Usage: bench/allocate.sh [N=1000000] [M=20000]. Copy the figures into
# docs/performance.md with the machine line printed first.
set -euo pipefail
cd "$(dirname "$0")/.."
applications=${1:-1000000}
structures=${2:-20000}
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

work=$(mktemp -d /tmp/berceau-allocate.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet build src/Berceau.Cli -c Release -nologo -v quiet >/dev/null
berceau() { dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll "$@"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg); date: $(date -u +%F)"
/usr/bin/time -f "generate-instance: %e s, peak RSS %M KB" \
  bash -c "$(declare -f berceau); berceau generate-instance --applications $applications --structures $structures --wishes 6 --seed 1 --output $work/instance.json"
echo "instance: $(du -m "$work/instance.json" | cut -f1) MB"

taskset -c 0 /usr/bin/time -v dotnet src/Berceau.Cli/bin/Release/net10.0/berceau.dll allocate \
  --input "$work/instance.json" --output "$work/result.json" --timings 2> "$work/time.txt"
grep " ms$" "$work/time.txt"
echo "result: $(du -m "$work/result.json" | cut -f1) MB"
echo "allocate (one core): $(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}') wall, $(grep 'User time' "$work/time.txt" | awk '{print $NF}') s user, peak RSS $(grep 'Maximum resident' "$work/time.txt" | awk '{printf "%.0f MB", $NF/1024}')"
# The result is one long line: read its end only.
stats=$(tail -c 400 "$work/result.json" | grep -o '"stats":{[^}]*}')
echo "engine (Solve, as reported in the result): $(echo "$stats" | grep -o '"elapsedMs":[0-9.]*' | cut -d: -f2) ms"
echo "$stats"
