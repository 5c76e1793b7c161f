# Shared by the benchmark scripts (sourced, not run): the bench cluster, its generated data and the
# API built in Release. Settings (environment):
#   PT_BENCH_PROJECTS   generated projects              (default 1000000)
#   PT_BENCH_SEED       generator seed                  (default 42)
#   PT_BENCH_DATA       cluster data folder             (default db/.pgbench, git-ignored)
#   PT_BENCH_PG_PORT    cluster port on 127.0.0.1       (default 5434)
#   PT_BENCH_API_PORT   API port on 127.0.0.1           (default 5090)
# Each size gets its own database (bench_1000000, …), generated once and kept.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
projects="${PT_BENCH_PROJECTS:-1000000}"
seed="${PT_BENCH_SEED:-42}"
api_port="${PT_BENCH_API_PORT:-5090}"
api_url="http://127.0.0.1:$api_port"
results="$root/db/bench/results"
export PT_PG_DATA="${PT_BENCH_DATA:-$root/db/.pgbench}"
export PT_PG_PORT="${PT_BENCH_PG_PORT:-5434}"
export PT_PG_DATABASE="bench_$projects"
export PT_PG_PASSWORD="${PT_PG_PASSWORD:-projecttracker}"
# A 24 GB, 2-core machine serving one database: the data set fits in shared buffers; a bulk load
# must not checkpoint halfway; index scans on an SSD cost little more than sequential ones.
export PT_PG_SETTINGS="${PT_BENCH_PG_SETTINGS:--c shared_buffers=2GB -c effective_cache_size=12GB -c work_mem=32MB \
  -c maintenance_work_mem=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c max_connections=200 \
  -c random_page_cost=1.1 -c jit=off}"
api_pid=""
# The benchmarks run the API as Production would (keys needed for reads), with their own pepper and a
# write rate limit high enough not to be what is measured.
export Auth__KeyPepper="${Auth__KeyPepper:-bench-pepper}"
export RateLimiting__Writes__TokenLimit="${RateLimiting__Writes__TokenLimit:-100000000}"
export RateLimiting__Writes__TokensPerPeriod="${RateLimiting__Writes__TokensPerPeriod:-100000000}"
mkdir -p "$results"

say() { printf '%s\n' "$*" >&2; }

bench_psql() { # SQL as the cluster's superuser on the bench database; prints unaligned rows
  PGPASSWORD="$PT_PG_PASSWORD" "$pg_bin/psql" -h 127.0.0.1 -p "$PT_PG_PORT" -U postgres -d "$PT_PG_DATABASE" \
    -v ON_ERROR_STOP=1 -X -qtA "$@"
}

# Starts the cluster and makes sure the database holds exactly the generated projects asked for.
bench_database() {
  connection="$("$root/db/local-postgres.sh" start)"
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$pg_bin" ]] || pg_bin="$(dirname "$(command -v pgbench)")"
  bench_build
  local have
  have="$(bench_psql -c "SELECT count(*) FROM projects WHERE seed_key IS NULL" 2>/dev/null || echo 0)"
  if [[ "$have" != "$projects" ]]; then
    say "bench: the seed data and $projects generated projects (seed $seed) into $PT_PG_DATABASE"
    bench_psql -d postgres -c "DROP DATABASE IF EXISTS \"$PT_PG_DATABASE\"" -c "CREATE DATABASE \"$PT_PG_DATABASE\" OWNER projecttracker"
    ConnectionStrings__ProjectTracker="$connection" Logging__LogLevel__Default=Warning dotnet "$api_dll" seed >&2
    ConnectionStrings__ProjectTracker="$connection" dotnet "$tool_dll" generate --projects "$projects" --seed "$seed" >&2
    bench_psql -c "VACUUM (ANALYZE) projects, project_history, project_rollup, project_rollup_month, project_rollup_year" >&2
  fi
  ConnectionStrings__ProjectTracker="$connection" Logging__LogLevel__Default=Warning dotnet "$api_dll" migrate >&2
  bench_key
}

# An admin key for the bench database, created once per run with the API's own command.
bench_key() {
  [[ -n "${api_key:-}" ]] && return
  api_key="$(ConnectionStrings__ProjectTracker="$connection" Logging__LogLevel__Default=Warning \
    dotnet "$api_dll" create-key --role admin --name "benchmark $(date -u +%FT%TZ)" 2>/dev/null)"
}

bench_curl() { # curl with the bench key
  curl -H "X-Api-Key: $api_key" "$@"
}

# The API and the benchmarks' tool (the data generator, the loads), in Release.
bench_build() {
  [[ -n "${api_dll:-}" ]] && return
  dotnet build "$root/tests/ProjectTracker.Benchmarks" -c Release -v quiet -nologo >&2
  api_dll="$root/src/ProjectTracker.Api/bin/Release/net10.0/ProjectTracker.Api.dll"
  tool_dll="$root/tests/ProjectTracker.Benchmarks/bin/Release/net10.0/ProjectTracker.Benchmarks.dll"
}

# Starts the API in Release (Production settings, warnings-only logging) and waits until it is ready.
bench_start_api() { # extra NAME=value settings as arguments
  env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$api_url" ConnectionStrings__ProjectTracker="$connection" \
    Logging__LogLevel__Default=Warning "$@" dotnet "$api_dll" >"$results/api.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$api_url/health/ready" >/dev/null 2>&1 && return
    kill -0 "$api_pid" 2>/dev/null || { cat "$results/api.log" >&2; say "bench: the API did not start"; exit 1; }
    sleep 0.5
  done
  say "bench: the API was not ready within a minute"; exit 1
}

bench_stop_api() {
  [[ -n "$api_pid" ]] || return 0
  kill -TERM "$api_pid" 2>/dev/null || true
  wait "$api_pid" 2>/dev/null || true
  api_pid=""
}
trap bench_stop_api EXIT
