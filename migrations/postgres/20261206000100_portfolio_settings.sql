-- A district's portfolio settings: how many artifacts a student may mark as
-- best work in one school year (5 when the district has no row).
CREATE TABLE portfolio_settings (
    district_id    UUID PRIMARY KEY NOT NULL REFERENCES orgs (id),
    max_best_work  INTEGER NOT NULL,
    updated_by     UUID REFERENCES persons (id),
    updated_at     TIMESTAMPTZ NOT NULL
);

-- The district's own competencies beside CASEL 5, P21 and ASCA (key
-- `district:<snake>`). A retired one stays on the work already tagged with it
-- (and keeps its name there) but is no longer offered.
CREATE TABLE district_competencies (
    district_id  UUID NOT NULL REFERENCES orgs (id),
    key          TEXT NOT NULL,
    name         TEXT NOT NULL,
    retired_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (district_id, key)
);

-- Portfolio work a student attached to a goal's check-in as its evidence.
CREATE TABLE check_in_evidence (
    check_in_id  UUID NOT NULL REFERENCES goal_check_ins (id),
    artifact_id  UUID NOT NULL REFERENCES artifacts (id),
    PRIMARY KEY (check_in_id, artifact_id)
);
CREATE INDEX check_in_evidence_artifact_idx ON check_in_evidence (artifact_id);
