#!/usr/bin/env bash
# The plans PostgreSQL actually runs for each main endpoint, with actual times: the API (Release)
# serves each request against the bench database while auto_explain logs every statement it
# executes, and the plans are collected per endpoint into db/bench/plans-<projects>.md.
#
#   db/bench/explain.sh                          1,000,000 generated projects (generated once, kept)
#   PT_BENCH_PROJECTS=100000 db/bench/explain.sh
#
# Each endpoint is called six times first, so that the plan shown is the one the prepared statement
# settles on. Loopback only; stops the API and removes the logging settings when done.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bench_database
out="$root/db/bench/plans-$projects.md"
log_file="$(bench_psql -c "SHOW data_directory")/server.log"

busiest="$(bench_psql -c "SELECT place_code FROM projects GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
some_id="$(bench_psql -c "SELECT id FROM projects ORDER BY id LIMIT 1 OFFSET $((projects / 2))")"
year="$(( $(date +%Y) - 2 ))"
endpoints=(
  "Totals by district, signings of one year|/api/dashboard/totals?groupBy=district&measure=signed&signedFrom=$year&signedTo=$year"
  "Totals by district × status|/api/dashboard/totals?groupBy=district,status"
  "Totals by sector, starts of one year|/api/dashboard/totals?groupBy=sector&measure=started&startedFrom=$year&startedTo=$year"
  "Time series of signings by month, six years|/api/dashboard/timeseries?measure=signed&interval=month&from=$((year - 5))-01&to=$year-12"
  "KPIs of one signing year|/api/dashboard/kpis?year=$year"
  "Top 10 by amount, signings of one year|/api/dashboard/top?limit=10&signedFrom=$year&signedTo=$year"
  "Stalled: signed 6 months ago, not started, one district|/api/dashboard/stalled?monthsSinceSigning=6&district=$busiest"
  "Targets of one year|/api/dashboard/targets?year=$year"
  "Reported batches|/api/dashboard/batches"
  "Filtered page: busiest district, signed, newest signing first, 50 rows|/api/projects?district=$busiest&status=signed&sort=-signedOn&limit=50"
  "Text search q=医疗器械|/api/projects?q=%E5%8C%BB%E7%96%97%E5%99%A8%E6%A2%B0&limit=50"
  "One project by id|/api/projects/$some_id"
)

settings=(session_preload_libraries auto_explain.log_min_duration auto_explain.log_analyze auto_explain.log_buffers)
bench_psql -c "ALTER DATABASE \"$PT_PG_DATABASE\" SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE \"$PT_PG_DATABASE\" SET auto_explain.log_min_duration = 0" \
  -c "ALTER DATABASE \"$PT_PG_DATABASE\" SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE \"$PT_PG_DATABASE\" SET auto_explain.log_buffers = on"
reset_settings() {
  bench_stop_api
  for setting in "${settings[@]}"; do bench_psql -c "ALTER DATABASE \"$PT_PG_DATABASE\" RESET $setting" || true; done
}
trap reset_settings EXIT
# Every dashboard call computed (no answers kept per data version), so that each one shows its plans.
bench_start_api Dashboard__AnswerLifetime=00:00:00 "$@"

offset="$(stat -c %s "$log_file")"
marker() { bench_psql -c "DO \$\$BEGIN RAISE LOG 'explain-endpoint: %', \$m\$$1\$m\$; END\$\$"; }
for entry in "${endpoints[@]}"; do
  title="${entry%%|*}" path="${entry#*|}"
  for _ in 1 2 3 4 5 6; do bench_curl -fsS -o /dev/null "$api_url$path"; done
  marker "$title|$path"
  bench_curl -fsS -o /dev/null "$api_url$path"
  sleep 0.3
  marker "end|"
done
sleep 0.3

{
  printf '# Query plans at %s projects\n\n' "$projects"
  printf 'Written by `db/bench/explain.sh` on %s: each endpoint called once more after six warm-up calls,\n' "$(date -u +%F)"
  printf 'every statement it ran logged by auto_explain (ANALYZE; buffer counts left out). Every dashboard\n'
  printf 'answer first reads the data version for its ETag (`SELECT sum(version) FROM data_version_shards`,\n'
  printf 'a 16-row table); that statement is shown once.\n'
  tail -c +"$((offset + 1))" "$log_file" | awk '
    /LOG:  explain-endpoint: / {
      sub(/.*explain-endpoint: /, ""); split($0, part, "|")
      if (part[1] == "end") { section = 0; next }
      printf "\n## %s\n\n`GET %s`\n", part[1], part[2]; section = 1; next }
    /LOG:  duration: .* plan:/ { if (section) { capture = 1; skip = 0; started = 0 }; next }
    /^\t/ {
      if (!capture) next
      line = $0; sub(/^\t/, "", line)
      if (line ~ /^Query Text: SELECT sum\(version\)/) { if (version_shown) { skip = 1; next } version_shown = 1 }
      if (skip || line ~ /^ *Buffers: /) next
      if (!started) { print "\n```"; started = 1 }
      print line; next }
    { if (capture && started) print "```"; capture = 0 }
    END { if (capture && started) print "```" }'
} >"$out"
say "bench: plans written to $out"
