-- An import now also updates the projects its rows name by 编号 (a bulk edit of an export): how many it updated.
ALTER TABLE imports ADD COLUMN rows_updated integer NOT NULL DEFAULT 0;
