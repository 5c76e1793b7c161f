#!/usr/bin/env bash
# The query mix: what a day of users and dashboards asks, over PT_BENCH_PROJECTS generated projects (1,000,000 by
# default; 10,000,000 with PT_BENCH_PROJECTS=10000000). Every list filter alone and in the pairs staff and dashboards
# use, every sort in both directions, values drawn across the data (busiest and rarest places, every status, wide and
# narrow periods, common and rare search terms, updatedSince of an hour/day/month, includeTotal), pages 2–5 through
# nextCursor, and every dashboard question (tests/ProjectTracker.Benchmarks/Mix/MixShapes.cs). The API runs in Release,
# as Production, with no kept dashboard answers (each request computes its answer).
#
# For each shape: p50/p99/max through the API one request at a time, beside pgbench running the very SQL the API sent
# for the same requests (captured from PostgreSQL's statement log). Then under PT_BENCH_CONNECTIONS (32) connections of
# wrk: reads by id, list pages and the whole mix, each beside pgbench's best over 2, 4 and 32 clients on the same SQL.
# Installs wrk from Debian's packages when missing (as root).
# Prints, and writes to db/bench/results/mix-<projects>.md.
#
#   db/bench/mix.sh
#   PT_BENCH_PROJECTS=10000000 PT_BENCH_SECONDS=10 PT_BENCH_ROUNDS=1 db/bench/mix.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds="${PT_BENCH_SECONDS:-15}"
rounds="${PT_BENCH_ROUNDS:-3}"
connections="${PT_BENCH_CONNECTIONS:-32}"
variants="${PT_BENCH_VARIANTS:-20}"

if ! command -v wrk >/dev/null; then
  [[ $EUID -eq 0 ]] || { say "bench: wrk is missing (apt-get install wrk)"; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
bench_database
work="$(mktemp -d)"
trap 'bench_stop_api; rm -rf "$work"' EXIT
bench_start_api Dashboard__AnswerLifetime=00:00:00

superuser="Host=127.0.0.1;Port=$PT_PG_PORT;Database=$PT_PG_DATABASE;Username=postgres;Password=$PT_PG_PASSWORD"
server_log="$(bench_psql -c "SHOW data_directory")/server.log"
{
  printf '# Query mix, %s projects\n\n' "$(bench_psql -c "SELECT count(*) FROM projects")"
  printf '%s, %s cores, %s; the API, the load, pgbench and PostgreSQL share the machine.\n' \
    "$(date -u +%F)" "$(nproc)" "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)"
  dotnet "$tool_dll" mix \
    --url="$api_url" --key="$api_key" --db="$connection" --superuser="$superuser" --server-log="$server_log" \
    --pgbench="$pg_bin/pgbench" --wrk="$(command -v wrk)" --work="$work" --variants="$variants" --seconds="$seconds" --rounds="$rounds" \
    --connections="$connections"
  printf '\nAPI peak RSS: %s MB.\n' "$(awk '/VmHWM/ { print int($2 / 1024) }' "/proc/$api_pid/status")"
} | tee "$results/mix-$projects.md"
