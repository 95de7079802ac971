-- The portfolio: a student's work (a file, a link or a text), with its
-- description, reflection, plan domain, school year and competency tags.
-- A file's bytes live in the file store (object_store: the data directory
-- by default) under `file_key`; only its detected type, size and the name
-- it was uploaded with are here. A private artifact is seen by the student
-- and staff only and never goes into a showcase.
CREATE TABLE artifacts (
    id            BLOB PRIMARY KEY NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    student_id    BLOB NOT NULL REFERENCES students (person_id),
    kind          TEXT NOT NULL CHECK (kind IN ('file', 'link', 'text')),
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    reflection    TEXT NOT NULL DEFAULT '',
    domain        TEXT NOT NULL,
    school_year   INTEGER NOT NULL,
    -- Competency keys separated by commas.
    competencies  TEXT NOT NULL DEFAULT '',
    url           TEXT,
    body          TEXT,
    file_key      TEXT,
    file_name     TEXT,
    file_type     TEXT,
    file_bytes    INTEGER,
    has_thumbnail BOOLEAN NOT NULL DEFAULT FALSE,
    private       BOOLEAN NOT NULL DEFAULT FALSE,
    best_work     BOOLEAN NOT NULL DEFAULT FALSE,
    -- A goal of the student's plan this work is evidence for.
    goal_id       BLOB REFERENCES goals (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX artifacts_student_idx ON artifacts (student_id, created_at);
CREATE INDEX artifacts_goal_idx ON artifacts (goal_id);

-- A showcase: the artifacts a student chose to share through a link that
-- expires and can be revoked. Only the SHA-256 of the link's token is kept.
CREATE TABLE showcases (
    id            BLOB PRIMARY KEY NOT NULL,
    student_id    BLOB NOT NULL REFERENCES students (person_id),
    title         TEXT NOT NULL,
    token_hash    TEXT NOT NULL,
    expires_at    TEXT NOT NULL,
    revoked_at    TEXT,
    created_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX showcases_token_hash_uq ON showcases (token_hash);
CREATE INDEX showcases_student_idx ON showcases (student_id);

CREATE TABLE showcase_items (
    showcase_id   BLOB NOT NULL REFERENCES showcases (id),
    artifact_id   BLOB NOT NULL REFERENCES artifacts (id),
    position      INTEGER NOT NULL,
    PRIMARY KEY (showcase_id, artifact_id)
);

-- Each view of a showcase (the student sees when it was looked at).
CREATE TABLE showcase_views (
    showcase_id   BLOB NOT NULL REFERENCES showcases (id),
    viewed_at     TEXT NOT NULL
);
CREATE INDEX showcase_views_showcase_idx ON showcase_views (showcase_id);
