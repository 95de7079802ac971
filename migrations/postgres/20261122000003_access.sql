-- Access control: SSP team membership, the plan manager with history,
-- eligible students' sharing choice, notes with a sensitivity class, and
-- in-app notices (break-glass alerts to the plan manager).

ALTER TABLE students ADD COLUMN shares_with_guardians BOOLEAN NOT NULL DEFAULT FALSE;
-- District-wide lists (a district administrator's scope) filter on this.
CREATE INDEX students_district_idx ON students (district_id, grade_level);

CREATE TABLE team_members (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    staff_id     UUID NOT NULL REFERENCES persons (id),
    team_role    TEXT NOT NULL CHECK (team_role IN ('counselor', 'social_worker', 'nurse', 'family_partnership_specialist',
                     'community_school_coordinator', 'teacher', 'mentor_advisor')),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    added_by     UUID,
    created_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX team_members_active_uq ON team_members (student_id, staff_id, team_role) WHERE status = 'active';
CREATE INDEX team_members_staff_idx ON team_members (staff_id, status);

-- Exactly one current plan manager per student (ended_at IS NULL); past
-- ones stay as history.
CREATE TABLE plan_managers (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    staff_id     UUID NOT NULL REFERENCES persons (id),
    assigned_by  UUID,
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX plan_managers_current_uq ON plan_managers (student_id) WHERE ended_at IS NULL;
CREATE INDEX plan_managers_staff_idx ON plan_managers (staff_id) WHERE ended_at IS NULL;
CREATE INDEX plan_managers_student_idx ON plan_managers (student_id, started_at);

CREATE TABLE notes (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    author_id    UUID NOT NULL REFERENCES persons (id),
    sensitivity  TEXT NOT NULL CHECK (sensitivity IN ('shared', 'staff', 'restricted_health', 'restricted_social')),
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX notes_student_idx ON notes (student_id, created_at);

CREATE TABLE notices (
    id            UUID PRIMARY KEY NOT NULL,
    district_id   UUID NOT NULL REFERENCES orgs (id),
    recipient_id  UUID NOT NULL REFERENCES persons (id),
    kind          TEXT NOT NULL,
    student_id    UUID,
    actor_id      UUID,
    detail        TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    read_at       TIMESTAMPTZ
);
CREATE INDEX notices_recipient_idx ON notices (recipient_id, created_at);

CREATE INDEX audit_events_at_idx ON audit_events (at);
