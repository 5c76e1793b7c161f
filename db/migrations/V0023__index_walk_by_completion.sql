-- evolve-tx-off
-- The list in completion order, one status at a time (see V0021); completion ranges are ranges of it.
CREATE INDEX CONCURRENTLY projects_walk_completed ON projects (status, coalesce(completed_on, '-infinity'::date), id)
    INCLUDE (place_code, sector_code, park_code, currency, effective_amount, effective_qualifier, signed_on, signed_on_precision,
             started_on, started_on_precision, completed_on, completed_on_precision, updated_at, deleted_at)
