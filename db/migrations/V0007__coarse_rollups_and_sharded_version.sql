-- Coarser copies of the rollup for the hottest dashboard questions ("each district's signings this
-- year", "by month"): the fine rollup holds one row per place × sector × park × month, tens of
-- thousands per year at a million projects; these hold hundreds. The same statement that keeps the
-- fine rollup exact keeps them exact, so every grain always agrees.
CREATE TABLE project_rollup_month (
    stage           rollup_stage NOT NULL,
    period_year     smallint,
    period_month    smallint,
    place_code      text NOT NULL,
    status          project_status NOT NULL,
    currency        currency NOT NULL,
    project_count   bigint NOT NULL,
    amount_sum      numeric NOT NULL,
    without_amount  bigint NOT NULL,
    approx_count    bigint NOT NULL,
    at_least_count  bigint NOT NULL,
    at_most_count   bigint NOT NULL,
    CONSTRAINT project_rollup_month_key UNIQUE NULLS NOT DISTINCT (stage, period_year, period_month, place_code, status, currency)
);

CREATE TABLE project_rollup_year (
    stage           rollup_stage NOT NULL,
    period_year     smallint,
    place_code      text NOT NULL,
    status          project_status NOT NULL,
    currency        currency NOT NULL,
    project_count   bigint NOT NULL,
    amount_sum      numeric NOT NULL,
    without_amount  bigint NOT NULL,
    approx_count    bigint NOT NULL,
    at_least_count  bigint NOT NULL,
    at_most_count   bigint NOT NULL,
    CONSTRAINT project_rollup_year_key UNIQUE NULLS NOT DISTINCT (stage, period_year, place_code, status, currency)
);

INSERT INTO project_rollup_month
SELECT stage, period_year, period_month, place_code, status, currency,
       sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
FROM project_rollup GROUP BY stage, period_year, period_month, place_code, status, currency;

INSERT INTO project_rollup_year
SELECT stage, period_year, place_code, status, currency,
       sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
FROM project_rollup GROUP BY stage, period_year, place_code, status, currency;

-- Each grain in a fixed order (fine, month, year) and each grain's keys in a fixed order: concurrent
-- writers lock rollup rows in the same order and cannot deadlock on them. Data-modifying CTEs run in
-- no set order unless one reads another's output; each grain reads the previous one's RETURNING
-- (the "count(*) >= 0" conditions), which makes the order fine → month → year.
CREATE OR REPLACE FUNCTION apply_project_rollup(removed projects[], added projects[])
RETURNS void LANGUAGE sql AS $$
    WITH delta AS (
        SELECT c.stage, c.period_year, c.period_month, (d.p).place_code, (d.p).sector_code, (d.p).status, (d.p).currency, (d.p).park_code,
               sum(d.sign) AS project_count,
               coalesce(sum(d.sign * (d.p).effective_amount), 0) AS amount_sum,
               coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_amount IS NULL), 0) AS without_amount,
               coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier = 'approx'), 0) AS approx_count,
               coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier = 'at_least'), 0) AS at_least_count,
               coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier = 'at_most'), 0) AS at_most_count
        FROM (SELECT -1 AS sign, o AS p FROM unnest(removed) AS o
              UNION ALL
              SELECT 1 AS sign, n AS p FROM unnest(added) AS n) AS d
        CROSS JOIN LATERAL project_contributions(d.p) AS c
        GROUP BY c.stage, c.period_year, c.period_month, (d.p).place_code, (d.p).sector_code, (d.p).status, (d.p).currency, (d.p).park_code
        HAVING sum(d.sign) <> 0
            OR coalesce(sum(d.sign * (d.p).effective_amount), 0) <> 0
            OR coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_amount IS NULL), 0) <> 0
            OR coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier <> 'exact'), 0) <> 0
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
    monthly AS (
        INSERT INTO project_rollup_month AS r
        SELECT stage, period_year, period_month, place_code, status, currency,
               sum(project_count), sum(amount_sum), sum(without_amount), sum(approx_count), sum(at_least_count), sum(at_most_count)
        FROM delta WHERE (SELECT count(*) FROM fine) >= 0
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

-- The data version in 16 shards: every write moves the shard of its own backend, so concurrent
-- writers rarely wait for each other's commit, and the version (their sum) still moves with every
-- commit, inside it.
CREATE TABLE data_version_shards (
    shard   smallint PRIMARY KEY CHECK (shard BETWEEN 0 AND 15),
    version bigint NOT NULL
);
INSERT INTO data_version_shards SELECT shard, CASE WHEN shard = 0 THEN (SELECT version FROM data_version) ELSE 0 END
FROM generate_series(0, 15) AS shard;

CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version_shards SET version = version + 1 WHERE shard = pg_backend_pid() % 16;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION projects_rollup_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM new_rows) THEN
        PERFORM apply_project_rollup('{}'::projects[], (SELECT array_agg(n::projects) FROM new_rows n));
        UPDATE data_version_shards SET version = version + 1 WHERE shard = pg_backend_pid() % 16;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION projects_rollup_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM new_rows) THEN
        PERFORM apply_project_rollup((SELECT array_agg(o::projects) FROM old_rows o), (SELECT array_agg(n::projects) FROM new_rows n));
        UPDATE data_version_shards SET version = version + 1 WHERE shard = pg_backend_pid() % 16;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION projects_rollup_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM old_rows) THEN
        PERFORM apply_project_rollup((SELECT array_agg(o::projects) FROM old_rows o), '{}'::projects[]);
        UPDATE data_version_shards SET version = version + 1 WHERE shard = pg_backend_pid() % 16;
    END IF;
    RETURN NULL;
END
$$;

DROP TABLE data_version;
