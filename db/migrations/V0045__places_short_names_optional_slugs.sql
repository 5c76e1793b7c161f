-- Places beyond the project's first 32 come from the official list (V0046), which has Chinese names only:
-- slugs and English names become optional, and every place gets a short name (江夏 for 江夏区) for finding it
-- the way people write it. Development zones keep their full name as their short one.
ALTER TABLE places
    ALTER COLUMN slug DROP NOT NULL,
    ALTER COLUMN name_en DROP NOT NULL,
    ADD COLUMN short_zh text CHECK (length(short_zh) BETWEEN 1 AND 50);

UPDATE places SET short_zh = name_zh;

ALTER TABLE places ALTER COLUMN short_zh SET NOT NULL;
