-- evolve-tx-off
-- The stalled list: signed projects in the order their signing is oldest. Built without blocking
-- writes; should the build fail, drop the invalid index (DROP INDEX CONCURRENTLY) and start again.
CREATE INDEX CONCURRENTLY projects_stalled_signed ON projects (partial_date_end(signed_on, signed_on_precision), id)
    WHERE status = 'signed' AND deleted_at IS NULL
