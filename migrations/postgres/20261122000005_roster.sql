-- Roster import: when the source system last changed each roster record
-- (OneRoster dateLastModified, used to ignore stale delta rows), and the
-- history of imports with their row-level issues.

ALTER TABLE orgs ADD COLUMN roster_modified_at TIMESTAMPTZ;
ALTER TABLE academic_sessions ADD COLUMN roster_modified_at TIMESTAMPTZ;
ALTER TABLE courses ADD COLUMN roster_modified_at TIMESTAMPTZ;
ALTER TABLE classes ADD COLUMN roster_modified_at TIMESTAMPTZ;
ALTER TABLE persons ADD COLUMN roster_modified_at TIMESTAMPTZ;
ALTER TABLE enrollments ADD COLUMN roster_modified_at TIMESTAMPTZ;

CREATE TABLE roster_imports (
    id             UUID PRIMARY KEY NOT NULL,
    district_id    UUID REFERENCES orgs (id),
    started_by     UUID REFERENCES persons (id),
    source_name    TEXT NOT NULL,
    dry_run        BOOLEAN NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'refused', 'failed')),
    version        TEXT,
    message        TEXT,
    summary        TEXT,
    issues_total   BIGINT NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ
);
CREATE INDEX roster_imports_district_idx ON roster_imports (district_id, created_at);

CREATE TABLE roster_import_issues (
    import_id  UUID NOT NULL REFERENCES roster_imports (id),
    seq        BIGINT NOT NULL,
    file       TEXT NOT NULL,
    line       BIGINT NOT NULL,
    col        TEXT,
    severity   TEXT NOT NULL CHECK (severity IN ('error', 'skipped')),
    reason     TEXT NOT NULL,
    PRIMARY KEY (import_id, seq)
);
