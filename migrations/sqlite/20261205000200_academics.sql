-- Academic planning: the district's course catalog (what planning needs
-- beyond the roster's courses) and each student's transcript (imported from
-- the student information system or typed by hand for transfer credit).
-- Credits are stored in hundredths (0.5 credit = 50), so sums are exact.

CREATE TABLE catalog_courses (
    id             BLOB PRIMARY KEY NOT NULL,
    district_id    BLOB NOT NULL REFERENCES orgs (id),
    code           TEXT NOT NULL,
    title          TEXT NOT NULL,
    credits        INTEGER NOT NULL CHECK (credits >= 0),
    term_length    TEXT NOT NULL,
    subject_area   TEXT NOT NULL,
    tags           TEXT NOT NULL DEFAULT '',
    sced           TEXT,
    rigor          TEXT NOT NULL,
    grade_min      INTEGER NOT NULL,
    grade_max      INTEGER NOT NULL,
    prerequisites  TEXT NOT NULL DEFAULT '',
    pathways       TEXT NOT NULL DEFAULT '',
    core           BOOLEAN NOT NULL DEFAULT FALSE,
    repeatable     BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX catalog_courses_district_id_code_uq ON catalog_courses (district_id, code);

CREATE TABLE transcript_entries (
    id                 BLOB PRIMARY KEY NOT NULL,
    district_id        BLOB NOT NULL REFERENCES orgs (id),
    student_id         BLOB NOT NULL REFERENCES students (person_id),
    course_code        TEXT NOT NULL,
    title              TEXT NOT NULL DEFAULT '',
    school_year        INTEGER NOT NULL,
    term               TEXT NOT NULL,
    grade_level        INTEGER,
    -- NULL while the course is under way.
    mark               TEXT,
    credits_attempted  INTEGER NOT NULL CHECK (credits_attempted >= 0),
    credits_earned     INTEGER NOT NULL CHECK (credits_earned >= 0),
    rigor              TEXT NOT NULL,
    -- For a course not in the catalog (transfer credit).
    subject_area       TEXT,
    source             TEXT NOT NULL CHECK (source IN ('import', 'transfer')),
    recorded_by        BLOB REFERENCES persons (id),
    updated_at         TEXT NOT NULL
);
CREATE UNIQUE INDEX transcript_entries_student_id_course_code_school_year_term_uq
    ON transcript_entries (student_id, course_code, school_year, term);
