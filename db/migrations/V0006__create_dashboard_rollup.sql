-- Dashboards over millions of projects read a rollup that every write keeps exact in its own
-- transaction (statement-level triggers with transition tables, so a 100,000-row import updates
-- it with one aggregated statement, not 100,000).

-- Which totals a project counts in. "current": every live project, in the period of the date of
-- its current status. "signed"/"started"/"completed": projects that reached that stage (and were
-- not cancelled), in the period of that stage's date. A year-precise date has no month.
CREATE TYPE rollup_stage AS ENUM ('current', 'signed', 'started', 'completed');

CREATE FUNCTION project_contributions(p projects)
RETURNS TABLE (stage rollup_stage, period_year smallint, period_month smallint)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT s.stage,
           extract(year FROM s.on_date)::smallint,
           CASE WHEN s.precision = 'year' THEN NULL ELSE extract(month FROM s.on_date)::smallint END
    FROM (VALUES
        ('current'::rollup_stage,
         CASE p.status WHEN 'signed' THEN p.signed_on WHEN 'started' THEN p.started_on WHEN 'completed' THEN p.completed_on END,
         CASE p.status WHEN 'signed' THEN p.signed_on_precision WHEN 'started' THEN p.started_on_precision WHEN 'completed' THEN p.completed_on_precision END,
         true),
        ('signed'::rollup_stage, p.signed_on, p.signed_on_precision, p.status IN ('signed', 'started', 'completed')),
        ('started'::rollup_stage, p.started_on, p.started_on_precision, p.status IN ('started', 'completed')),
        ('completed'::rollup_stage, p.completed_on, p.completed_on_precision, p.status = 'completed')
    ) AS s (stage, on_date, precision, applies)
    WHERE s.applies AND p.deleted_at IS NULL
$$;

CREATE TABLE project_rollup (
    stage           rollup_stage NOT NULL,
    period_year     smallint,
    period_month    smallint,
    place_code      text NOT NULL,
    sector_code     text NOT NULL,
    status          project_status NOT NULL,
    currency        currency NOT NULL,
    park_code       text,
    project_count   bigint NOT NULL,
    amount_sum      numeric NOT NULL,
    without_amount  bigint NOT NULL,
    approx_count    bigint NOT NULL,
    at_least_count  bigint NOT NULL,
    at_most_count   bigint NOT NULL,
    CONSTRAINT project_rollup_key UNIQUE NULLS NOT DISTINCT
        (stage, period_year, period_month, place_code, sector_code, status, currency, park_code)
);

-- Adds what the added rows contribute and takes away what the removed rows did, in one statement.
-- Keys are locked in a fixed order, so concurrent writers cannot deadlock on the rollup; deltas
-- that cancel out (an edit of notes) touch no rollup row at all.
CREATE FUNCTION apply_project_rollup(removed projects[], added projects[])
RETURNS void LANGUAGE sql AS $$
    INSERT INTO project_rollup AS r (stage, period_year, period_month, place_code, sector_code, status, currency, park_code,
                                     project_count, amount_sum, without_amount, approx_count, at_least_count, at_most_count)
    SELECT c.stage, c.period_year, c.period_month, (d.p).place_code, (d.p).sector_code, (d.p).status, (d.p).currency, (d.p).park_code,
           sum(d.sign),
           coalesce(sum(d.sign * (d.p).effective_amount), 0),
           coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_amount IS NULL), 0),
           coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier = 'approx'), 0),
           coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier = 'at_least'), 0),
           coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier = 'at_most'), 0)
    FROM (SELECT -1 AS sign, o AS p FROM unnest(removed) AS o
          UNION ALL
          SELECT 1 AS sign, n AS p FROM unnest(added) AS n) AS d
    CROSS JOIN LATERAL project_contributions(d.p) AS c
    GROUP BY c.stage, c.period_year, c.period_month, (d.p).place_code, (d.p).sector_code, (d.p).status, (d.p).currency, (d.p).park_code
    HAVING sum(d.sign) <> 0
        OR coalesce(sum(d.sign * (d.p).effective_amount), 0) <> 0
        OR coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_amount IS NULL), 0) <> 0
        OR coalesce(sum(d.sign) FILTER (WHERE (d.p).effective_qualifier <> 'exact'), 0) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT ON CONSTRAINT project_rollup_key DO UPDATE SET
        project_count  = r.project_count + EXCLUDED.project_count,
        amount_sum     = r.amount_sum + EXCLUDED.amount_sum,
        without_amount = r.without_amount + EXCLUDED.without_amount,
        approx_count   = r.approx_count + EXCLUDED.approx_count,
        at_least_count = r.at_least_count + EXCLUDED.at_least_count,
        at_most_count  = r.at_most_count + EXCLUDED.at_most_count
