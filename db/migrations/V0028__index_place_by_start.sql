-- evolve-tx-off
-- A district's list in start order (see V0027).
CREATE INDEX CONCURRENTLY projects_place_started ON projects (place_code, status, coalesce(started_on, '-infinity'::date), id)
    INCLUDE (started_on) WHERE deleted_at IS NULL
