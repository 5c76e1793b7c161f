#!/usr/bin/env bash
# The HTTP benchmark: the API in Release over PT_BENCH_PROJECTS generated projects (1,000,000 by
# default, generated once and kept), each main endpoint driven by wrk for PT_BENCH_SECONDS with
# PT_BENCH_CONNECTIONS connections (loopback only), and beside each the same SQL run by pgbench with
# no HTTP at all — the database-only limit, measured in the same run: pgbench's best over
# PT_BENCH_PG_CLIENTS client counts (on two cores PostgreSQL peaks at 2–4 busy backends, far above
# what it does at 32). Prints, and writes to db/bench/results/http-<projects>.md:
#   endpoint | req/s | p50 | p99 | errors | pgbench best TPS (same SQL) | API ÷ pgbench
# and the API's peak RSS. Installs wrk from Debian's packages when missing (as root).
#
#   db/bench/http.sh
#   PT_BENCH_PROJECTS=100000 PT_BENCH_SECONDS=10 db/bench/http.sh
#   PT_BENCH_ONLY="byid page" db/bench/http.sh      (only these endpoints, by their pgbench script name)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seconds="${PT_BENCH_SECONDS:-10}"
rounds="${PT_BENCH_ROUNDS:-3}"
connections="${PT_BENCH_CONNECTIONS:-32}"
pg_clients="${PT_BENCH_PG_CLIENTS:-2 4 $connections}"

