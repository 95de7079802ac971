-- Finding a student and the work queues on the home pages.
--
-- The district list is a keyset walk over the name index (no sort of the
-- whole district per page); the name search is a prefix range over
-- lower-cased names compared byte-wise (COLLATE "C"), so a bound parameter
-- can use the index under any database collation.
CREATE INDEX persons_district_name_idx ON persons (district_id, family_name, given_name, id);
CREATE INDEX persons_family_search_idx ON persons (district_id, (lower(family_name) COLLATE "C"));
CREATE INDEX persons_given_search_idx ON persons (district_id, (lower(given_name) COLLATE "C"));
CREATE INDEX persons_preferred_search_idx ON persons (district_id, (lower(preferred_name) COLLATE "C")) WHERE preferred_name IS NOT NULL;
-- Counting a district's active students by grade and school from the index alone.
CREATE INDEX students_district_status_idx ON students (district_id, status, grade_level, school_id);

-- Work queues: action steps a person owns, goals they suggested, unread notices.
CREATE INDEX goal_action_steps_owner_idx ON goal_action_steps (owner_id, done_at);
CREATE INDEX goals_suggested_by_idx ON goals (suggested_by, status) WHERE suggested_by IS NOT NULL;
CREATE INDEX notices_unread_idx ON notices (recipient_id, created_at) WHERE read_at IS NULL;
