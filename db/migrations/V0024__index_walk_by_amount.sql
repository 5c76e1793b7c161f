-- evolve-tx-off
-- The list by amount, one status at a time (see V0021); amount ranges are ranges of it.
CREATE INDEX CONCURRENTLY projects_walk_amount ON projects (status, coalesce(effective_amount, -1), id)
    INCLUDE (place_code, sector_code, park_code, currency, effective_amount, effective_qualifier, signed_on, signed_on_precision,
             started_on, started_on_precision, completed_on, completed_on_precision, updated_at, deleted_at)
