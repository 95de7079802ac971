# Community partners (issue 18): the directory, matching, consent,
# referrals, partner users, the record of disclosures and the loop metrics.

error-may-not-maintain-directory = Only community school coordinators and district administrators maintain the resource directory.
error-may-not-grant-consent = Only a parent or guardian with educational rights, or the student at 18, can give this consent.
error-consent-already-revoked = This consent was already revoked.
error-consent-required = Nothing can be shared with this partner yet: a parent or guardian must first give consent for this kind of help.
error-resource-full = This resource has no places left.
error-resource-has-no-category = This resource has no category of service; fix it in the directory first.
error-resource-has-no-partner = This service has no partner organisation; fix it in the directory first.
error-illegal-referral-move = The referral cannot move to that step from where it is now.
error-referral-date-out-of-order = The date cannot be before the previous step or after today.
error-may-not-change-partner-settings = Only district administrators change the referral settings.
error-invalid-resource = Check the resource's fields.
error-invalid-partner = Check the partner's fields.
error-invalid-partner-user = Check the partner user's fields.
error-invalid-consent = Check the consent's fields.
error-invalid-referral = Check the referral's fields.
error-invalid-referral-step = Check the step's fields.
error-invalid-partner-settings = The reminder age must be from 1 to 365 days.

audit-action-partner-saved = Partner organisation saved
audit-action-resource-saved = Resource saved
audit-action-directory-imported = Resource directory imported
audit-action-partner-user-created = Partner user created
audit-action-consent-granted = Consent to share given
audit-action-consent-revoked = Consent to share revoked
audit-action-referral-made = Referral made
audit-action-referral-moved = Referral moved a step
audit-action-partner-disclosure = Information shown to a partner
audit-action-partner-settings-changed = Referral settings changed

partners-student-title = Supports and opportunities
partners-student-intro = Help from the school and community partners: what was proposed and why, what was referred and where it stands, the consents given to share information, and every time a partner read it.
partners-proposals = Proposed for this student
partners-proposals-none = Nothing in the directory matches this student's needs, interests and goals yet.
partners-accept-proposal = Refer or enrol
partners-referrals = Referrals and enrolments
partners-referrals-none = No referrals yet.
partners-overdue = Waiting too long
partners-move = Record a step
partners-move-save = Save the step
partners-consents = Consents to share information
partners-consents-intro = Nothing about the student is shared with a community partner without a consent from a parent or guardian with educational rights (or the student at 18). A consent can be revoked at any time; it stops at once.
partners-consents-none = No consents given.
partners-consent-until = Until
partners-consent-electronic = Given on this site
partners-consent-paper = Signed on paper by { $name }
partners-revoke = Revoke
partners-grant = Give consent to share
partners-grant-save = Give consent
partners-disclosures = Record of disclosures
partners-disclosures-intro = Every time a partner's staff member read the student's information: when, who, what and why.
partners-disclosures-none = No partner has read the student's information.
partners-col-when = When
partners-col-who = Who
partners-school-opportunity = At school
partners-reason-need = Serves a need: { $need }
partners-reason-area = Fits the interest area { $area }
partners-reason-word = Matches “{ $word }”

partners-partner-title = Referrals to your organisation
partners-partner-intro = Students referred to your organisation, while a family consent is in force. Each time you open this page it is recorded in the student's record of disclosures.
partners-grade = Grade

partners-directory-title = Resource directory
partners-directory-intro = School opportunities (clubs, tutoring, sports, mentoring) and the services of community partner organisations.
partners-search = Search
partners-search-go = Search
partners-all-categories = All categories
partners-entries = Resources
partners-entries-none = No resources match.
partners-grades = Grades
partners-any-language = Any language
partners-places-left = { $count } places left
partners-imported = { $count } resources imported.
partners-import = Import from a CSV file
partners-import-intro = Columns: kind, name, partner, categories, description, eligibility, grade_min, grade_max, languages, location, hours, cost, capacity, contact, interest_areas, keywords. A resource with the same name is updated. If any row has a problem, nothing is imported.
partners-import-refused = Nothing was imported. Fix these problems and upload the file again.
partners-import-file = CSV file
partners-import-go = Import
partners-col-line = Line
partners-col-column = Column
partners-col-problem = Problem
partners-metrics = Referral loop
partners-metrics-district = The whole district
partners-col-group = School or partner
partners-col-total = Referrals
partners-col-by-status = By status
partners-col-to-acceptance = Median days to acceptance
partners-col-to-service = Median days to first service
partners-col-closed = Closed with an outcome
partners-settings = Referral settings
partners-reminder-days-label = Days a referral may wait at one step before it shows as waiting too long
partners-settings-save = Save

partner-category-health = Health
partner-category-vision-dental = Vision or dental
partner-category-food = Food
partner-category-housing = Housing
partner-category-clothing = Clothing
partner-category-transportation = Transportation
partner-category-attendance-barrier = Getting to school
partner-category-academic = Academic help
partner-category-social-emotional = Social and emotional support
partner-category-enrichment = Clubs, sports and arts
partner-category-mentoring = Mentoring

referral-status-sent = Sent
referral-status-accepted = Accepted
referral-status-declined = Declined
referral-status-in-service = Receiving services
referral-status-closed = Closed
referral-outcome-need-met = need met
referral-outcome-partly-met = need partly met
referral-outcome-not-met = need not met
referral-outcome-family-withdrew = the family withdrew
referral-outcome-unreachable = could not reach the family
referral-event-accept = Accept
referral-event-decline = Decline
referral-event-record-service = Record a service given
referral-event-close = Close
referral-kind-referral = Referral to a partner
referral-kind-enrolment = Enrolment at school
consent-state-active = In force
consent-state-expired = Expired
consent-state-revoked = Revoked

