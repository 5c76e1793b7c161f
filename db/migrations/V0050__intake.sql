-- Intake (issue #17): a document's text as submitted, and what the extractor found in it — draft projects and reported
-- batches, each with the exact words it comes from — waiting for a person to accept (a project or an event is
-- written through the API's own write path) or reject them. The document itself is registered in `documents`, the
-- same registry the seeds use, so an accepted project's source (/api/projects/{id}/sources) names it.
CREATE TYPE intake_state AS ENUM ('pending', 'accepted', 'rejected');

CREATE SEQUENCE intake_document_codes;

CREATE TABLE intake_documents (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_code text NOT NULL UNIQUE REFERENCES documents (code),
    text          text NOT NULL CHECK (length(text) BETWEEN 1 AND 500000),
    source        text CHECK (length(source) <= 2000),
    submitted_by  text NOT NULL,
    submitted_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE intake_drafts (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id    bigint NOT NULL REFERENCES intake_documents (id),
    position       integer NOT NULL CHECK (position >= 0),
    -- The project as the extractor read it, in the shape POST /api/projects takes.
    project        jsonb NOT NULL,
    quote_start    integer NOT NULL CHECK (quote_start >= 0),
    quote_end      integer NOT NULL CHECK (quote_end > quote_start),
    -- The quoted words themselves: offsets count UTF-16 code units (as browsers do), which substr() does not.
    quote_text     text NOT NULL,
    mentions       jsonb NOT NULL DEFAULT '[]',
    confidence     numeric(3, 2) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    uncertainties  text[] NOT NULL DEFAULT '{}',
    -- The draft's place as read (null when the text names none): lists filter on it and editors' scope checks it.
    place_code     text REFERENCES places (code),
    state          intake_state NOT NULL DEFAULT 'pending',
    project_id     bigint REFERENCES projects (id),
    reason         text CHECK (length(reason) <= 2000),
    decided_by     text,
    decided_at     timestamptz,
    UNIQUE (document_id, position),
    CHECK ((state = 'accepted') = (project_id IS NOT NULL)),
    CHECK ((state = 'pending') = (decided_at IS NULL))
);

CREATE INDEX intake_drafts_state_place ON intake_drafts (state, place_code, id);

CREATE TABLE intake_batches (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id    bigint NOT NULL REFERENCES intake_documents (id),
    position       integer NOT NULL CHECK (position >= 0),
    -- The reported figures as read: kind, date, district, count, amount, breakdown, uncertainties.
    batch          jsonb NOT NULL,
    quote_start    integer NOT NULL CHECK (quote_start >= 0),
    quote_end      integer NOT NULL CHECK (quote_end > quote_start),
    quote_text     text NOT NULL,
    draft_ids      bigint[] NOT NULL DEFAULT '{}',
    place_code     text REFERENCES places (code),
    state          intake_state NOT NULL DEFAULT 'pending',
    event_id       bigint REFERENCES batches (id),
    reason         text CHECK (length(reason) <= 2000),
    decided_by     text,
    decided_at     timestamptz,
    UNIQUE (document_id, position),
    CHECK ((state = 'accepted') = (event_id IS NOT NULL)),
    CHECK ((state = 'pending') = (decided_at IS NULL))
);