$$;

INSERT INTO project_rollup (stage, period_year, period_month, place_code, sector_code, status, currency, park_code,
                            project_count, amount_sum, without_amount, approx_count, at_least_count, at_most_count)
SELECT c.stage, c.period_year, c.period_month, p.place_code, p.sector_code, p.status, p.currency, p.park_code,
       count(*), coalesce(sum(p.effective_amount), 0),
       count(*) FILTER (WHERE p.effective_amount IS NULL),
       count(*) FILTER (WHERE p.effective_qualifier = 'approx'),
       count(*) FILTER (WHERE p.effective_qualifier = 'at_least'),
       count(*) FILTER (WHERE p.effective_qualifier = 'at_most')
FROM projects p CROSS JOIN LATERAL project_contributions(p) c
GROUP BY c.stage, c.period_year, c.period_month, p.place_code, p.sector_code, p.status, p.currency, p.park_code;

-- A counter every write to dashboard data moves, inside the writing transaction: dashboards use it
-- as their ETag, so a poll answers 304 only when nothing was committed since, never with stale data.
CREATE TABLE data_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    version   bigint NOT NULL
);
INSERT INTO data_version (version) VALUES (1);

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE FUNCTION projects_rollup_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM new_rows) THEN
        PERFORM apply_project_rollup('{}'::projects[], (SELECT array_agg(n::projects) FROM new_rows n));
        UPDATE data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION projects_rollup_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM new_rows) THEN
        PERFORM apply_project_rollup((SELECT array_agg(o::projects) FROM old_rows o), (SELECT array_agg(n::projects) FROM new_rows n));
        UPDATE data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION projects_rollup_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM old_rows) THEN
        PERFORM apply_project_rollup((SELECT array_agg(o::projects) FROM old_rows o), '{}'::projects[]);
        UPDATE data_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER projects_rollup_insert AFTER INSERT ON projects
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION projects_rollup_after_insert();
CREATE TRIGGER projects_rollup_update AFTER UPDATE ON projects
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION projects_rollup_after_update();
CREATE TRIGGER projects_rollup_delete AFTER DELETE ON projects
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION projects_rollup_after_delete();

CREATE TRIGGER targets_data_version AFTER INSERT OR UPDATE OR DELETE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER batches_data_version AFTER INSERT OR UPDATE OR DELETE ON batches
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER batch_breakdown_data_version AFTER INSERT OR UPDATE OR DELETE ON batch_breakdown
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER batch_projects_data_version AFTER INSERT OR UPDATE OR DELETE ON batch_projects
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();

-- Stalled-project lists and KPI cohorts look projects up by status and stage date.
CREATE INDEX projects_status_signed ON projects (status, coalesce(signed_on, '-infinity'::date)) WHERE deleted_at IS NULL;
CREATE INDEX projects_status_started ON projects (status, coalesce(started_on, '-infinity'::date)) WHERE deleted_at IS NULL;

-- A place with everything within it, and a sector with its industries: targets count projects this way.
CREATE FUNCTION places_within(root text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
    WITH RECURSIVE within AS (
        SELECT code FROM places WHERE code = root
        UNION
        SELECT child.code FROM places child JOIN within ON child.parent_code = within.code
    )
    SELECT code FROM within
$$;

CREATE FUNCTION sectors_within(root text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
    SELECT code FROM sectors WHERE code = root OR category_code = root
$$;
