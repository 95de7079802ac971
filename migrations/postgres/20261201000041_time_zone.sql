-- A district's time zone (an IANA name such as America/Chicago): dates and
-- times on its pages are shown in it. Empty means the shipped default,
-- America/New_York. Set on /admin/plan-settings; the roster import leaves it.
ALTER TABLE orgs ADD COLUMN time_zone TEXT;
