-- evolve-tx-off
-- Most dashboard questions name a district: the fine rollup by place first, so that such a question
-- reads that place's rows instead of every row of the stage and period.
CREATE INDEX CONCURRENTLY project_rollup_place ON project_rollup (stage, place_code, period_year, period_month)
