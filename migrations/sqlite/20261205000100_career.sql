-- Career development: the O*NET occupation reference data (shared by every
-- district, replaced by `ssp career load`), the district's own pathways, and
-- each student's inventories, saved careers, exploration log and
-- postsecondary plan.

CREATE TABLE occupations (
    code            TEXT PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    job_zone        INTEGER CHECK (job_zone BETWEEN 1 AND 5),
    -- The six occupational-interest ratings (1–7) in RIASEC order, or NULL
    -- when O*NET has none for this occupation.
    interest_r      REAL,
    interest_i      REAL,
    interest_a      REAL,
    interest_s      REAL,
    interest_e      REAL,
    interest_c      REAL,
    -- The high-point code, e.g. 'SIA' ('' when none).
    high_points     TEXT NOT NULL DEFAULT '',
    legacy_cluster  TEXT NOT NULL,
    cluster_2024    TEXT NOT NULL
);
CREATE INDEX occupations_zone_idx ON occupations (job_zone);

-- Alternate titles, lower-cased for search ("nurse", "coder", "vet").
CREATE TABLE occupation_titles (
    -- No foreign key: a newer O*NET release may retire a code; the page
    -- then says so instead of losing what the student saved.
    code         TEXT NOT NULL,
    title        TEXT NOT NULL,
    title_lower  TEXT NOT NULL
);
CREATE INDEX occupation_titles_code_idx ON occupation_titles (code);

CREATE TABLE occupation_related (
    code          TEXT NOT NULL REFERENCES occupations (code),
    related_code  TEXT NOT NULL,
    tier          TEXT NOT NULL,
    rank          INTEGER NOT NULL,
    PRIMARY KEY (code, related_code)
);

CREATE TABLE job_zones (
    zone        INTEGER PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    experience  TEXT NOT NULL,
    education   TEXT NOT NULL,
    training    TEXT NOT NULL,
    examples    TEXT NOT NULL
);

-- Each load of O*NET data: which release, when, and what changed.
CREATE TABLE occupation_loads (
    id           BLOB PRIMARY KEY NOT NULL,
    release      TEXT NOT NULL,
    loaded_at    TEXT NOT NULL,
    occupations  INTEGER NOT NULL,
    added        INTEGER NOT NULL,
    removed      INTEGER NOT NULL,
    changed      INTEGER NOT NULL,
    summary      TEXT NOT NULL
);

-- The district's own pathways and academies, linked to clusters.
CREATE TABLE career_pathways (
    id              BLOB PRIMARY KEY NOT NULL,
    district_id     BLOB NOT NULL REFERENCES orgs (id),
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    legacy_cluster  TEXT,
    cluster_2024    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX career_pathways_district_id_name_uq ON career_pathways (district_id, name);

-- One interest inventory per student and school year; `answers` holds one
-- character per item ('0'–'4', '-' not yet answered).
CREATE TABLE career_inventories (
    id            BLOB PRIMARY KEY NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    student_id    BLOB NOT NULL REFERENCES students (person_id),
    school_year   INTEGER NOT NULL,
    answers       TEXT NOT NULL,
    started_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    completed_at  TEXT
);
CREATE UNIQUE INDEX career_inventories_student_id_school_year_uq ON career_inventories (student_id, school_year);

-- Work values (one character per statement, '1'–'4' or '-') and strengths
-- (one per strength), the latest answers: the student revisits them.
CREATE TABLE career_self_ratings (
    student_id    BLOB PRIMARY KEY NOT NULL REFERENCES students (person_id),
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    work_values   TEXT NOT NULL DEFAULT '',
    strengths     TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);

CREATE TABLE saved_careers (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    -- No foreign key: a newer O*NET release may retire a code; the page
    -- then says so instead of losing what the student saved.
    code         TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    saved_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX saved_careers_student_id_code_uq ON saved_careers (student_id, code);

CREATE TABLE career_explorations (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    kind         TEXT NOT NULL CHECK (kind IN ('career_fair', 'job_shadow', 'informational_interview', 'research', 'visit')),
    occurred_on  TEXT NOT NULL,
    title        TEXT NOT NULL,
    code         TEXT,
    reflection   TEXT NOT NULL DEFAULT '',
    goal_id      BLOB REFERENCES goals (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX career_explorations_student_idx ON career_explorations (student_id, occurred_on);

-- The postsecondary plan (grades 9–12): intended paths, programs with
-- their status, key steps (shipped templates marked done, or the
-- student's own), and counselors' comments.
CREATE TABLE postsecondary_plans (
    student_id   BLOB PRIMARY KEY NOT NULL REFERENCES students (person_id),
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    paths        TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
);

CREATE TABLE postsecondary_programs (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    name         TEXT NOT NULL,
    path         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('researching', 'applying', 'applied', 'accepted', 'enrolled')),
    note         TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
);
CREATE INDEX postsecondary_programs_student_idx ON postsecondary_programs (student_id);

CREATE TABLE postsecondary_steps (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    -- A shipped step's key, or NULL for the student's own step.
    step_key     TEXT,
    title        TEXT NOT NULL DEFAULT '',
    due_on       TEXT NOT NULL,
    done_on      TEXT,
    updated_at   TEXT NOT NULL
);
CREATE INDEX postsecondary_steps_student_idx ON postsecondary_steps (student_id, due_on);

CREATE TABLE postsecondary_comments (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    author_id    BLOB NOT NULL REFERENCES persons (id),
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX postsecondary_comments_student_idx ON postsecondary_comments (student_id, created_at);
