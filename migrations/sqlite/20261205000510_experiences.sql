-- Experiences outside the classroom (work-based learning, community
-- service, extracurriculars, dual credit, out-of-school programs), the hours
-- logged on them, and the single-use links a supervisor uses to confirm
-- the hours without an account (only the token's SHA-256 is stored).
CREATE TABLE experiences (
    id                BLOB PRIMARY KEY NOT NULL,
    district_id       BLOB NOT NULL REFERENCES orgs (id),
    student_id        BLOB NOT NULL REFERENCES students (person_id),
    kind              TEXT NOT NULL,
    organisation      TEXT NOT NULL,
    supervisor_name   TEXT NOT NULL,
    supervisor_email  TEXT,
    start_on          TEXT NOT NULL,
    end_on            TEXT,
    reflection        TEXT NOT NULL DEFAULT '',
    -- Competency keys, comma-separated ("casel:self_management,p21:communication").
    competencies      TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX experiences_student_idx ON experiences (student_id, start_on);

CREATE TABLE hours_verification_links (
    id             BLOB PRIMARY KEY NOT NULL,
    district_id    BLOB NOT NULL REFERENCES orgs (id),
    student_id     BLOB NOT NULL REFERENCES students (person_id),
    experience_id  BLOB NOT NULL REFERENCES experiences (id),
    -- Hex SHA-256 of the token.
    token_hash     TEXT NOT NULL,
    sent_to        TEXT NOT NULL,
    -- 'email' (queued in the outbox) or 'link' (shown to copy).
    channel        TEXT NOT NULL CHECK (channel IN ('email', 'link')),
    created_by     BLOB NOT NULL REFERENCES persons (id),
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_at        TEXT,
    response       TEXT CHECK (response IN ('confirmed', 'declined')),
    response_note  TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX hours_verification_links_token_hash_uq ON hours_verification_links (token_hash);
CREATE INDEX hours_verification_links_experience_idx ON hours_verification_links (experience_id, created_at);
CREATE INDEX hours_verification_links_student_idx ON hours_verification_links (student_id, created_at);

CREATE TABLE experience_hours (
    id              BLOB PRIMARY KEY NOT NULL,
    district_id     BLOB NOT NULL REFERENCES orgs (id),
    student_id      BLOB NOT NULL REFERENCES students (person_id),
    experience_id   BLOB NOT NULL REFERENCES experiences (id),
    worked_on       TEXT NOT NULL,
    -- Hundredths of an hour, in quarter-hour steps (150 is 1.5 hours).
    hundredths      INTEGER NOT NULL CHECK (hundredths > 0 AND hundredths <= 2400),
    note            TEXT NOT NULL DEFAULT '',
    -- The latest link that listed this entry while it was unverified.
    link_id         BLOB REFERENCES hours_verification_links (id),
    verified_by     TEXT CHECK (verified_by IN ('supervisor', 'staff')),
    verified_at     TEXT,
    -- The staff member who verified, or the supervisor's email.
    verifier_id     BLOB REFERENCES persons (id),
    verifier_email  TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX experience_hours_student_idx ON experience_hours (student_id, worked_on);
CREATE INDEX experience_hours_experience_idx ON experience_hours (experience_id, worked_on);
CREATE INDEX experience_hours_link_idx ON experience_hours (link_id);
