-- The multi-year course plan (grades 8–12), versioned: the student edits a
-- draft, submits it, a counselor approves it or returns it with a comment,
-- a guardian acknowledges the approved plan. A change after approval starts
-- the next version, so "what changed since the approved version" can be shown.
CREATE TABLE course_plans (
    id               UUID PRIMARY KEY NOT NULL,
    district_id      UUID NOT NULL REFERENCES orgs (id),
    student_id       UUID NOT NULL REFERENCES students (person_id),
    version          INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
    -- One line per grade: "9=ENG9,ALG1".
    years            TEXT NOT NULL DEFAULT '',
    comment          TEXT NOT NULL DEFAULT '',
    decided_by       UUID REFERENCES persons (id),
    decided_at       TIMESTAMPTZ,
    acknowledged_by  UUID REFERENCES persons (id),
    acknowledged_at  TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX course_plans_student_id_version_uq ON course_plans (student_id, version);

-- Each student's academic standing as last computed (after a transcript
-- load, transfer credit or a course-plan change), so the caseload filters
-- by it in the database: on track to graduate (NULL: no transcript yet),
-- grade-9 on track, and where the course plan stands ('none' … 'approved').
CREATE TABLE academic_status (
    student_id       UUID PRIMARY KEY NOT NULL REFERENCES students (person_id),
    district_id      UUID NOT NULL REFERENCES orgs (id),
    on_track         BOOLEAN,
    grade9_on_track  BOOLEAN,
    plan_status      TEXT NOT NULL DEFAULT 'none',
    refreshed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX academic_status_on_track_idx ON academic_status (district_id, on_track);
