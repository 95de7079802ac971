-- Roster safety: each district's limit on the share of its active people
-- one import may deactivate before it asks for a confirmation (no row: the
-- default, 10 %), and the flag on an import whose uploaded package is kept
-- on disk until an administrator confirms or discards it.

CREATE TABLE district_roster_settings (
    district_id                 UUID PRIMARY KEY NOT NULL REFERENCES orgs (id),
    deactivation_limit_percent  INTEGER NOT NULL DEFAULT 10 CHECK (deactivation_limit_percent BETWEEN 0 AND 100),
    updated_by                  UUID REFERENCES persons (id),
    updated_at                  TIMESTAMPTZ NOT NULL
);

ALTER TABLE roster_imports ADD COLUMN awaiting_confirmation BOOLEAN NOT NULL DEFAULT FALSE;

-- The deactivated-people page lists a district's inactive persons.
CREATE INDEX persons_district_status_idx ON persons (district_id, status, family_name, given_name);
