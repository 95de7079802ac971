-- Community partners and school opportunities (issue 18): the resource
-- directory, partner users, family consent, referrals with their steps,
-- and the record of disclosures (FERPA 34 CFR 99.32).

-- A partner organisation of a district.
CREATE TABLE partners (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    name         TEXT NOT NULL,
    description  TEXT NOT NULL,
    contact      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE UNIQUE INDEX partners_district_id_name_uq ON partners (district_id, name);

-- A directory entry: a school opportunity (partner_id NULL) or a partner's
-- service. Lists are comma-joined keys; the name is unique in the district,
-- so a CSV import updates an entry by its name.
CREATE TABLE resources (
    id              BLOB PRIMARY KEY NOT NULL,
    district_id     BLOB NOT NULL REFERENCES orgs (id),
    partner_id      BLOB REFERENCES partners (id),
    kind            TEXT NOT NULL CHECK (kind IN ('school_opportunity', 'partner_service')),
    name            TEXT NOT NULL,
    categories      TEXT NOT NULL,
    description     TEXT NOT NULL,
    eligibility     TEXT NOT NULL,
    grade_min       INTEGER NOT NULL,
    grade_max       INTEGER NOT NULL,
    languages       TEXT NOT NULL,
    location        TEXT NOT NULL,
    hours           TEXT NOT NULL,
    cost            TEXT NOT NULL,
    capacity        INTEGER,
    contact         TEXT NOT NULL,
    interest_areas  TEXT NOT NULL,
    keywords        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX resources_district_id_name_uq ON resources (district_id, name);
CREATE INDEX resources_partner_idx ON resources (partner_id);

-- A partner organisation's staff member: a person of the district with an
-- account, tied to one organisation.
CREATE TABLE partner_users (
    person_id    BLOB PRIMARY KEY NOT NULL REFERENCES persons (id),
    partner_id   BLOB NOT NULL REFERENCES partners (id),
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    created_by   BLOB NOT NULL REFERENCES persons (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX partner_users_partner_idx ON partner_users (partner_id);

-- Consent to share a student's information in some categories with one
-- partner, for a purpose, until a day. Electronic (granted_by: the guardian
-- with rights or the eligible student) or paper (recorded by staff with the
-- signer's name and the scan's storage key). Revocation takes effect at once.
CREATE TABLE consents (
    id            BLOB PRIMARY KEY NOT NULL,
    district_id   BLOB NOT NULL REFERENCES orgs (id),
    student_id    BLOB NOT NULL REFERENCES students (person_id),
    partner_id    BLOB NOT NULL REFERENCES partners (id),
    categories    TEXT NOT NULL,
    purpose       TEXT NOT NULL,
    granted_on    TEXT NOT NULL,
    expires_on    TEXT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('electronic', 'paper')),
    granted_by    BLOB REFERENCES persons (id),
    signer_name   TEXT,
    scan_key      TEXT,
    language      TEXT NOT NULL,
    recorded_by   BLOB NOT NULL REFERENCES persons (id),
    revoked_at    TEXT,
    revoked_by    BLOB REFERENCES persons (id),
    created_at    TEXT NOT NULL
);
CREATE INDEX consents_student_idx ON consents (student_id, partner_id);

-- A referral to a partner (kind referral) or an enrolment in a school
-- opportunity (kind enrolment), linked to the need or goal it serves.
CREATE TABLE referrals (
    id                BLOB PRIMARY KEY NOT NULL,
    district_id       BLOB NOT NULL REFERENCES orgs (id),
    student_id        BLOB NOT NULL REFERENCES students (person_id),
    resource_id       BLOB NOT NULL REFERENCES resources (id),
    partner_id        BLOB REFERENCES partners (id),
    kind              TEXT NOT NULL CHECK (kind IN ('referral', 'enrolment')),
    category          TEXT NOT NULL,
    need_id           BLOB REFERENCES needs (id),
    goal_id           BLOB,
    reason            TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('sent', 'accepted', 'declined', 'in_service', 'closed')),
    sent_on           TEXT NOT NULL,
    accepted_on       TEXT,
    declined_on       TEXT,
    first_service_on  TEXT,
    closed_on         TEXT,
    outcome           TEXT,
    created_by        BLOB NOT NULL REFERENCES persons (id),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX referrals_student_idx ON referrals (student_id, created_at);
CREATE INDEX referrals_partner_idx ON referrals (partner_id, status);

-- Each step of a referral, with its day, who took it and a note in a
-- sensitivity class.
CREATE TABLE referral_steps (
    id           BLOB PRIMARY KEY NOT NULL,
    referral_id  BLOB NOT NULL REFERENCES referrals (id),
    event        TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    note         TEXT NOT NULL,
    sensitivity  TEXT NOT NULL CHECK (sensitivity IN ('shared', 'staff', 'restricted_health', 'restricted_social')),
    actor_id     BLOB NOT NULL REFERENCES persons (id),
    created_at   TEXT NOT NULL
);
CREATE INDEX referral_steps_referral_idx ON referral_steps (referral_id, created_at);

-- The record of disclosures (34 CFR 99.32): every time a partner user read
-- a student's information, what categories, under which consent.
CREATE TABLE disclosures (
    id           BLOB PRIMARY KEY NOT NULL,
    district_id  BLOB NOT NULL REFERENCES orgs (id),
    student_id   BLOB NOT NULL REFERENCES students (person_id),
    partner_id   BLOB NOT NULL REFERENCES partners (id),
    person_id    BLOB NOT NULL REFERENCES persons (id),
    referral_id  BLOB REFERENCES referrals (id),
    consent_id   BLOB NOT NULL REFERENCES consents (id),
    categories   TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX disclosures_student_idx ON disclosures (student_id, at);

-- The district's referral settings: how long a referral may sit at a step
-- before its owner is reminded.
CREATE TABLE partner_settings (
    district_id    BLOB PRIMARY KEY NOT NULL REFERENCES orgs (id),
    reminder_days  INTEGER NOT NULL,
    updated_at     TEXT NOT NULL
);
