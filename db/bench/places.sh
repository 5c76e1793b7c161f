#!/usr/bin/env bash
# Geographic questions at scale: totals, KPIs, stalled lists and list pages filtered by a province or a city
# (everything inside it) and grouped by province, city and district, over the generated projects, one
# request at a time. Prints p50, p99 and max per shape, beside the same question for one district.
#
#   db/bench/places.sh                           1,000,000 generated projects (generated once, kept)
#   PT_BENCH_PROJECTS=100000 PT_BENCH_ROUNDS=10 db/bench/places.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
rounds="${PT_BENCH_ROUNDS:-30}"

bench_database
bench_start_api Dashboard__AnswerLifetime=00:00:00
year="$(( $(date +%Y) - 2 ))"
city="$(bench_psql -c "SELECT pl.parent_code FROM projects p JOIN places pl ON pl.code = p.place_code
                        WHERE pl.parent_code LIKE '42__00' AND pl.parent_code <> '420100' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
shapes=(
  "totals by city, province filter|/api/dashboard/totals?groupBy=city&district=hubei"
  "totals by province|/api/dashboard/totals?groupBy=province"
  "totals by district × status, province filter|/api/dashboard/totals?groupBy=district,status&district=hubei"
  "totals by city × month, signings of a year|/api/dashboard/totals?groupBy=city,month&measure=signed&signedFrom=$year&signedTo=$year"
  "totals by district, a city other than Wuhan ($city)|/api/dashboard/totals?groupBy=district&district=$city"
  "totals by district, Wuhan (before: the 13-district city)|/api/dashboard/totals?groupBy=district&district=wuhan"
  "totals by city, province filter, amount ≥ 1 亿 (projects table)|/api/dashboard/totals?groupBy=city&district=hubei&minAmount=1"
  "KPIs by city, one signing year|/api/dashboard/kpis?year=$year&groupBy=city&district=hubei"
  "stalled, province filter|/api/dashboard/stalled?district=hubei&monthsSinceSigning=6"
  "list page, province filter, newest signing first|/api/projects?district=hubei&sort=-signedOn&limit=50"
  "list page, province filter, signed, by amount|/api/projects?district=hubei&status=signed&sort=-amount&limit=50"
  "list page, city filter ($city), by name|/api/projects?district=$city&sort=name&limit=50"
  "list page, one district (jiangxia), newest signing first|/api/projects?district=jiangxia&sort=-signedOn&limit=50"
)

printf '%s projects, %s requests per shape after 3 warm-ups (ms; "not 200" counts answers such as a 503 statement timeout)\n\n| shape | p50 | p99 | max | not 200 |\n| --- | ---: | ---: | ---: | ---: |\n' "$projects" "$rounds"
for shape in "${shapes[@]}"; do
  name="${shape%%|*}"; path="${shape#*|}"
  for _ in 1 2 3; do bench_curl -sS -o /dev/null "$api_url$path"; done
  answers="$(for _ in $(seq "$rounds"); do bench_curl -sS -o /dev/null -w '%{time_total} %{http_code}\n' "$api_url$path"; done | sort -n)"
  times="$(cut -d' ' -f1 <<<"$answers")"
  failed="$(awk '$2 != 200' <<<"$answers" | wc -l)"
  p50="$(sed -n "$(( (rounds + 1) / 2 ))p" <<<"$times")"
  p99="$(sed -n "$(( (rounds * 99 + 99) / 100 ))p" <<<"$times")"
  max="$(tail -n 1 <<<"$times")"
  awk -v n="$name" -v a="$p50" -v b="$p99" -v c="$max" -v f="$failed" 'BEGIN { printf "| %s | %.0f | %.0f | %.0f | %d |\n", n, a * 1000, b * 1000, c * 1000, f }'
done
