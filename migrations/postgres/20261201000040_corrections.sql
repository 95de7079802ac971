-- Authors may correct or delete their own check-ins and reflections for a
-- short while (ssp_domain::plan::correction). The old value is kept here,
-- as JSON, for every edit and deletion; the record itself says when it was
-- last edited.
ALTER TABLE goal_check_ins ADD COLUMN edited_at TIMESTAMPTZ;
ALTER TABLE reflections ADD COLUMN edited_at TIMESTAMPTZ;

CREATE TABLE plan_revisions (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    student_id   UUID NOT NULL REFERENCES students (person_id),
    record_kind  TEXT NOT NULL CHECK (record_kind IN ('check_in', 'reflection')),
    record_id    UUID NOT NULL,
    change       TEXT NOT NULL CHECK (change IN ('edited', 'deleted')),
    old_value    TEXT NOT NULL,
    changed_by   UUID NOT NULL REFERENCES persons (id),
    changed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX plan_revisions_record_idx ON plan_revisions (record_id, changed_at);
CREATE INDEX plan_revisions_student_idx ON plan_revisions (student_id, changed_at);
