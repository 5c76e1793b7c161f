#!/usr/bin/env bash
# The web app's dashboard, first render: from navigation until every panel has drawn, in the system Chromium, over
# PT_BENCH_PROJECTS generated projects (default 1,000,000). The API runs in Release with Production settings, twice:
#   computed  the dashboard answer cache off (Dashboard:AnswerLifetime 0), so every render computes every figure;
#   kept      as production runs it (answers kept a minute per data version): run 1 computes, the later runs are other
#             people opening the same dashboard before the data changes.
#   db/bench/dashboard.sh [runs]     (default 5)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
runs="${1:-5}"
bench_database
for mode in computed kept; do
  if [[ "$mode" == computed ]]; then bench_start_api Dashboard__AnswerLifetime=00:00:00; else bench_start_api; fi
  say "bench: dashboard first render over $projects projects, $runs runs, answers $mode"
  dotnet "$tool_dll" dashboard-render "$api_url" "$api_key" "$runs" | tee "$results/dashboard-$projects-$mode.txt"
  bench_stop_api
done
