-- evolve-tx-off
-- A district's list by last change (see V0027).
CREATE INDEX CONCURRENTLY projects_place_updated ON projects (place_code, status, updated_at, id) WHERE deleted_at IS NULL
