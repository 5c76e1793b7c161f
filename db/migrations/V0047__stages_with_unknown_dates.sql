-- A stage whose date is not known: a work report says a bridge "建成通车" or works are "有序施工" without saying
-- when. Such a project is started or completed with that date empty (its precision unknown), as a signed project
-- may already have no signing date. Dropping a check reads no rows.
ALTER TABLE projects DROP CONSTRAINT IF EXISTS projects_check5, DROP CONSTRAINT IF EXISTS projects_check6;
