-- evolve-tx-off
-- A district's list in signing order: the walk for a place filter goes one place and status at a time and reads
-- only that pair's projects, from the index alone (it holds the date the order is made of). Replaces
-- projects_place_status_signed, which lacked the date and so read a row per project.
CREATE INDEX CONCURRENTLY projects_place_signed ON projects (place_code, status, coalesce(signed_on, '-infinity'::date), id)
    INCLUDE (signed_on) WHERE deleted_at IS NULL
