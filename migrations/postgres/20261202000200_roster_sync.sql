-- Roster sync over the OneRoster 1.2 REST API: one row per district that
-- pulls its roster from a rostering endpoint. The client secret is kept
-- here (pages only ever say that one is set); `watermark` is the latest
-- dateLastModified of the last applied pull, so the next one asks only for
-- what changed since. `every_hours` NULL: no schedule, run on demand only.

CREATE TABLE roster_sync_settings (
    district_id     UUID PRIMARY KEY NOT NULL REFERENCES orgs (id),
    base_url        TEXT NOT NULL,
    token_url       TEXT NOT NULL,
    client_id       TEXT NOT NULL,
    client_secret   TEXT NOT NULL,
    every_hours     INTEGER CHECK (every_hours BETWEEN 1 AND 168),
    watermark       TEXT,
    last_run_at     TIMESTAMPTZ,
    last_import_id  UUID REFERENCES roster_imports (id),
    next_run_at     TIMESTAMPTZ,
    updated_by      UUID REFERENCES persons (id),
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX roster_sync_settings_next_run_idx ON roster_sync_settings (next_run_at);
