#!/usr/bin/env bash
# A migration while the API serves reads: wrk reads projects (by id and a filtered page) for 3 × PT_BENCH_SECONDS;
# a third of the way in, two instances apply a new migration at the same moment (an index built with
# CREATE INDEX CONCURRENTLY over the projects table). Prints the reads' p99 and worst latency and errors, beside a
# run without the migration, how long the migration took, and how often it was applied (once). Cleans up after.
#
#   db/bench/migrate-under-load.sh               1,000,000 projects
#   PT_BENCH_PROJECTS=100000 db/bench/migrate-under-load.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds="${PT_BENCH_SECONDS:-10}"

bench_database
work="$(mktemp -d)"
cleanup() {
  bench_stop_api
  bench_psql -c "DROP INDEX CONCURRENTLY IF EXISTS bench_projects_created_at" -c "DELETE FROM schema_changelog WHERE version = '9001'" >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp "$root"/db/migrations/*.sql "$work/"
cat >"$work/V9001__bench_index_while_serving.sql" <<'SQL'
-- evolve-tx-off
CREATE INDEX CONCURRENTLY bench_projects_created_at ON projects (created_at)
SQL
read -r min_id max_id < <(bench_psql -F ' ' -c "SELECT min(id), max(id) FROM projects WHERE deleted_at IS NULL")
busiest="$(bench_psql -c "SELECT place_code FROM projects GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
cat >"$work/reads.lua" <<LUA
wrk.headers["X-Api-Key"] = "$api_key"
local n = 0
request = function()
  n = n + 1
  if n % 2 == 0 then return wrk.format("GET", "/api/projects/" .. math.random($min_id, $max_id)) end
  return wrk.format("GET", "/api/projects?district=$busiest&status=signed&sort=-signedOn&limit=50")
end
done = function(summary, latency, requests)
  io.write(string.format("READS %d %.1f %.1f %d\n", summary.requests, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

bench_start_api
reads() { wrk -t2 -c16 -d"$((3 * seconds))s" --timeout 10s -s "$work/reads.lua" "$api_url" | grep '^READS' | cut -d' ' -f2-; }
wrk -t2 -c16 -d"${seconds}s" -s "$work/reads.lua" "$api_url" >/dev/null   # warm-up
say "bench: reads without a migration"
read -r base_requests base_p99 base_max base_errors < <(reads)

say "bench: reads while two instances apply V9001 (CREATE INDEX CONCURRENTLY)"
reads >"$work/during" &
reader=$!
sleep "$seconds"
migrate() { ConnectionStrings__ProjectTracker="$connection" Database__MigrationsPath="$work" Logging__LogLevel__Default=Warning dotnet "$api_dll" migrate; }
start="$(date +%s.%N)"
migrate & first=$!
migrate & second=$!
wait "$first" "$second"
took="$(echo "$(date +%s.%N) - $start" | bc)"
wait "$reader"
read -r requests p99 max errors <"$work/during"
applied="$(bench_psql -c "SELECT count(*) FROM schema_changelog WHERE version = '9001' AND success")"
valid="$(bench_psql -c "SELECT indisvalid FROM pg_index WHERE indexrelid = 'bench_projects_created_at'::regclass")"

{
  printf '# Migration under load, %s projects, %s (`db/bench/migrate-under-load.sh`)\n\n' "$projects" "$(date -u +%F)"
  printf '| reads (16 connections, %s s) | requests | p99 | worst | errors |\n|---|---|---|---|---|\n' "$((3 * seconds))"
  printf '| without a migration | %s | %s ms | %s ms | %s |\n' "$base_requests" "$base_p99" "$base_max" "$base_errors"
  printf '| while V9001 is applied | %s | %s ms | %s ms | %s |\n\n' "$requests" "$p99" "$max" "$errors"
  printf 'V9001 (CREATE INDEX CONCURRENTLY on projects) took %.1f s with two instances migrating at once; applied %s time(s); index valid: %s.\n' "$took" "$applied" "$valid"
} | tee "$results/migrate-under-load.md"
