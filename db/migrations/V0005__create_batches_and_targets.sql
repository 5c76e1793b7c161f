-- Figures the documents report for a group of projects: a concentrated groundbreaking (集中开工)
-- or signing (集中签约) on a day, or a period's total ("110 signed projects, over 2100 亿元, in 2024").
-- Dashboards set them beside what the itemised projects linked to them add up to.
CREATE TYPE batch_kind AS ENUM ('signing', 'groundbreaking', 'completion');

CREATE TABLE batches (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                     text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    kind                     batch_kind NOT NULL,
    title                    text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    place_code               text NOT NULL REFERENCES places (code),
    -- The day of an event, or the span of a period total; unknown when the document does not say.
    period_start             date,
    period_end               date,
    reported_project_count   integer CHECK (reported_project_count >= 0),
    reported_amount          numeric CHECK (reported_amount > 0 AND scale(reported_amount) <= 4),
    reported_qualifier       amount_qualifier,
    currency                 currency NOT NULL DEFAULT 'CNY',
    -- "亿元以上项目": the reported figure covers only projects of at least this amount (亿).
    min_project_amount       numeric CHECK (min_project_amount > 0),
    document_code            text REFERENCES documents (code),
    locator                  text,
    notes                    text,
    seed_key                 text UNIQUE,
    created_at               timestamptz NOT NULL DEFAULT now(),
    CHECK ((period_start IS NULL) = (period_end IS NULL) AND period_end >= period_start),
    CHECK ((reported_amount IS NULL) = (reported_qualifier IS NULL))
);

CREATE TABLE batch_breakdown (
    batch_id        bigint NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    sector_code     text NOT NULL REFERENCES sectors (code),
    project_count   integer CHECK (project_count >= 0),
    amount          numeric CHECK (amount > 0 AND scale(amount) <= 4),
    qualifier       amount_qualifier,
    PRIMARY KEY (batch_id, sector_code),
    CHECK ((amount IS NULL) = (qualifier IS NULL))
);

CREATE TABLE batch_projects (
    batch_id   bigint NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    project_id bigint NOT NULL REFERENCES projects (id),
    PRIMARY KEY (batch_id, project_id)
);

CREATE INDEX batch_projects_project ON batch_projects (project_id);

-- Yearly targets (e.g. at least 15 new-energy projects and 200 亿元 in 2024), compared on the
-- dashboard with the figure computed from the projects.
CREATE TYPE target_measure AS ENUM (
    'signed_count', 'signed_amount', 'started_count', 'started_amount', 'completed_count', 'completed_amount');

CREATE TABLE targets (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    place_code          text NOT NULL REFERENCES places (code),
    park_code           text REFERENCES parks (code),
    sector_code         text REFERENCES sectors (code),
    year                integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    measure             target_measure NOT NULL,
    -- Counts only projects of at least this amount (亿), as in "亿元以上项目40个".
    min_project_amount  numeric CHECK (min_project_amount > 0),
    target_value        numeric NOT NULL CHECK (target_value > 0 AND scale(target_value) <= 4),
    qualifier           amount_qualifier NOT NULL DEFAULT 'exact',
    title               text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    document_code       text REFERENCES documents (code),
    locator             text,
    seed_key            text UNIQUE,
    version             integer NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX targets_year_place ON targets (year, place_code);
