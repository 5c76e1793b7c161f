-- evolve-tx-off
-- Text search of a common term walks the list in signing order, checking each project's text until a
-- page is found (SearchStatistics): about fifty projects passed over per match for a term in 2 % of
-- them. With the text in this index the walk reads index pages only, instead of a table page per
-- project passed. Built without blocking writes; should the build fail, drop the invalid index
-- (DROP INDEX CONCURRENTLY) and start again.
CREATE INDEX CONCURRENTLY projects_signed_on_search ON projects (coalesce(signed_on, '-infinity'::date), id)
    INCLUDE (signed_on, search_text) WHERE deleted_at IS NULL; -- (signed_on: so the planner can use it alone)
