-- The capstone project (issue 16): a student's proposal (question, plan,
-- mentor), staff approval, milestones with mentor feedback, final products,
-- the presentation with its named panel, each panelist's rubric sheet and
-- the result. One capstone is open per student at a time (a withdrawn one
-- is kept, and a new one may start); a reopen after "not passed" keeps the
-- row and counts the attempt, so earlier attempts' sheets and results stay.
CREATE TABLE capstones (
    id               BLOB PRIMARY KEY NOT NULL,
    district_id      BLOB NOT NULL REFERENCES orgs (id),
    student_id       BLOB NOT NULL REFERENCES students (person_id),
    attempt          INTEGER NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    status           TEXT NOT NULL CHECK (status IN ('draft', 'proposed', 'returned', 'approved', 'ready_to_present',
                                                     'presented', 'passed', 'not_passed', 'withdrawn')),
    question         TEXT NOT NULL DEFAULT '',
    plan             TEXT NOT NULL DEFAULT '',
    mentor_name      TEXT NOT NULL DEFAULT '',
    mentor_email     TEXT,
    -- Staff's comment when the proposal was last returned.
    return_comment   TEXT NOT NULL DEFAULT '',
    presentation_on  TEXT,
    -- The district's rubric (JSON) as it stood when the capstone was
    -- presented: the panel scores against it even if the district edits it.
    rubric           TEXT,
    decided_by       BLOB REFERENCES persons (id),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX capstones_student_idx ON capstones (student_id, created_at);

CREATE TABLE capstone_milestones (
    id           BLOB PRIMARY KEY NOT NULL,
    capstone_id  BLOB NOT NULL REFERENCES capstones (id),
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    title        TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    done_on      TEXT,
    -- The mentor's feedback, typed by staff or the mentor on the team.
    feedback     TEXT NOT NULL DEFAULT '',
    feedback_by  BLOB REFERENCES persons (id),
    added_by     BLOB NOT NULL REFERENCES persons (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX capstone_milestones_capstone_idx ON capstone_milestones (capstone_id, due_on);

-- Final products: an artifact of the student's portfolio (its id; no
-- foreign key yet, the artifacts table lands with the portfolio) or a
-- link with a title.
CREATE TABLE capstone_products (
    id           BLOB PRIMARY KEY NOT NULL,
    capstone_id  BLOB NOT NULL REFERENCES capstones (id),
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    artifact_id  BLOB,
    title        TEXT NOT NULL DEFAULT '',
    url          TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX capstone_products_capstone_id_artifact_id_uq ON capstone_products (capstone_id, artifact_id);

-- The panel of an attempt, named when the presentation is scheduled, and
-- each panelist's sheet once entered: the level (1 = lowest) per criterion
-- of the capstone's rubric, comma-separated.
CREATE TABLE capstone_panelists (
    id           BLOB PRIMARY KEY NOT NULL,
    capstone_id  BLOB NOT NULL REFERENCES capstones (id),
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    attempt      INTEGER NOT NULL,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    levels       TEXT,
    entered_by   BLOB REFERENCES persons (id),
    entered_at   TEXT
);
CREATE UNIQUE INDEX capstone_panelists_capstone_id_attempt_position_uq ON capstone_panelists (capstone_id, attempt, position);

-- Each scored attempt's result (means in hundredths of a point).
CREATE TABLE capstone_results (
    capstone_id  BLOB NOT NULL REFERENCES capstones (id),
    attempt      INTEGER NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    passed       BOOLEAN NOT NULL,
    overall      INTEGER NOT NULL,
    -- Each criterion's mean, comma-separated, in rubric order.
    criterion_means TEXT NOT NULL,
    recorded_by  BLOB NOT NULL REFERENCES persons (id),
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (capstone_id, attempt)
);

-- A district's capstone rubric (criteria, levels, pass rule) as JSON,
-- parsed by the domain on every read; none: the shipped default.
CREATE TABLE capstone_rubrics (
    district_id  BLOB PRIMARY KEY NOT NULL REFERENCES orgs (id),
    rubric       TEXT NOT NULL,
    updated_by   BLOB REFERENCES persons (id),
    updated_at   TEXT NOT NULL
);
