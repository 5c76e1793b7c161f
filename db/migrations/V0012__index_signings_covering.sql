-- evolve-tx-off
-- Signings in date order with what a signing cohort's KPIs read (status, place, sector, park, amount,
-- currency, the signing and start dates), so that a year's cohort is an index-only scan. Replaces
-- projects_signed_on (dropped in V0013), which serves the list's signedOn order just the same.
CREATE INDEX CONCURRENTLY projects_signed_on_covering ON projects (coalesce(signed_on, '-infinity'::date), id)
    INCLUDE (status, place_code, sector_code, park_code, currency, effective_amount,
             signed_on, signed_on_precision, started_on, started_on_precision)
    WHERE deleted_at IS NULL
