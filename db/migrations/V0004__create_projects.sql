CREATE TYPE project_kind AS ENUM ('investment', 'cooperation', 'platform', 'public_works');
CREATE TYPE project_status AS ENUM ('intent', 'signed', 'started', 'completed', 'cancelled');
CREATE TYPE currency AS ENUM ('CNY', 'USD');
CREATE TYPE amount_qualifier AS ENUM ('exact', 'approx', 'at_least', 'at_most');

-- Chinese names sort by pinyin.
CREATE COLLATION pinyin (provider = icu, locale = 'zh');

CREATE TABLE projects (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name_zh                 text NOT NULL COLLATE pinyin CHECK (length(name_zh) BETWEEN 1 AND 200),
    name_en                 text CHECK (length(name_en) BETWEEN 1 AND 300),
    -- NFKC, case-folded, without spaces or punctuation: what "the same name" means for duplicates.
    normalized_name         text NOT NULL,
    kind                    project_kind NOT NULL,
    investors               text[] NOT NULL DEFAULT '{}',
    place_code              text NOT NULL REFERENCES places (code),
    park_code               text REFERENCES parks (code),
    sector_code             text NOT NULL REFERENCES sectors (code),
    status                  project_status NOT NULL,
    -- The investment as entered, in 亿 (1e8) of the currency: exact decimal, at most 4 decimals.
    amount                  numeric CHECK (amount > 0 AND amount < 100000 AND scale(amount) <= 4),
    amount_qualifier        amount_qualifier,
    currency                currency NOT NULL DEFAULT 'CNY',
    -- 一期/二期…: [{"name": "一期", "amount": 1, "qualifier": "approx"}, …] in the project's currency.
    phases                  jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(phases) = 'array'),
    -- What totals count: the amount, or when only phases carry amounts, their sum (derived on write).
    effective_amount        numeric CHECK (effective_amount > 0),
    effective_qualifier     amount_qualifier,
    signed_on               date,
    signed_on_precision     date_precision,
    started_on              date,
    started_on_precision    date_precision,
    completed_on            date,
    completed_on_precision  date_precision,
    project_code            text CHECK (project_code ~ '^[0-9]{4}-[0-9]{6}-[0-9]{2}-[0-9]{2}-[0-9]{6}$'),
    land_area_sqm           numeric CHECK (land_area_sqm > 0),
    notes                   text CHECK (length(notes) <= 4000),
    -- Unigrams and bigrams of names and investors (see ProjectSearch): Chinese queries are often
    -- two characters, which trigram indexes cannot serve.
    search_tokens           text[] NOT NULL DEFAULT '{}',
    search_text             text NOT NULL DEFAULT '',
    seed_key                text UNIQUE,
    version                 integer NOT NULL DEFAULT 1,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    deleted_at              timestamptz,
    CHECK ((amount IS NULL) = (amount_qualifier IS NULL)),
    CHECK ((effective_amount IS NULL) = (effective_qualifier IS NULL)),
    CHECK ((signed_on IS NULL) = (signed_on_precision IS NULL)),
    CHECK ((started_on IS NULL) = (started_on_precision IS NULL)),
    CHECK ((completed_on IS NULL) = (completed_on_precision IS NULL)),
    CHECK (status <> 'started' OR started_on IS NOT NULL),
    CHECK (status <> 'completed' OR completed_on IS NOT NULL)
);

CREATE UNIQUE INDEX projects_project_code ON projects (project_code) WHERE project_code IS NOT NULL;
CREATE INDEX projects_place_name ON projects (place_code, normalized_name) WHERE deleted_at IS NULL;
CREATE INDEX projects_search_tokens ON projects USING gin (search_tokens) WHERE deleted_at IS NULL;
CREATE INDEX projects_updated_at ON projects (updated_at, id);
CREATE INDEX projects_place_status_signed ON projects (place_code, status, coalesce(signed_on, '-infinity'::date), id) WHERE deleted_at IS NULL;
CREATE INDEX projects_signed_on ON projects (coalesce(signed_on, '-infinity'::date), id) WHERE deleted_at IS NULL;
CREATE INDEX projects_started_on ON projects (coalesce(started_on, '-infinity'::date), id) WHERE deleted_at IS NULL;
CREATE INDEX projects_amount ON projects (coalesce(effective_amount, -1), id) WHERE deleted_at IS NULL;
CREATE INDEX projects_name ON projects (name_zh, id) WHERE deleted_at IS NULL;
CREATE INDEX projects_sector ON projects (sector_code) WHERE deleted_at IS NULL;
CREATE INDEX projects_park ON projects (park_code) WHERE park_code IS NOT NULL AND deleted_at IS NULL;

-- What happened to a project: creation, each status change (with its date; corrections marked),
-- deletion. Never updated.
CREATE TYPE project_event AS ENUM ('created', 'status_changed', 'corrected', 'deleted');

CREATE TABLE project_history (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id          bigint NOT NULL REFERENCES projects (id),
    event               project_event NOT NULL,
    from_status         project_status,
    to_status           project_status,
    status_date         date,
    status_date_precision date_precision,
    note                text CHECK (length(note) <= 2000),
    actor               text,
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    CHECK ((status_date IS NULL) = (status_date_precision IS NULL))
);

CREATE INDEX project_history_project ON project_history (project_id, id);

-- Where a project's facts come from: which document, where in it, and which facts.
CREATE TABLE project_sources (
    project_id    bigint NOT NULL REFERENCES projects (id),
    document_code text NOT NULL REFERENCES documents (code),
    locator       text NOT NULL CHECK (length(locator) BETWEEN 1 AND 300),
    facts         text[] NOT NULL DEFAULT '{}',
    PRIMARY KEY (project_id, document_code, locator)
);
