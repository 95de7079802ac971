-- A student's collections: named groups of their portfolio work in the
-- order the student set (artifact ids separated by commas; work removed
-- from the portfolio is skipped when a collection is read).
CREATE TABLE portfolio_collections (
    id          UUID PRIMARY KEY NOT NULL,
    student_id  UUID NOT NULL REFERENCES students (person_id),
    name        TEXT NOT NULL,
    items       TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX portfolio_collections_student_idx ON portfolio_collections (student_id);
