-- Roster fields kept so an export round-trips what was imported: the
-- OneRoster username, middle name and userIds of a person, the
-- subjectCodes of courses and classes, and the roles ssp has no use for
-- (aide, proctor), which a person keeps until the roster drops them.
-- Row problems may now also be warnings (a value read leniently).

ALTER TABLE persons ADD COLUMN roster_username TEXT;
ALTER TABLE persons ADD COLUMN middle_name TEXT;
ALTER TABLE persons ADD COLUMN user_ids TEXT;
ALTER TABLE courses ADD COLUMN subject_codes TEXT;
ALTER TABLE classes ADD COLUMN subject_codes TEXT;

CREATE TABLE roster_other_roles (
    id           UUID PRIMARY KEY NOT NULL,
    district_id  UUID NOT NULL REFERENCES orgs (id),
    person_id    UUID NOT NULL REFERENCES persons (id),
    org_id       UUID NOT NULL REFERENCES orgs (id),
    role         TEXT NOT NULL CHECK (role IN ('aide', 'proctor')),
    status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX roster_other_roles_uq ON roster_other_roles (person_id, org_id, role);
CREATE INDEX roster_other_roles_district_idx ON roster_other_roles (district_id);

ALTER TABLE roster_import_issues DROP CONSTRAINT roster_import_issues_severity_check;
ALTER TABLE roster_import_issues ADD CONSTRAINT roster_import_issues_severity_check
    CHECK (severity IN ('error', 'skipped', 'warning'));