partners-field-partner = Partner organisation
partners-field-categories = Kinds of help
partners-field-purpose = Purpose
partners-field-expires-on = Last day
partners-field-signer-name = Signed by
partners-field-scan = Scan of the signed form
partners-field-resource = Resource
partners-field-need = Need
partners-field-goal = Goal
partners-field-reason = Reason
partners-field-event = Step
partners-field-on = Date
partners-field-outcome = Outcome
partners-field-note = Note
partners-field-sensitivity = Who may read the note
partners-field-kind = Kind
partners-field-name = Name
partners-field-grade-min = Lowest grade
partners-field-grade-max = Highest grade
partners-field-languages = Languages
partners-field-capacity = Places
partners-field-interest-areas = Interest areas
partners-field-keywords = Keywords
partners-field-description = Description
partners-field-eligibility = Eligibility
partners-field-location = Location
partners-field-hours = Hours
partners-field-cost = Cost
partners-field-contact = Contact
partners-field-given-name = Given name
partners-field-family-name = Family name
partners-field-username = Username
partners-field-email = Email
partners-field-reminder-days = Reminder age

partners-problem-not-served = this partner does not offer that kind of help.
partners-problem-unknown-partner = no partner organisation has that name.
partners-problem-not-for-school = a school opportunity has no partner.
partners-problem-grades-reversed = lower than the lowest grade.
partners-problem-invalid-language = use language codes such as en or es.
partners-problem-too-many = too many.
partners-problem-in-past = can't be before today.
partners-problem-too-far = can't be more than a year from today.
partners-problem-missing-column = the column is missing.
partners-problem-unreadable-csv = not readable as CSV.
partners-problem-duplicate-name = the same name appears twice in the file.
partners-problem-unknown-type = must be a PDF, JPEG or PNG.
partners-problem-not-allowed = you may not write notes of that class.
partners-problem-too-many-rows = the file has too many rows.
partners-problem-invalid-username = use letters, digits and . _ - @.

nav-partners = Resources
partners-paper = Record a signed paper consent
partners-paper-save = Record the consent

# Each directory entry's own forms (maintainers).
error-partner-name-taken = The directory already has a partner organisation with that name.
error-resource-name-taken = The directory already has a resource with that name.
error-partner-has-records = This partner cannot be removed: students' referrals, consents or records of disclosures name it, and those records are kept.
error-partner-has-users = This partner still has user accounts. Remove them first.
error-resource-has-referrals = This resource cannot be removed: students were referred to it or enrolled in it, and those records are kept.
partners-problem-has-referrals = cannot change: students were already referred to this service.
audit-action-partner-removed = Partner organisation removed
audit-action-resource-removed = Resource removed
audit-action-partner-user-changed = Partner user changed
audit-action-partner-user-removed = Partner user removed
partners-edit = Edit
partners-save = Save
partners-saved = Saved.
partners-removed = Removed from the directory.
partners-back-to-directory = Back to the resource directory
partners-organisations = Partner organisations
partners-organisations-none = No partner organisations yet.
partners-organisation-title = Partner organisation
partners-organisation-new = Add a partner organisation
partners-organisation-add = Add the organisation
partners-organisation-edit = Name and contact
partners-organisation-remove = Remove this organisation
partners-organisation-remove-intro = Removes the organisation and its services from the directory. Not possible while students' referrals or consents name it, or while it has user accounts.
partners-services = Services
partners-services-none = No services yet.
partners-service-new = Add a service
partners-users = User accounts
partners-users-intro = The organisation's staff who see the students referred to it, while a family consent is in force. A new account has no password: the person sets one with "Forgot your password?" on the sign-in page.
partners-users-none = No user accounts yet.
partners-user-new = Add a user account
partners-user-add = Add the account
partners-user-remove = Remove the account
partners-resource-new-title = Add a resource
partners-resource-edit-title = Edit a resource
partners-resource-remove = Remove this resource
partners-resource-remove-intro = Not possible once students were referred to it or enrolled in it.
partners-kind-school-opportunity = At school: a club, team, tutoring or mentoring
partners-kind-partner-service = A partner organisation's service
partners-no-partner = None (at school)
partners-partner-hint = A partner's service names its organisation; a school opportunity names none.
partners-languages-hint = Language codes, such as en, es. Leave empty for any language.
partners-capacity-hint = Places in all. Leave empty for no limit.
partners-keywords-hint = Words that match students' interests, strengths and goals, separated by spaces.

# The partner user's home and lists.
nav-partner-referrals = Referrals
home-partner-role = Signed in for { $partner }
home-partner-new = { $count ->
    [one] A new referral to accept or decline
   *[other] { $count } new referrals to accept or decline
}
home-partner-to-first-service = { $count ->
    [one] An accepted referral waiting for a first service
   *[other] { $count } accepted referrals waiting for a first service
}
home-partner-too-long = { $count ->
    [one] Referrals waiting too long: 1
   *[other] Referrals waiting too long: { $count }
}
home-partner-in-service = { $count ->
    [one] A student receiving services
   *[other] { $count } students receiving services
}
home-partner-privacy = Students' names show on the referral lists. Each time you open one, it is recorded in the student's record of disclosures.
home-partner-all = All referrals
partners-lists = Referral lists
partners-show-all = All
partners-show-new = New
partners-show-to-first-service = Waiting for a first service
partners-show-in-service = Receiving services
partners-show-too-long = Waiting too long
queue-referrals-too-long = Referrals waiting too long
partners-remove-confirm = Yes, remove it: this cannot be undone.
partners-remove-unconfirmed = Nothing was removed: tick the box to confirm the removal.
