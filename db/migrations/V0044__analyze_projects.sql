-- The walk indexes are on expressions (coalesce(signed_on, '-infinity') …), whose statistics the planner has only once
-- the table is analysed again; without them it takes a range of an expression for a thousand rows and may sort a
-- whole status where a walk reads fifty. (A few seconds at a million projects; reads go on meanwhile.)
ANALYZE projects;
