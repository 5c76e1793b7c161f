-- API keys: only a keyed hash of each key is stored; the key itself is shown once, when created.
CREATE TYPE api_role AS ENUM ('viewer', 'editor', 'admin');

CREATE TABLE api_keys (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The public part of the key (pt_<lookup>_<secret>): finds the row without scanning hashes.
    lookup        text NOT NULL UNIQUE CHECK (lookup ~ '^[a-z2-7]{10}$'),
    hash          bytea NOT NULL CHECK (length(hash) = 32),
    name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    role          api_role NOT NULL,
    -- Place codes an editor may change; empty means everywhere.
    place_codes   text[] NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text NOT NULL,
    revoked_at    timestamptz,
    revoked_by    text
);

-- Every write, in the transaction of the write: who, when, what (before and after), which request.
CREATE TABLE audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    actor_key_id  bigint REFERENCES api_keys (id),
    actor_name    text NOT NULL,
    action        text NOT NULL,
    entity_type   text NOT NULL,
    entity_id     bigint,
    before        jsonb,
    after         jsonb,
    request_id    text
);

CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);
CREATE INDEX audit_log_recorded_at ON audit_log (recorded_at, id);
CREATE INDEX audit_log_actor ON audit_log (actor_name, id);

-- The trail is append-only for everyone, the API's own role included.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
