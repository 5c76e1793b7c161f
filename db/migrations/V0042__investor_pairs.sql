-- The investor filter finds its projects through the pairs of adjacent letters or digits of their investors' names
-- (as the name search does through search_tokens): a Chinese query is often two characters (华为), which trigram
-- indexes cannot serve. The pairs are defined once, here, for the index and for the queries that use it.
CREATE FUNCTION investor_pairs(investors text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT coalesce(array_agg(DISTINCT substr(run, i, 2)), '{}')
    FROM unnest(investors) AS investor,
         regexp_split_to_table(lower(normalize(investor, NFKC)), '[^[:alnum:]]+') AS run,
         generate_series(1, length(run) - 1) AS i
$$;
