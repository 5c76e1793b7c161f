-- evolve-tx-off
-- Superseded by the walk indexes of V0021–V0032.
DROP INDEX CONCURRENTLY IF EXISTS projects_status_started
