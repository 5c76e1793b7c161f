-- evolve-tx-off
-- A district's list by name (see V0027).
CREATE INDEX CONCURRENTLY projects_place_name_order ON projects (place_code, status, name_zh, id) WHERE deleted_at IS NULL
