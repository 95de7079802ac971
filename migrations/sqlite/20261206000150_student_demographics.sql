-- Sex and race/ethnicity from the roster's demographics.csv, kept apart
-- from the student record for one purpose only: the fairness audit of flag
-- rates by subgroup (aggregates with small groups suppressed). No page shows
-- them for a student and no early-warning rule reads them.
CREATE TABLE student_demographics (
    student_id      BLOB PRIMARY KEY NOT NULL REFERENCES students (person_id),
    district_id     BLOB NOT NULL REFERENCES orgs (id),
    sex             TEXT CHECK (sex IN ('female', 'male', 'unspecified', 'other')),
    race_ethnicity  TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX student_demographics_district_idx ON student_demographics (district_id);
