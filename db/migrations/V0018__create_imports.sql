-- Spreadsheet imports: each upload's progress, outcome and the first errors found, for
-- GET /api/imports/{id}. The rows themselves are written by binary COPY in one transaction.
CREATE TYPE import_state AS ENUM ('queued', 'validating', 'writing', 'succeeded', 'rejected', 'failed');

CREATE TABLE imports (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name         text NOT NULL,
    format            text NOT NULL,
    file_sha256       bytea NOT NULL,
    file_bytes        bigint NOT NULL,
    mode              text NOT NULL,
    allow_duplicates  boolean NOT NULL,
    state             import_state NOT NULL DEFAULT 'queued',
    rows_total        integer,
    rows_processed    integer NOT NULL DEFAULT 0,
    rows_written      integer NOT NULL DEFAULT 0,
    error_count       integer NOT NULL DEFAULT 0,
    errors            jsonb NOT NULL DEFAULT '[]',
    failure           text,
    api_key_id        bigint REFERENCES api_keys (id),
    actor_name        text NOT NULL,
    place_codes       text[] NOT NULL DEFAULT '{}',
    request_id        text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    finished_at       timestamptz
);

CREATE INDEX imports_unfinished ON imports (updated_at) WHERE state IN ('queued', 'validating', 'writing');
