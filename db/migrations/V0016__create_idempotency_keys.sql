-- Answers to POST requests sent with an Idempotency-Key header, per API key: a retry with the same
-- key and the same request gets the stored answer instead of writing again.
CREATE TABLE idempotency_keys (
    api_key_id       bigint NOT NULL REFERENCES api_keys (id),
    idempotency_key  text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    request_hash     bytea NOT NULL,
    status_code      integer NOT NULL,
    content_type     text,
    location         text,
    etag             text,
    body             bytea NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (api_key_id, idempotency_key)
);

CREATE INDEX idempotency_keys_expires_at ON idempotency_keys (expires_at);
