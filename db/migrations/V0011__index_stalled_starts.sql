-- evolve-tx-off
-- The stalled list: started projects in the order their start is oldest (see V0010).
CREATE INDEX CONCURRENTLY projects_stalled_started ON projects (partial_date_end(started_on, started_on_precision), id)
    WHERE status = 'started' AND deleted_at IS NULL
