-- Email outbox, one-time account links (invitations, password resets),
-- two-factor sign-in, the per-address sign-in back-off and the district's
-- sign-in settings (issue 13, parts 4-7). See docs/EMAIL.md and
-- docs/SIGN-IN-passwords.md.

-- Every email ssp sends. Written in the same transaction as the change that
-- causes it; a background worker sends due rows over SMTP. A row is never
-- deleted before it is sent: `next_attempt_at` is pushed forward while a
-- worker holds it (a lease) and after each failure (back-off), so a crash
-- mid-send leaves a row that is sent again once the lease runs out.
CREATE TABLE outbox (
    id               UUID PRIMARY KEY NOT NULL,
    district_id      UUID,
    kind             TEXT NOT NULL,
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    sent_at          TIMESTAMPTZ
);
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Invitation and reset links: a random token (or a letter's code) of
-- which only the SHA-256 is stored. Single use (`used_at`), with an expiry.
CREATE TABLE account_tokens (
    token_hash   TEXT PRIMARY KEY NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('invitation', 'reset')),
    account_id   UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    district_id  UUID NOT NULL,
    email        TEXT,
    channel      TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'link')),
    created_by   UUID,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX account_tokens_account_idx ON account_tokens (account_id, kind);

-- Two-factor sign-in (TOTP, RFC 6238) and its recovery codes.
ALTER TABLE accounts ADD COLUMN email_confirmed_at TIMESTAMPTZ;
ALTER TABLE accounts ADD COLUMN totp_secret TEXT;
ALTER TABLE accounts ADD COLUMN totp_enabled_at TIMESTAMPTZ;
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;

CREATE TABLE mfa_recovery_codes (
    account_id  UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    code_hash   TEXT NOT NULL,
    used_at     TIMESTAMPTZ,
    PRIMARY KEY (account_id, code_hash)
);

-- The step between a right password and a session for an account that
-- needs a second factor: a cookie token (SHA-256 stored), a few minutes,
-- a few tries.
CREATE TABLE mfa_challenges (
    token_hash  TEXT PRIMARY KEY NOT NULL,
    account_id  UUID NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    created_at  TIMESTAMPTZ NOT NULL,
    attempts    BIGINT NOT NULL DEFAULT 0,
    pending_secret TEXT
);

-- Failed sign-ins and reset requests counted per client address, beside
-- the per-login-name table, so one address cannot try many names.
CREATE TABLE sign_in_address_failures (
    address       TEXT PRIMARY KEY NOT NULL,
    failures      BIGINT NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);

-- A district's sign-in settings.
CREATE TABLE district_auth_settings (
    district_id      UUID PRIMARY KEY NOT NULL REFERENCES orgs (id),
    require_staff_mfa BOOLEAN NOT NULL DEFAULT FALSE,
    invitation_days  BIGINT NOT NULL DEFAULT 14,
    updated_by       UUID,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- "Invite all families of this school": one row per run, worked through
-- by the background worker a page of guardians at a time.
CREATE TABLE invitation_batches (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL,
    school_id    UUID NOT NULL REFERENCES orgs (id),
    created_by   UUID NOT NULL,
    request_id   TEXT NOT NULL,
    total        BIGINT NOT NULL,
    done         BIGINT NOT NULL DEFAULT 0,
    invited      BIGINT NOT NULL DEFAULT 0,
    skipped      BIGINT NOT NULL DEFAULT 0,
    last_guardian UUID,
    created_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ
);
CREATE INDEX invitation_batches_school_idx ON invitation_batches (school_id, created_at);
