-- Core model: organisations, sessions, courses, classes, people, students,
-- guardians, staff, enrollments. Ids are UUIDv7 (BLOB on SQLite, UUID
-- here); times are UTC. Every table with student data has district_id.

CREATE TABLE orgs (
    id            BLOB PRIMARY KEY NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('state', 'district', 'school')),
    parent_id     BLOB REFERENCES orgs (id),
    district_id   BLOB REFERENCES orgs (id),
    name          TEXT NOT NULL,
    identifier    TEXT,
    school_level  TEXT CHECK (school_level IN ('middle', 'high')),
    source_id     TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX orgs_source_uq ON orgs (district_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX orgs_parent_idx ON orgs (parent_id);

CREATE TABLE academic_sessions (
    id            BLOB PRIMARY KEY NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    source_id     TEXT,
    title         TEXT NOT NULL,
    session_type  TEXT NOT NULL CHECK (session_type IN ('schoolYear', 'semester', 'term', 'gradingPeriod')),
    start_date    TEXT NOT NULL,
    end_date      TEXT NOT NULL,
    parent_id     BLOB REFERENCES academic_sessions (id),
    school_year   INTEGER NOT NULL,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX academic_sessions_source_uq ON academic_sessions (district_id, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE courses (
    id            BLOB PRIMARY KEY NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    source_id     TEXT,
    org_id        BLOB NOT NULL REFERENCES orgs (id),
    title         TEXT NOT NULL,
    course_code   TEXT,
    grades        TEXT,
    subjects      TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX courses_source_uq ON courses (district_id, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE classes (
    id            BLOB PRIMARY KEY NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    source_id     TEXT,
    course_id     BLOB NOT NULL REFERENCES courses (id),
    school_id     BLOB NOT NULL REFERENCES orgs (id),
    title         TEXT NOT NULL,
    class_code    TEXT,
    class_type    TEXT NOT NULL DEFAULT 'scheduled' CHECK (class_type IN ('homeroom', 'scheduled')),
    periods       TEXT,
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX classes_source_uq ON classes (district_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX classes_school_idx ON classes (school_id);

CREATE TABLE class_sessions (
    class_id             BLOB NOT NULL REFERENCES classes (id),
    academic_session_id  BLOB NOT NULL REFERENCES academic_sessions (id),
    PRIMARY KEY (class_id, academic_session_id)
);

CREATE TABLE persons (
    id                  BLOB PRIMARY KEY NOT NULL,
    district_id         BLOB NOT NULL REFERENCES orgs (id),
    source_id           TEXT,
    given_name          TEXT NOT NULL,
    family_name         TEXT NOT NULL,
    preferred_name      TEXT,
    pronouns            TEXT,
    email               TEXT,
    phone               TEXT,
    preferred_language  TEXT NOT NULL DEFAULT 'en',
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
) WITHOUT ROWID;
CREATE UNIQUE INDEX persons_source_uq ON persons (district_id, source_id) WHERE source_id IS NOT NULL;

CREATE TABLE students (
    person_id         BLOB PRIMARY KEY NOT NULL REFERENCES persons (id),
    district_id       BLOB NOT NULL REFERENCES orgs (id),
    school_id         BLOB NOT NULL REFERENCES orgs (id),
    state_student_id  TEXT,
    local_id          TEXT,
    grade_level       INTEGER NOT NULL CHECK (grade_level BETWEEN 6 AND 12),
    graduation_year   INTEGER NOT NULL,
    birth_date        TEXT,
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX students_school_grade_idx ON students (school_id, grade_level);
CREATE UNIQUE INDEX students_state_id_uq ON students (state_student_id) WHERE state_student_id IS NOT NULL;
CREATE UNIQUE INDEX students_local_id_uq ON students (district_id, local_id) WHERE local_id IS NOT NULL;

CREATE TABLE guardian_links (
    id                  BLOB PRIMARY KEY NOT NULL,
    district_id         BLOB NOT NULL REFERENCES orgs (id),
    student_id          BLOB NOT NULL REFERENCES students (person_id),
    guardian_id         BLOB NOT NULL REFERENCES persons (id),
    relationship        TEXT NOT NULL CHECK (relationship IN ('parent', 'guardian', 'relative', 'other')),
    educational_rights  BOOLEAN NOT NULL,
    contact_language    TEXT NOT NULL DEFAULT 'en',
    household           INTEGER NOT NULL DEFAULT 1,
    status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (student_id, guardian_id)
);
CREATE INDEX guardian_links_guardian_idx ON guardian_links (guardian_id);

CREATE TABLE staff_assignments (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    person_id    BLOB NOT NULL REFERENCES persons (id),
    org_id       BLOB NOT NULL REFERENCES orgs (id),
    role         TEXT NOT NULL CHECK (role IN ('counselor', 'social_worker', 'nurse', 'family_partnership_specialist',
                     'community_school_coordinator', 'teacher', 'mentor_advisor', 'school_admin', 'district_admin')),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (person_id, org_id, role)
);
CREATE INDEX staff_assignments_org_idx ON staff_assignments (org_id, role);

CREATE TABLE enrollments (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    source_id    TEXT,
    class_id     BLOB NOT NULL REFERENCES classes (id),
    person_id    BLOB NOT NULL REFERENCES persons (id),
    role         TEXT NOT NULL CHECK (role IN ('student', 'teacher', 'aide')),
    is_primary   BOOLEAN NOT NULL DEFAULT FALSE,
    begin_date   TEXT,
    end_date     TEXT,
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX enrollments_source_uq ON enrollments (district_id, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX enrollments_person_idx ON enrollments (person_id);
CREATE INDEX enrollments_class_idx ON enrollments (class_id, role);
