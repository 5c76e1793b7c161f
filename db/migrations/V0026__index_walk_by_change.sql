-- evolve-tx-off
-- The list by last change, one status at a time (see V0021); updatedSince is a range of it.
CREATE INDEX CONCURRENTLY projects_walk_updated ON projects (status, updated_at, id)
    INCLUDE (place_code, sector_code, park_code, currency, effective_amount, effective_qualifier, signed_on, signed_on_precision,
             started_on, started_on_precision, completed_on, completed_on_precision, deleted_at)
