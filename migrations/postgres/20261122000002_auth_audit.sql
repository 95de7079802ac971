-- Sign-in accounts, server-side sessions, failed-sign-in back-off, and the
-- append-only audit log.

CREATE TABLE accounts (
    id               UUID PRIMARY KEY NOT NULL,
    person_id        UUID NOT NULL UNIQUE REFERENCES persons (id),
    username         TEXT NOT NULL,
    email            TEXT,
    password_hash    TEXT NOT NULL,
    ui_language      TEXT,
    disabled         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    last_sign_in_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX accounts_username_uq ON accounts (username);
CREATE UNIQUE INDEX accounts_email_uq ON accounts (email) WHERE email IS NOT NULL;

-- The cookie holds a random token; only its SHA-256 is stored, so a copy
-- of the database does not hand out live sessions.
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    account_id    UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    csrf_token    TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_account_idx ON sessions (account_id);

-- Keyed by the lower-cased login name as typed, whether or not an account
-- has it, so the back-off reveals nothing about which accounts exist.
CREATE TABLE sign_in_failures (
    login         TEXT PRIMARY KEY NOT NULL,
    failures      BIGINT NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);

-- No foreign keys: the log outlives the records it names.
CREATE TABLE audit_events (
    id               UUID PRIMARY KEY NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    district_id      UUID,
    actor_person_id  UUID,
    action           TEXT NOT NULL,
    student_id       UUID,
    record_kind      TEXT,
    record_id        TEXT,
    request_id       TEXT,
    detail           TEXT
);
CREATE INDEX audit_events_student_idx ON audit_events (student_id, at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_person_id, at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
