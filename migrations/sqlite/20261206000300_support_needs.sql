-- Needs and tiered interventions (issue 17). A need's sensitivity follows
-- from its kind (health and vision/dental restricted to the nurse, social-
-- emotional to the social worker, the rest staff only); it is stored so a
-- list is filtered in the database by the classes the reader may see.
CREATE TABLE needs (
    id                  BLOB PRIMARY KEY NOT NULL,
    district_id         BLOB NOT NULL REFERENCES orgs (id),
    student_id          BLOB NOT NULL REFERENCES students (person_id),
    kind                TEXT NOT NULL,
    sensitivity         TEXT NOT NULL CHECK (sensitivity IN ('shared', 'staff', 'restricted_health', 'restricted_social')),
    description         TEXT NOT NULL,
    what_is_being_done  TEXT NOT NULL,
    source              TEXT NOT NULL CHECK (source IN ('team', 'student_profile')),
    status              TEXT NOT NULL CHECK (status IN ('identified', 'in_progress', 'met', 'no_longer_needed')),
    created_by          BLOB NOT NULL REFERENCES persons (id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX needs_student_idx ON needs (student_id, created_at);

-- The district's own strategies beside the shipped default library (which
-- lives in the code and is named by the translations). A retired one stays
-- on the interventions that used it but is no longer offered.
CREATE TABLE support_strategies (
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    tier         TEXT NOT NULL CHECK (tier IN ('tier_1', 'tier_2', 'tier_3')),
    retired_at   TEXT,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (district_id, key)
);

-- An intervention: a strategy at a tier with an owner, a planned length, a
-- monitoring cadence and a goal. Shared with the family, students and
-- guardians with rights read it; otherwise staff only.
CREATE TABLE interventions (
    id                  BLOB PRIMARY KEY NOT NULL,
    district_id         BLOB NOT NULL REFERENCES orgs (id),
    student_id          BLOB NOT NULL REFERENCES students (person_id),
    strategy_key        TEXT NOT NULL,
    tier                TEXT NOT NULL CHECK (tier IN ('tier_1', 'tier_2', 'tier_3')),
    owner_id            BLOB NOT NULL REFERENCES persons (id),
    start_on            TEXT NOT NULL,
    planned_weeks       INTEGER NOT NULL,
    cadence             TEXT NOT NULL,
    measure             TEXT NOT NULL,
    baseline            REAL NOT NULL,
    goal_value          REAL NOT NULL,
    shared_with_family  BOOLEAN NOT NULL DEFAULT FALSE,
    status              TEXT NOT NULL CHECK (status IN ('active', 'completed', 'discontinued')),
    outcome             TEXT CHECK (outcome IN ('met', 'partly_met', 'not_met')),
    outcome_note        TEXT,
    created_by          BLOB NOT NULL REFERENCES persons (id),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX interventions_student_idx ON interventions (student_id, created_at);

-- A progress measurement of an intervention.
CREATE TABLE intervention_points (
    id               BLOB PRIMARY KEY NOT NULL,
    intervention_id  BLOB NOT NULL REFERENCES interventions (id),
    on_date          TEXT NOT NULL,
    value            REAL NOT NULL,
    note             TEXT NOT NULL,
    recorded_by      BLOB NOT NULL REFERENCES persons (id),
    recorded_at      TEXT NOT NULL
);
CREATE INDEX intervention_points_intervention_idx ON intervention_points (intervention_id, on_date);

-- What an intervention answers: a flag, a need or a goal, by kind and id
-- (no foreign key: the flags live in their own table).
CREATE TABLE intervention_links (
    intervention_id  BLOB NOT NULL REFERENCES interventions (id),
    target_kind      TEXT NOT NULL CHECK (target_kind IN ('flag', 'need', 'goal')),
    target_id        BLOB NOT NULL,
    created_at       TEXT NOT NULL,
    PRIMARY KEY (intervention_id, target_kind, target_id)
);
