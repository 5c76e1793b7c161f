#!/usr/bin/env bash
# Import and export throughput: exports PT_BENCH_IMPORT_ROWS generated projects as CSV and as Excel
# through the API, then imports each file into an empty database through POST /api/imports and
# times it to the end (every row validated with the API's validator, then written by binary COPY).
#
#   db/bench/import.sh                               100,000 rows
#   PT_BENCH_IMPORT_ROWS=20000 db/bench/import.sh
#
# Prints a table (format, rows, export s, import s, the part of it spent merging the rows into projects (from the
# API's log), rows/s of the import and of its merge alone, their ratio, API peak RSS) and writes it to
# db/bench/results/import.md. Loopback only; stops the API when done.
set -euo pipefail
export PT_BENCH_PROJECTS="${PT_BENCH_IMPORT_ROWS:-100000}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bench_database
source_connection="$connection"
work="$(mktemp -d)"
cleanup() { bench_stop_api; rm -rf "$work"; }
trap cleanup EXIT

now() { date +%s.%N; }
rss_mb() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$api_pid/status"; }

# 1. Export the generated projects (not the seed ones) from the source database.
bench_start_api
declare -A export_seconds
for format in csv xlsx; do
  start="$(now)"
  bench_curl -fsS -o "$work/projects.$format" "$api_url/api/projects/export?format=$format&headers=zh&withIds=false"
  export_seconds[$format]="$(echo "$(now) - $start" | bc)"
done
bench_stop_api
generated_names="$(bench_psql -c "SELECT count(*) FROM projects WHERE deleted_at IS NULL")"

# 2. Import each file into an empty, migrated database.
target="bench_import"
rows_out=()
for format in csv xlsx; do
  bench_psql -d postgres -c "DROP DATABASE IF EXISTS $target WITH (FORCE)" -c "CREATE DATABASE $target OWNER projecttracker"
  connection="${source_connection/Database=$PT_PG_DATABASE/Database=$target}"
  ConnectionStrings__ProjectTracker="$connection" Logging__LogLevel__Default=Warning dotnet "$api_dll" migrate >&2
  api_key=""
  bench_key
  bench_start_api Logging__LogLevel__ProjectTracker.Api.Spreadsheets=Information
  start="$(now)"
  id="$(bench_curl -fsS -F "file=@$work/projects.$format" "$api_url/api/imports?mode=all-or-nothing&allowDuplicates=true" | sed -E 's/.*"id":([0-9]+).*/\1/')"
  while :; do
    status="$(bench_curl -fsS "$api_url/api/imports/$id")"
    state="$(sed -E 's/.*"state":"([a-z]+)".*/\1/' <<<"$status")"
    [[ "$state" =~ ^(succeeded|rejected|failed)$ ]] && break
    sleep 0.1
  done
  end="$(now)"
  written="$(sed -E 's/.*"rowsWritten":([0-9]+).*/\1/' <<<"$status")"
  [[ "$state" == succeeded ]] || { say "bench: the $format import ended $state: ${status:0:600}"; exit 1; }
  total="$(echo "$end - $start" | bc)"
  # "Import 1 wrote 100207 projects (0 bad rows left out) in 20.1 s, of which 17.3 s merging them into projects"
  write="$(grep -oE "Import $id wrote .* of which [0-9.]+ s merging" "$results/api.log" | grep -oE '[0-9.]+ s merging' | cut -d' ' -f1)"
  [[ -n "$write" ]] || { say "bench: the API's log does not say how long the $format import's merge took"; exit 1; }
  rows_out+=("$(printf '| %s | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.2f | %s MB |' "$format" "$written" "${export_seconds[$format]}" "$total" "$write" \
    "$(echo "$written / $total" | bc -l)" "$(echo "$written / $write" | bc -l)" "$(echo "$write / $total" | bc -l)" "$(rss_mb)")")
  bench_stop_api
done
bench_psql -d postgres -c "DROP DATABASE IF EXISTS $target WITH (FORCE)"

{
  printf 'Import and export of %s generated projects, %s, %s cores (`db/bench/import.sh`)\n\n' "$generated_names" "$(date -u +%F)" "$(nproc)"
  printf '| format | rows | export s | import s (upload to succeeded) | of which merging s | import rows/s | merge alone rows/s | import ÷ merge alone | API peak RSS |\n|---|---|---|---|---|---|---|---|---|\n'
  printf '%s\n' "${rows_out[@]}"
} | tee "$results/import.md"
