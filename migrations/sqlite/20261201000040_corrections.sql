-- Authors may correct or delete their own check-ins and reflections for a
-- short while (ssp_domain::plan::correction). The old value is kept here,
-- as JSON, for every edit and deletion; the record itself says when it was
-- last edited.
ALTER TABLE goal_check_ins ADD COLUMN edited_at TEXT;
ALTER TABLE reflections ADD COLUMN edited_at TEXT;

CREATE TABLE plan_revisions (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    record_kind  TEXT NOT NULL CHECK (record_kind IN ('check_in', 'reflection')),
    record_id    BLOB NOT NULL,
    change       TEXT NOT NULL CHECK (change IN ('edited', 'deleted')),
    old_value    TEXT NOT NULL,
    changed_by   BLOB NOT NULL REFERENCES persons (id),
    changed_at   TEXT NOT NULL
);
CREATE INDEX plan_revisions_record_idx ON plan_revisions (record_id, changed_at);
CREATE INDEX plan_revisions_student_idx ON plan_revisions (student_id, changed_at);
