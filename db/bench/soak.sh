#!/usr/bin/env bash
# Soak: a mixed read/write load against the API in Release for PT_SOAK_SECONDS (default 300), loopback only,
# bounded in time and stopping by itself (the load is tests/ProjectTracker.Benchmarks' soak: each worker waits
# for every answer, so every acknowledged creation is counted); then reconciles. Of every 20 requests: 13 reads
# by id, 3 filtered pages, 1 dashboard total, 3 creations (unique names tagged with this run). Prints and writes to
# db/bench/results/soak.md: requests, 2xx creates vs new rows vs audit records, 5xx count, RSS at start and
# end; exits non-zero if creates and rows disagree or any 5xx was answered.
#
#   db/bench/soak.sh                                     5 minutes over 100,000 generated projects
#   PT_SOAK_SECONDS=60 db/bench/soak.sh
set -euo pipefail
export PT_BENCH_PROJECTS="${PT_BENCH_PROJECTS:-100000}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds="${PT_SOAK_SECONDS:-300}"
connections="${PT_SOAK_WORKERS:-16}"

bench_database
work="$(mktemp -d)"
trap 'bench_stop_api; rm -rf "$work"' EXIT
tag="soak$(date +%s)"
busiest="$(bench_psql -c "SELECT place_code FROM projects GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
read -r min_id max_id < <(bench_psql -F ' ' -c "SELECT min(id), max(id) FROM projects WHERE deleted_at IS NULL")

bench_start_api
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$api_pid/status"; }
load() { dotnet "$tool_dll" soak "$api_url" "$api_key" "$1" "$connections" "$2" "$min_id" "$max_id" "$busiest"; }
say "bench: warming up"
load 10 "warm${tag}" >/dev/null
rss_start="$(rss)"
say "bench: soak for $seconds s ($connections connections)"
(while kill -0 "$api_pid" 2>/dev/null; do rss >>"$work/rss"; sleep 10; done) &
sampler=$!
out="$(load "$seconds" "$tag")"
kill "$sampler" 2>/dev/null || true
rss_end="$(rss)"
rss_max="$(sort -n "$work/rss" | tail -n 1)"
read -r requests ok created client_errors server_errors failed p50 p99 < <(grep '^SOAK' <<<"$out" | cut -d' ' -f2-)
sleep 1
rows="$(bench_psql -c "SELECT count(*) FROM projects WHERE name_zh LIKE '${tag}w%'")"
audits="$(bench_psql -c "SELECT count(*) FROM audit_log a JOIN projects p ON p.id = a.entity_id AND a.entity_type = 'project' WHERE a.action = 'project.created' AND p.name_zh LIKE '${tag}w%'")"

{
  printf '# Soak, %s s, %s connections, %s (`db/bench/soak.sh`)\n\n' "$seconds" "$connections" "$(date -u +%F)"
  printf '| requests | 2xx | 5xx | 4xx | connection failures | p50 | p99 | creates answered 201 | new rows | their audit records | RSS start → end (max) |\n'
  printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
  printf '| %s | %s | %s | %s | %s | %s ms | %s ms | %s | %s | %s | %s → %s MB (%s) |\n' "$requests" "$ok" "$server_errors" "$client_errors" "$failed" \
    "$p50" "$p99" "$created" "$rows" "$audits" "$rss_start" "$rss_end" "$rss_max"
} | tee "$results/soak.md"
[[ "$created" == "$rows" && "$rows" == "$audits" && "$server_errors" == 0 && "$failed" == 0 ]] || { say "bench: the soak did not reconcile"; exit 1; }
say "bench: reconciled — every acknowledged create is stored with its audit record, and no 5xx"
