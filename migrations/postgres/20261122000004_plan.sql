-- The plan itself: profile, goals with action steps and check-ins,
-- reflections, grade-level activities, the annual review with signatures,
-- plan-year snapshots, and each plan's computed up-to-date status.

CREATE TABLE plan_profiles (
    student_id   UUID PRIMARY KEY NOT NULL REFERENCES students (person_id),
    district_id  UUID NOT NULL REFERENCES orgs (id),
    strengths    TEXT NOT NULL DEFAULT '',
    interests    TEXT NOT NULL DEFAULT '',
    needs        TEXT NOT NULL DEFAULT '',
    activities   TEXT NOT NULL DEFAULT '',
    updated_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE goals (
    id              UUID PRIMARY KEY NOT NULL,
    district_id     UUID NOT NULL REFERENCES orgs (id),
    student_id      UUID NOT NULL REFERENCES students (person_id),
    domain          TEXT NOT NULL CHECK (domain IN ('academic', 'career', 'sep')),
    statement       TEXT NOT NULL,
    why_it_matters  TEXT NOT NULL DEFAULT '',
    measure_kind    TEXT NOT NULL CHECK (measure_kind IN ('percent', 'count', 'scale', 'yes_no')),
    baseline        DOUBLE PRECISION NOT NULL,
    target          DOUBLE PRECISION NOT NULL,
    due_date        DATE NOT NULL,
    cadence         TEXT NOT NULL CHECK (cadence IN ('weekly', 'every_two_weeks', 'monthly')),
    status          TEXT NOT NULL CHECK (status IN ('draft', 'active', 'met', 'not_met', 'revised', 'discontinued')),
    suggested_by    UUID REFERENCES persons (id),
    created_by      UUID NOT NULL REFERENCES persons (id),
    activated_on    DATE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX goals_student_idx ON goals (student_id, status);

CREATE TABLE goal_check_ins (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    goal_id      UUID NOT NULL REFERENCES goals (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    on_date      DATE NOT NULL,
    value        DOUBLE PRECISION NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    reflection   TEXT NOT NULL DEFAULT '',
    author_id    UUID NOT NULL REFERENCES persons (id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX goal_check_ins_goal_idx ON goal_check_ins (goal_id, on_date);

CREATE TABLE reflections (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    prompt       TEXT NOT NULL CHECK (prompt IN ('strengths', 'improve', 'next')),
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX reflections_student_idx ON reflections (student_id, created_at);

CREATE TABLE student_activities (
    id             UUID PRIMARY KEY NOT NULL,
    district_id    UUID NOT NULL REFERENCES orgs (id),
    student_id     UUID NOT NULL REFERENCES students (person_id),
    activity_key   TEXT NOT NULL,
    school_year    INTEGER NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('done', 'exempt')),
    exempt_reason  TEXT,
    recorded_by    UUID NOT NULL REFERENCES persons (id),
    recorded_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (student_id, activity_key, school_year)
);

CREATE TABLE plan_reviews (
    id                  UUID PRIMARY KEY NOT NULL,
    district_id         UUID NOT NULL REFERENCES orgs (id),
    student_id          UUID NOT NULL REFERENCES students (person_id),
    school_year         INTEGER NOT NULL,
    student_signed_at   TIMESTAMPTZ,
    manager_id          UUID REFERENCES persons (id),
    manager_signed_at   TIMESTAMPTZ,
    guardian_id         UUID REFERENCES persons (id),
    guardian_signed_at  TIMESTAMPTZ,
    guardian_attempts   INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (student_id, school_year)
);

CREATE TABLE plan_year_snapshots (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    school_year  INTEGER NOT NULL,
    snapshot     TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    UNIQUE (student_id, school_year)
);

-- Kept current by every write to a plan (never recomputed per page view),
-- so the caseload can filter and sort by it.
CREATE TABLE plan_status (
    student_id         UUID PRIMARY KEY NOT NULL REFERENCES students (person_id),
    district_id        UUID NOT NULL REFERENCES orgs (id),
    up_to_date         BOOLEAN NOT NULL,
    failures           TEXT NOT NULL DEFAULT '',
    overdue_check_ins  INTEGER NOT NULL DEFAULT 0,
    computed_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_status_district_idx ON plan_status (district_id, up_to_date);

-- Strengths, interests and needs as noted by the team (with who noted it).
CREATE TABLE profile_observations (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    author_id    UUID NOT NULL REFERENCES persons (id),
    kind         TEXT NOT NULL CHECK (kind IN ('strength', 'interest', 'need')),
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX profile_observations_student_idx ON profile_observations (student_id, created_at);

-- Meetings and contacts between mentor/advisor, student and family.
CREATE TABLE interactions (
    id              UUID PRIMARY KEY NOT NULL,
    district_id     UUID NOT NULL REFERENCES orgs (id),
    student_id      UUID NOT NULL REFERENCES students (person_id),
    kind            TEXT NOT NULL CHECK (kind IN ('advisory_meeting', 'mentor_meeting', 'family_conference', 'team_meeting',
                        'phone_call', 'home_visit', 'message')),
    occurred_on     DATE NOT NULL,
    participants    TEXT NOT NULL DEFAULT '',
    family_present  BOOLEAN NOT NULL DEFAULT FALSE,
    notes           TEXT NOT NULL DEFAULT '',
    sensitivity     TEXT NOT NULL CHECK (sensitivity IN ('shared', 'staff', 'restricted_health', 'restricted_social')),
    author_id       UUID NOT NULL REFERENCES persons (id),
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX interactions_student_idx ON interactions (student_id, occurred_on);

CREATE TABLE interaction_follow_ups (
    id              UUID PRIMARY KEY NOT NULL,
    district_id     UUID NOT NULL REFERENCES orgs (id),
    interaction_id  UUID NOT NULL REFERENCES interactions (id),
    student_id      UUID NOT NULL REFERENCES students (person_id),
    description     TEXT NOT NULL,
    owner_id        UUID REFERENCES persons (id),
    due_on          DATE,
    done_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX interaction_follow_ups_interaction_idx ON interaction_follow_ups (interaction_id);
CREATE INDEX interaction_follow_ups_owner_idx ON interaction_follow_ups (owner_id, done_at);

-- A goal's action steps, each with an owner (the student or a team member)
-- and a due date.
CREATE TABLE goal_action_steps (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    goal_id      UUID NOT NULL REFERENCES goals (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    description  TEXT NOT NULL,
    owner_id     UUID REFERENCES persons (id),
    due_on       DATE,
    done_at      TIMESTAMPTZ,
    created_by   UUID NOT NULL REFERENCES persons (id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX goal_action_steps_goal_idx ON goal_action_steps (goal_id);

-- Comments on a student's reflection by staff and family.
CREATE TABLE reflection_comments (
    id             UUID PRIMARY KEY NOT NULL,
    district_id    UUID NOT NULL REFERENCES orgs (id),
    reflection_id  UUID NOT NULL REFERENCES reflections (id),
    student_id     UUID NOT NULL REFERENCES students (person_id),
    author_id      UUID NOT NULL REFERENCES persons (id),
    body           TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX reflection_comments_student_idx ON reflection_comments (student_id, created_at);

-- Each district's choices for the up-to-date rule and its grade-level scope
-- and sequence (activities left out, activities made optional). No row means
-- the shipped defaults.
CREATE TABLE district_plan_settings (
    district_id                 UUID PRIMARY KEY NOT NULL REFERENCES orgs (id),
    grace_days                  INTEGER NOT NULL DEFAULT 7 CHECK (grace_days BETWEEN 0 AND 60),
    require_guardian_signature  BOOLEAN NOT NULL DEFAULT TRUE,
    disabled_activities         TEXT NOT NULL DEFAULT '',
    optional_activities         TEXT NOT NULL DEFAULT '',
    updated_by                  UUID REFERENCES persons (id),
    updated_at                  TIMESTAMPTZ NOT NULL
);

-- Supports linked to a goal (tutoring, a counseling group, a mentor, an
-- out-of-school program) and who provides them.
CREATE TABLE goal_supports (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    goal_id      UUID NOT NULL REFERENCES goals (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    description  TEXT NOT NULL,
    provider     TEXT NOT NULL DEFAULT '',
    created_by   UUID NOT NULL REFERENCES persons (id),
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX goal_supports_goal_idx ON goal_supports (goal_id);
