-- evolve-tx-off
-- Superseded by projects_signed_on_covering (V0012).
DROP INDEX CONCURRENTLY projects_signed_on
