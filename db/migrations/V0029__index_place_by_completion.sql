-- evolve-tx-off
-- A district's list in completion order (see V0027).
CREATE INDEX CONCURRENTLY projects_place_completed ON projects (place_code, status, coalesce(completed_on, '-infinity'::date), id)
    INCLUDE (completed_on) WHERE deleted_at IS NULL
