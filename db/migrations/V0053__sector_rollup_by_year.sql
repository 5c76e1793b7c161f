-- Sector totals by year without parks and months: the fine rollup (month × place × sector × park × status × currency)
-- holds nearly a row per project at a million projects (900,191), so "a province's signings by sector" summed nearly
-- every one. Without months and parks the same figures take about a third of the rows, and their number stops growing
-- with the projects. Kept exact by the same statement as the other grains, in a fixed order: fine → sector by year →
-- month → year (each grain reads the previous one's RETURNING, which orders the data-modifying CTEs).
-- Writers wait while it is filled, so that no write lands between the copy and the function that keeps it.
LOCK TABLE project_rollup IN SHARE MODE;

CREATE TABLE project_rollup_sector_year (
    stage           rollup_stage NOT NULL,
    period_year     smallint,
    place_code      text NOT NULL,
    sector_code     text NOT NULL,
    status          project_status NOT NULL,
    currency        currency NOT NULL,
    project_count   bigint NOT NULL,
    amount_sum      numeric NOT NULL,
    without_amount  bigint NOT NULL,
    approx_count    bigint NOT NULL,
    at_least_count  bigint NOT NULL,
    at_most_count   bigint NOT NULL,
    CONSTRAINT project_rollup_sector_year_key UNIQUE NULLS NOT DISTINCT (stage, period_year, place_code, sector_code, status, currency)
);

INSERT INTO project_rollup_sector_year
SELECT stage, period_year, place_code, sector_code, status, currency,
       sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
FROM project_rollup GROUP BY stage, period_year, place_code, sector_code, status, currency;

-- Most questions name a district, as for the fine rollup.
CREATE INDEX project_rollup_sector_year_place ON project_rollup_sector_year (stage, place_code, period_year);
ANALYZE project_rollup_sector_year;

CREATE OR REPLACE FUNCTION apply_project_rollup(removed projects[], added projects[])
RETURNS void LANGUAGE sql AS $$
    WITH changed AS (
        SELECT -1 AS sign, o.status, o.place_code, o.sector_code, o.currency, o.park_code, o.effective_amount, o.effective_qualifier,
               o.signed_on, o.signed_on_precision, o.started_on, o.started_on_precision, o.completed_on, o.completed_on_precision, o.deleted_at
        FROM unnest(removed) AS o
        UNION ALL
        SELECT 1, n.status, n.place_code, n.sector_code, n.currency, n.park_code, n.effective_amount, n.effective_qualifier,
               n.signed_on, n.signed_on_precision, n.started_on, n.started_on_precision, n.completed_on, n.completed_on_precision, n.deleted_at
        FROM unnest(added) AS n
    ),
    delta AS (
        SELECT c.stage, c.period_year, c.period_month, d.place_code, d.sector_code, d.status, d.currency, d.park_code,
               sum(d.sign) AS project_count,
               coalesce(sum(d.sign * d.effective_amount), 0) AS amount_sum,
               coalesce(sum(d.sign) FILTER (WHERE d.effective_amount IS NULL), 0) AS without_amount,
               coalesce(sum(d.sign) FILTER (WHERE d.effective_qualifier = 'approx'), 0) AS approx_count,
               coalesce(sum(d.sign) FILTER (WHERE d.effective_qualifier = 'at_least'), 0) AS at_least_count,
               coalesce(sum(d.sign) FILTER (WHERE d.effective_qualifier = 'at_most'), 0) AS at_most_count
        FROM changed d
        CROSS JOIN LATERAL stage_contributions(d.status, d.signed_on, d.signed_on_precision, d.started_on, d.started_on_precision,
                                               d.completed_on, d.completed_on_precision, d.deleted_at) AS c
        GROUP BY c.stage, c.period_year, c.period_month, d.place_code, d.sector_code, d.status, d.currency, d.park_code
        HAVING sum(d.sign) <> 0
            OR coalesce(sum(d.sign * d.effective_amount), 0) <> 0
            OR coalesce(sum(d.sign) FILTER (WHERE d.effective_amount IS NULL), 0) <> 0
            OR coalesce(sum(d.sign) FILTER (WHERE d.effective_qualifier <> 'exact'), 0) <> 0
    ),
    fine AS (
        INSERT INTO project_rollup AS r (stage, period_year, period_month, place_code, sector_code, status, currency, park_code,
                                         project_count, amount_sum, without_amount, approx_count, at_least_count, at_most_count)
        SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT ON CONSTRAINT project_rollup_key DO UPDATE SET
            project_count = r.project_count + EXCLUDED.project_count, amount_sum = r.amount_sum + EXCLUDED.amount_sum,
            without_amount = r.without_amount + EXCLUDED.without_amount, approx_count = r.approx_count + EXCLUDED.approx_count,
            at_least_count = r.at_least_count + EXCLUDED.at_least_count, at_most_count = r.at_most_count + EXCLUDED.at_most_count
        RETURNING 1
    ),
    sector_yearly AS (
        INSERT INTO project_rollup_sector_year AS r
        SELECT stage, period_year, place_code, sector_code, status, currency,
               sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
        FROM delta WHERE (SELECT count(*) FROM fine) >= 0
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT ON CONSTRAINT project_rollup_sector_year_key DO UPDATE SET
            project_count = r.project_count + EXCLUDED.project_count, amount_sum = r.amount_sum + EXCLUDED.amount_sum,
            without_amount = r.without_amount + EXCLUDED.without_amount, approx_count = r.approx_count + EXCLUDED.approx_count,
            at_least_count = r.at_least_count + EXCLUDED.at_least_count, at_most_count = r.at_most_count + EXCLUDED.at_most_count
        RETURNING 1
    ),
    monthly AS (
        INSERT INTO project_rollup_month AS r
        SELECT stage, period_year, period_month, place_code, status, currency,
               sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
        FROM delta WHERE (SELECT count(*) FROM sector_yearly) >= 0
        GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT ON CONSTRAINT project_rollup_month_key DO UPDATE SET
            project_count = r.project_count + EXCLUDED.project_count, amount_sum = r.amount_sum + EXCLUDED.amount_sum,
            without_amount = r.without_amount + EXCLUDED.without_amount, approx_count = r.approx_count + EXCLUDED.approx_count,
            at_least_count = r.at_least_count + EXCLUDED.at_least_count, at_most_count = r.at_most_count + EXCLUDED.at_most_count
        RETURNING 1
    )
    INSERT INTO project_rollup_year AS r
    SELECT stage, period_year, place_code, status, currency,
           sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
    FROM delta WHERE (SELECT count(*) FROM monthly) >= 0
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT project_rollup_year_key DO UPDATE SET
        project_count = r.project_count + EXCLUDED.project_count, amount_sum = r.amount_sum + EXCLUDED.amount_sum,
        without_amount = r.without_amount + EXCLUDED.without_amount, approx_count = r.approx_count + EXCLUDED.approx_count,
        at_least_count = r.at_least_count + EXCLUDED.at_least_count, at_most_count = r.at_most_count + EXCLUDED.at_most_count
$$;
