-- evolve-tx-off
-- The list in signing order walks this index one status at a time (ProjectListing): each status's projects in
-- order, so a status that holds no signing date (intent) is reached at once, not after passing every other. It holds
-- every column a filter reads, so the walk checks the filters without reading rows, and deleted rows too (integrators'
-- syncs list them), which the walk leaves out from the index alone. Dashboard figures read them alone too. Replaces
-- projects_signed_on_covering and projects_signed_on_search. Built without blocking writes; should the build fail, drop
-- the invalid index (DROP INDEX CONCURRENTLY) and start again.
CREATE INDEX CONCURRENTLY projects_walk_signed ON projects (status, coalesce(signed_on, '-infinity'::date), id)
    INCLUDE (place_code, sector_code, park_code, currency, effective_amount, effective_qualifier, signed_on, signed_on_precision,
             started_on, started_on_precision, completed_on, completed_on_precision, updated_at, deleted_at)
