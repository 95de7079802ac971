-- Per-student reads that scanned the whole table: the plan page reads every
-- check-in of the student (2.6 million rows in the 300,000-student demo
-- state, so a student's own plan took ~470 ms), and the interactions page
-- every follow-up of the student.
CREATE INDEX goal_check_ins_student_idx ON goal_check_ins (student_id, on_date);
CREATE INDEX interaction_follow_ups_student_idx ON interaction_follow_ups (student_id, due_on);
