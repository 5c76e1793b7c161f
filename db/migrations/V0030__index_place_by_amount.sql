-- evolve-tx-off
-- A district's list by amount (see V0027).
CREATE INDEX CONCURRENTLY projects_place_amount ON projects (place_code, status, coalesce(effective_amount, -1), id)
    INCLUDE (effective_amount) WHERE deleted_at IS NULL
