-- evolve-tx-off
-- See V0042. Built without blocking writes (about half a minute per million projects).
CREATE INDEX CONCURRENTLY projects_investor_pairs ON projects USING gin (investor_pairs(investors)) WHERE deleted_at IS NULL
