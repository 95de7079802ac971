-- A district's own academic rules. Without rows here the shipped defaults
-- apply: Connecticut's graduation requirements, the A+…F grade scale and 8
-- credits a year in the course plan.

-- The district's graduation requirement sets, each for a range of
-- graduating classes (either end open); the first by position that applies
-- to a class wins over the shipped default. Categories are a JSON array of
-- the fields the admin page takes (key, name, min_credits, areas, tags,
-- counted_inside, met_by_capstone), parsed by the domain on every read.
CREATE TABLE graduation_requirement_sets (
    id             BLOB PRIMARY KEY NOT NULL,
    district_id    BLOB NOT NULL REFERENCES orgs (id),
    position       INTEGER NOT NULL,
    name           TEXT NOT NULL,
    first_class    INTEGER,
    last_class     INTEGER,
    total_credits  INTEGER NOT NULL CHECK (total_credits > 0),
    categories     TEXT NOT NULL,
    updated_by     BLOB REFERENCES persons (id),
    updated_at     TEXT NOT NULL
);
CREATE INDEX graduation_requirement_sets_district_idx ON graduation_requirement_sets (district_id, position);

-- The district's grade scale (a JSON array of marks: mark, points,
-- earns_credit, failing; NULL: the default scale), the most a weighted
-- mark may score, and the course plan's credit limit per year.
CREATE TABLE academic_settings (
    district_id       BLOB PRIMARY KEY NOT NULL REFERENCES orgs (id),
    grade_scale       TEXT,
    weighted_max      INTEGER NOT NULL DEFAULT 500,
    year_credit_limit INTEGER NOT NULL DEFAULT 800,
    updated_by        BLOB REFERENCES persons (id),
    updated_at        TEXT NOT NULL
);
