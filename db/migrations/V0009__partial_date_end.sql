-- The last day a date known only to its month or year may stand for: 2023-02 (month) ends on
-- 2023-02-28, 2017 (year) on 2017-12-31. An SQL function the planner inlines, so that indexes on it
-- serve queries written with it.
CREATE FUNCTION partial_date_end(day date, known_to date_precision) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE known_to
        WHEN 'month' THEN (day + interval '1 month')::date - 1
        WHEN 'year' THEN (day + interval '1 year')::date - 1
        ELSE day
    END
$$;
