-- Students who need support (issue 17): indicator data with its as-of date
-- and source, the district's early-warning settings, and the flags the
-- rules raise with their owner, next step and history.

-- Attendance this school year: one current row per student and school year
-- (a load replaces it).
CREATE TABLE attendance_readings (
    student_id     BLOB NOT NULL REFERENCES students (person_id),
    school_year    INTEGER NOT NULL,
    district_id    BLOB NOT NULL REFERENCES orgs (id),
    days_enrolled  INTEGER NOT NULL,
    excused        INTEGER NOT NULL,
    unexcused      INTEGER NOT NULL,
    disciplinary   INTEGER NOT NULL,
    as_of          TEXT NOT NULL,
    source         TEXT NOT NULL,
    loaded_at      TEXT NOT NULL,
    PRIMARY KEY (student_id, school_year)
);

-- Behaviour this school year: incidents and suspension days.
CREATE TABLE behaviour_readings (
    student_id      BLOB NOT NULL REFERENCES students (person_id),
    school_year     INTEGER NOT NULL,
    district_id     BLOB NOT NULL REFERENCES orgs (id),
    incidents       INTEGER NOT NULL,
    iss_days        INTEGER NOT NULL,
    oss_days        INTEGER NOT NULL,
    as_of           TEXT NOT NULL,
    source          TEXT NOT NULL,
    loaded_at       TEXT NOT NULL,
    PRIMARY KEY (student_id, school_year)
);

-- Course marks by term: one per student, course and term end.
CREATE TABLE course_marks (
    student_id    BLOB NOT NULL REFERENCES students (person_id),
    course_code   TEXT NOT NULL,
    term_ends_on  TEXT NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    subject       TEXT NOT NULL,
    term_length   TEXT NOT NULL,
    failing       BOOLEAN NOT NULL,
    as_of         TEXT NOT NULL,
    source        TEXT NOT NULL,
    loaded_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX course_marks_student_id_course_code_term_ends_on_uq ON course_marks (student_id, course_code, term_ends_on);

-- A district's thresholds (the national defaults when it has no row) and
-- its routing: `kind=role` pairs separated by `;` (unrouted kinds go to the
-- plan manager). Credits and GPA points are hundredths.
CREATE TABLE support_settings (
    district_id              BLOB PRIMARY KEY NOT NULL REFERENCES orgs (id),
    chronic_absence_percent  INTEGER NOT NULL,
    min_days_enrolled        INTEGER NOT NULL,
    suspension_days          INTEGER NOT NULL,
    low_gpa                  INTEGER NOT NULL,
    stale_after_days         INTEGER NOT NULL,
    grade9_min_credits       INTEGER NOT NULL,
    grade9_max_core_fs       INTEGER NOT NULL,
    routing                  TEXT NOT NULL DEFAULT '',
    updated_by               BLOB REFERENCES persons (id),
    updated_at               TEXT NOT NULL
);

-- One flag per student and kind: cleared by the system when the data no
-- longer meets the rule, reopened when it does again. `evidence` is the
-- numbers behind it (JSON); `as_of`/`source`/`stale` the data's.
CREATE TABLE flags (
    id              BLOB PRIMARY KEY NOT NULL,
    district_id     BLOB NOT NULL REFERENCES orgs (id),
    school_id       BLOB NOT NULL REFERENCES orgs (id),
    student_id      BLOB NOT NULL REFERENCES students (person_id),
    kind            TEXT NOT NULL,
    status          TEXT NOT NULL,
    rule            TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    as_of           TEXT NOT NULL,
    source          TEXT NOT NULL,
    stale           BOOLEAN NOT NULL,
    owner_id        BLOB NOT NULL REFERENCES persons (id),
    owner_basis     TEXT NOT NULL,
    next_step       TEXT NOT NULL,
    next_step_due   TEXT NOT NULL,
    resolved_note   TEXT,
    opened_at       TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX flags_student_id_kind_uq ON flags (student_id, kind);
CREATE INDEX flags_owner_idx ON flags (owner_id, status, next_step_due);
CREATE INDEX flags_school_idx ON flags (school_id, status, next_step_due);

-- A flag's history: every move, owner change and next step.
CREATE TABLE flag_events (
    id           BLOB PRIMARY KEY NOT NULL,
    flag_id      BLOB NOT NULL REFERENCES flags (id),
    at           TEXT NOT NULL,
    actor_id     BLOB REFERENCES persons (id),
    event        TEXT NOT NULL,
    status       TEXT NOT NULL,
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX flag_events_flag_idx ON flag_events (flag_id, at);