if ! command -v wrk >/dev/null; then
  [[ $EUID -eq 0 ]] || { say "bench: wrk is missing (apt-get install wrk)"; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi

bench_database
work="$(mktemp -d)"
trap 'bench_stop_api; rm -rf "$work"' EXIT

# What the requests ask for: the busiest district, a year with many signings, a range of ids.
busiest="$(bench_psql -c "SELECT place_code FROM projects GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")"
places="$(bench_psql -c "SELECT string_agg(code, ',') FROM places WHERE code = '$busiest' OR parent_code = '$busiest'")"
year="$(( $(date +%Y) - 2 ))"
read -r min_id max_id < <(bench_psql -F ' ' -c "SELECT min(id), max(id) FROM projects WHERE deleted_at IS NULL")
read -r cursor_date cursor_id < <(bench_psql -F ' ' -c "SELECT coalesce(signed_on, '-infinity'), id FROM projects
  WHERE deleted_at IS NULL AND place_code = ANY('{$places}') AND status = 'signed'
  ORDER BY coalesce(signed_on, '-infinity'::date) DESC, id DESC OFFSET 49 LIMIT 1")

# Creations spread over places, industries and months as real ones are (all in one rollup group,
# every writer would queue on the same rollup rows).
create_places="$(bench_psql -c "SELECT string_agg(quote_literal(code), ',') FROM (SELECT code FROM places WHERE kind IN ('district', 'county', 'development_zone') ORDER BY code LIMIT 20) p")"
create_sectors="$(bench_psql -c "SELECT string_agg(quote_literal(code), ',') FROM sectors WHERE category_code IS NOT NULL")"
lua_places="${create_places//\'/\"}"
lua_sectors="${create_sectors//\'/\"}"

bench_start_api
pid="$api_pid"
page="/api/projects?district=$busiest&status=signed&sort=-signedOn&limit=50"
next_cursor="$(bench_curl -fsS "$api_url$page" | sed -E 's/.*"nextCursor":"([^"]+)".*/\1/')"

# pgbench scripts: the statements the API sends for each endpoint (see db/bench/plans-1000000.md). 医疗器械 is a
# common term, which the API looks for by walking the list in its order (ProjectRepository, SearchStatistics).
columns="p.id, p.name_zh, p.name_en, p.kind, p.investors, p.place_code, p.park_code, p.sector_code, p.status, p.amount, p.amount_qualifier, p.currency, p.phases::text AS phases, p.effective_amount, p.effective_qualifier, p.signed_on, p.signed_on_precision, p.started_on, p.started_on_precision, p.completed_on, p.completed_on_precision, p.project_code, p.land_area_sqm, p.notes, p.version, p.created_at, p.updated_at, p.deleted_at"
sums="sum(r.project_count)::bigint AS project_count, coalesce(sum(r.amount_sum) FILTER (WHERE r.currency = 'CNY'), 0) AS amount_cny, coalesce(sum(r.amount_sum) FILTER (WHERE r.currency = 'USD'), 0) AS amount_usd, sum(r.without_amount)::bigint AS without_amount, sum(r.approx_count)::bigint AS approx_count, sum(r.at_least_count)::bigint AS at_least_count, sum(r.at_most_count)::bigint AS at_most_count"
version="SELECT sum(version)::bigint FROM data_version_shards;"
cat >"$work/byid.sql" <<SQL
\\set id random($min_id, $max_id)
SELECT $columns FROM projects p WHERE p.id = :id AND p.deleted_at IS NULL;
SQL
cat >"$work/page.sql" <<SQL
SELECT $columns FROM projects p WHERE p.deleted_at IS NULL AND p.place_code = ANY('{$places}') AND p.status = ANY('{signed}') ORDER BY coalesce(p.signed_on, '-infinity'::date) DESC, p.id DESC LIMIT 51;
SQL
cat >"$work/next.sql" <<SQL
SELECT $columns FROM projects p WHERE p.deleted_at IS NULL AND p.place_code = ANY('{$places}') AND p.status = ANY('{signed}') AND (coalesce(p.signed_on, '-infinity'::date), p.id) < ('$cursor_date'::date, $cursor_id) ORDER BY coalesce(p.signed_on, '-infinity'::date) DESC, p.id DESC LIMIT 51;
SQL
cat >"$work/search.sql" <<SQL
SELECT $columns FROM projects p WHERE p.id IN (SELECT p.id FROM projects p WHERE p.deleted_at IS NULL AND p.search_text LIKE '%医疗器械%' ORDER BY coalesce(p.signed_on, '-infinity'::date) DESC, p.id DESC LIMIT 51) ORDER BY coalesce(p.signed_on, '-infinity'::date) DESC, p.id DESC;
SQL
cat >"$work/totals_year.sql" <<SQL
$version
SELECT r.place_code AS k0, sign(GROUPING(r.place_code)) AS is_total, $sums FROM project_rollup_year r WHERE r.stage = 'signed' AND r.period_year >= $year AND r.period_year <= $year GROUP BY GROUPING SETS ((r.place_code), ()) HAVING sum(r.project_count) > 0 ORDER BY k0 NULLS LAST;
SQL
cat >"$work/totals_status.sql" <<SQL
$version
SELECT r.place_code AS k0, r.status::text AS k1, sign(GROUPING(r.place_code)) AS is_total, $sums FROM project_rollup_year r WHERE r.stage = 'current' GROUP BY GROUPING SETS ((r.place_code, r.status), ()) HAVING sum(r.project_count) > 0 ORDER BY k0 NULLS LAST, k1 NULLS LAST;
SQL
cat >"$work/series.sql" <<SQL
$version
SELECT CASE WHEN r.period_year IS NULL THEN NULL WHEN r.period_month IS NULL THEN r.period_year || '-??' ELSE r.period_year || '-' || lpad(r.period_month::text, 2, '0') END AS k0, 0 AS is_total, $sums FROM project_rollup_month r WHERE r.stage = 'signed' AND r.period_year >= $((year - 5)) AND (r.period_year, coalesce(r.period_month, 1)) >= ($((year - 5)), 1) AND r.period_year <= $year AND (r.period_year, coalesce(r.period_month, 1)) <= ($year, 12) GROUP BY r.period_year, r.period_month HAVING sum(r.project_count) > 0 ORDER BY k0 NULLS LAST;
SQL
# What the rollup replaces: the same totals by a plain GROUP BY over the projects table.
cat >"$work/plain_year.sql" <<SQL
SELECT p.place_code, count(*), sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY'), sum(p.effective_amount) FILTER (WHERE p.currency = 'USD') FROM projects p WHERE p.deleted_at IS NULL AND p.status IN ('signed', 'started', 'completed') AND p.signed_on BETWEEN '$year-01-01' AND '$year-12-31' GROUP BY ROLLUP (p.place_code);
SQL
cat >"$work/plain_status.sql" <<SQL
SELECT p.place_code, p.status, count(*), sum(p.effective_amount) FILTER (WHERE p.currency = 'CNY'), sum(p.effective_amount) FILTER (WHERE p.currency = 'USD') FROM projects p WHERE p.deleted_at IS NULL GROUP BY ROLLUP ((p.place_code, p.status));
SQL
cat >"$work/create.sql" <<SQL
\\set place random(1, $(tr -cd ',' <<<"$create_places" | wc -c) + 1)
\\set sector random(1, $(tr -cd ',' <<<"$create_sectors" | wc -c) + 1)
\\set month random(1, 12)
BEGIN;
SELECT (ARRAY[$create_places])[:place] AS place_code, (ARRAY[$create_sectors])[:sector] AS sector_code \\gset
SELECT pg_advisory_xact_lock(7001, hashtext(:place_code || '/压测新项目' || :client_id || random()));
SELECT id FROM projects WHERE place_code = :place_code AND normalized_name = '压测新项目' AND deleted_at IS NULL LIMIT 1;
INSERT INTO projects (name_zh, normalized_name, kind, place_code, sector_code, status, amount, amount_qualifier, effective_amount, effective_qualifier, signed_on, signed_on_precision, search_tokens, search_text)
  VALUES ('压测新项目', '压测新项目' || random(), 'investment', :place_code, :sector_code, 'signed', 3.5, 'exact', 3.5, 'exact', make_date($year, :month, 6), 'day', '{压测,测新,新项,项目}', '压测新项目') RETURNING id \\gset
INSERT INTO project_history (project_id, event, to_status, status_date, status_date_precision, actor) VALUES (:id, 'created', 'signed', make_date($year, :month, 6), 'day', 'bench');
SELECT $columns FROM projects p WHERE p.id = :id;
INSERT INTO audit_log (actor_name, action, entity_type, entity_id, after) VALUES ('bench', 'project.created', 'project', :id, '{}');
COMMIT;
SQL

# wrk scripts: fixed paths with the key, random ids, and creations with unique names.
cat >"$work/fixed.lua" <<LUA
wrk.headers["X-Api-Key"] = "$api_key"
LUA
cat >"$work/byid.lua" <<LUA
wrk.headers["X-Api-Key"] = "$api_key"
request = function() return wrk.format("GET", "/api/projects/" .. math.random($min_id, $max_id)) end
LUA
cat >"$work/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["X-Api-Key"] = "$api_key"
wrk.headers["Content-Type"] = "application/json"
local places = { $lua_places }
local sectors = { $lua_sectors }
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tag", os.time() .. "-" .. threads)
end
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"nameZh":"压测新项目' .. tag .. '-' .. counter .. '","kind":"investment","district":"' .. places[math.random(#places)] ..
    '","sector":"' .. sectors[math.random(#sectors)] .. '","status":"signed","amount":3.5,"signedOn":"$year-' .. string.format("%02d", math.random(12)) .. '-06"}'
  return wrk.format(nil, nil, nil, body)
end
LUA
summary='done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end'
for script in fixed byid create; do printf '%s\n' "$summary" >>"$work/$script.lua"; done

rss_peak=0
sample_rss() { local rss; rss="$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null || echo 0)"; (( rss > rss_peak )) && rss_peak=$rss; return 0; }

run_wrk() { # script path → "req/s p50 p99 errors"
  local script="$1" path="$2" out
  (while kill -0 "$pid" 2>/dev/null; do sample_rss; sleep 1; done) &
  local sampler=$!
  out="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 5s -s "$work/$script.lua" "$api_url$path" 2>&1)"
  kill "$sampler" 2>/dev/null || true
  sample_rss
  grep '^RESULT' <<<"$out" | cut -d' ' -f2- || { say "$out"; echo "0 0 0 1"; }
}

run_pgbench() { # script → TPS, the best of the client counts
  local clients
  for clients in $pg_clients; do
    PGPASSWORD="$PT_PG_PASSWORD" "$pg_bin/pgbench" -h 127.0.0.1 -p "$PT_PG_PORT" -U projecttracker -n -M prepared \
      -c "$clients" -j 2 -T "$seconds" -f "$work/$1.sql" "$PT_PG_DATABASE" 2>/dev/null | sed -nE 's/^tps = ([0-9.]+).*/\1/p'
  done | sort -g | tail -n 1
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -a rows
measure() { # title, wrk script, path, pgbench script
  local title="$1" script="$2" path="$3" sql="$4" round result tps
  [[ -z "${PT_BENCH_ONLY:-}" || " $PT_BENCH_ONLY " == *" $sql "* ]] || return 0
  local -a rps=() p50=() p99=() errors=() tpss=()
  say "bench: $title"
  run_wrk "$script" "$path" >/dev/null   # warm-up: JIT, prepared statements, caches
  # The API and pgbench take turns, so that a noisy neighbour on the machine weighs on both alike.
  for round in $(seq 1 "$rounds"); do
    read -r a b c d <<<"$(run_wrk "$script" "$path")"
    rps+=("$a") p50+=("$b") p99+=("$c") errors+=("$d")
    tpss+=("$(run_pgbench "$sql")")
  done
  local m_rps m_tps
  m_rps="$(printf '%s\n' "${rps[@]}" | median)"
  m_tps="$(printf '%s\n' "${tpss[@]}" | median)"
  rows+=("$(printf '| %s | %.0f | %.1f ms | %.1f ms | %d | %.0f | %.2f |' "$title" "$m_rps" \
    "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" \
    "$(printf '%s\n' "${errors[@]}" | awk '{ s += $1 } END { print s }')" "$m_tps" "$(echo "$m_rps / $m_tps" | bc -l)")")
}

# The process's own warm-up first (the JIT's tiers for the pipeline every endpoint shares), then each endpoint's.
run_wrk byid "/api/projects/$min_id" >/dev/null
measure "get by id (random ids)" byid "/api/projects/$min_id" byid
measure "filtered page: district + status, by signedOn, 50 rows" fixed "$page" page
measure "next page by cursor" fixed "$page&cursor=$next_cursor" next
measure "text search q=医疗器械, 50 rows" fixed "/api/projects?q=%E5%8C%BB%E7%96%97%E5%99%A8%E6%A2%B0&limit=50" search
dashboards() { # title suffix
  measure "totals by district, signings of $year$1" fixed "/api/dashboard/totals?groupBy=district&measure=signed&signedFrom=$year&signedTo=$year" totals_year
  measure "totals by district × status$1" fixed "/api/dashboard/totals?groupBy=district,status" totals_status
  measure "time series of signings by month, 6 years$1" fixed "/api/dashboard/timeseries?measure=signed&interval=month&from=$((year - 5))-01&to=$year-12" series
}
dashboards ""
# The same dashboards with no kept answers (DashboardAnswers): every request aggregates the rollups.
bench_stop_api
bench_start_api Dashboard__AnswerLifetime=00:00:00
pid="$api_pid"
dashboards " — computed each time"
measure "create (POST)" create "/api/projects" create
# Put the data back as generated, so that every run measures the same projects.
bench_psql >/dev/null <<'SQL'
BEGIN;
CREATE TEMP TABLE created ON COMMIT DROP AS SELECT id FROM projects WHERE seed_key IS NULL AND name_zh LIKE '压测新项目%';
DELETE FROM project_history WHERE project_id IN (SELECT id FROM created);
DELETE FROM projects WHERE id IN (SELECT id FROM created);
COMMIT;
VACUUM (ANALYZE) projects, project_history;
SQL
plain_year=0 plain_status=0
if [[ -z "${PT_BENCH_ONLY:-}" ]]; then
  plain_year="$(for _ in $(seq 1 "$rounds"); do run_pgbench plain_year; done | median)"
  plain_status="$(for _ in $(seq 1 "$rounds"); do run_pgbench plain_status; done | median)"
fi

{
  printf '# HTTP benchmark, %s projects\n\n' "$(bench_psql -c "SELECT count(*) FROM projects")"
  printf '%s, %s cores, %s. Per endpoint: a %s s warm-up, then %s rounds of %s s of wrk against the API and %s s of pgbench\n' \
    "$(date -u +%F)" "$(nproc)" "$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)" "$seconds" "$rounds" "$seconds" "$seconds"
  printf 'with the same SQL at each of %s clients (its best taken), taking turns; medians of the rounds (errors: their sum).\n' "${pg_clients// /, }"
  printf '%s connections to the API; wrk, pgbench, the API and PostgreSQL all share the machine.\n\n' "$connections"
  printf '| endpoint | req/s | p50 | p99 | errors | pgbench best TPS, same SQL | API ÷ pgbench |\n|---|---|---|---|---|---|---|\n'
  printf '%s\n' "${rows[@]}"
  printf '\nThe plain GROUP BY over the projects table that the rollups replace (pgbench, same run): '
  printf 'signings by district for %s **%.0f TPS**; district × status **%.0f TPS**.\n' "$year" "$plain_year" "$plain_status"
  printf 'API peak RSS during the run: **%s MB**.\n' "$rss_peak"
} | tee "$results/http-$projects.md"
