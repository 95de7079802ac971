# English. Every message id here must exist in es/main.ftl too (a test checks).

app-name = ssp
app-tagline = Student Success Plans
skip-to-content = Skip to main content
nav-home = Home
language-label = Language
language-change = Change language
footer-privacy = Student records are private. Every access by staff is recorded.

## Sign-in
sign-in = Sign in
sign-in-title = Sign in to ssp
sign-in-intro = Students, families and school staff sign in here.
sign-in-login-label = Username or email
sign-in-password-label = Password
sign-in-submit = Sign in
sign-in-failed = We couldn't sign you in. Check your username or email and your password, then try again.
sign-in-locked = Too many failed sign-ins. For your security, try again in { $minutes } minutes.
sign-in-missing = Enter your username or email and your password.
sign-in-too-long = That is too long to be a username, email or password.
signed-out = You have signed out.
sign-out = Sign out

## Home pages
home-title = Home
welcome = Hello, { $name }
signed-in-as = Signed in as { $name } ({ $role })
role-student = Student
role-guardian = Parent or guardian
role-counselor = Counselor
role-social-worker = Social worker
role-nurse = Nurse
role-family-partnership-specialist = Family partnership specialist
role-community-school-coordinator = Community school coordinator
role-teacher = Teacher
role-mentor-advisor = Mentor or advisor
role-school-admin = School administrator
role-district-admin = District administrator
role-support-staff = SSP team member

home-student-intro = This is your Student Success Plan. It is yours, and it follows you from grade 6 to grade 12.
home-student-school = School
home-student-grade = Grade
home-student-graduation = Expected graduation
home-student-pronouns = Pronouns
home-student-guardians = Your family contacts
home-student-no-guardians = No family contacts are on file. Tell your counselor if that is wrong.

relationship-parent = Parent
relationship-guardian = Guardian
relationship-relative = Relative
relationship-other = Other
educational-rights-yes = Holds educational rights
educational-rights-no = No educational rights
contact-language = Contact language: { $language }

home-guardian-intro = Here are the students linked to your account.
home-guardian-none = No students are linked to your account yet. Contact your child's school.
child-grade-school = Grade { $grade } at { $school }
child-graduation = Expected to graduate in { $year }

home-teacher-classes = Your classes
home-teacher-none = You have no active classes on the roster.
class-students = { $count ->
    [one] 1 student
   *[other] { $count } students
}
class-period = Period { $period }

home-schools = Your schools
home-district-schools = Schools in your district
school-students = Students
school-staff = Staff
students-by-grade = Students by grade
staff-by-role = Staff by role
grade-n = Grade { $grade }
level-middle = Middle school
level-high = High school
district-totals = { $schools } schools, { $students } students
home-no-role = Your account has no role yet. Ask your district administrator to assign one.
home-no-schools = You are not assigned to a school yet.

## Errors
error-heading = We couldn't do that
error-request-id = Request id: { $id }. Quote it if you contact support.
error-go-home = Go to the home page
error-not-found = That page doesn't exist, or you don't have access to it.
error-method-not-allowed = That action isn't available here.
error-payload-too-large = What you sent is too large.
error-malformed-form = The form was incomplete or malformed. Go back and try again.
error-bad-request = The request couldn't be understood. Go back and try again.
error-csrf-failed = This form has expired or came from another site. Go back, reload the page, and try again.
error-internal = Something went wrong on our side. Nothing was changed.
error-unavailable = ssp can't reach its database right now. Try again in a minute.
error-too-many-requests = Too many attempts. Wait a few minutes and try again.
error-sign-in-required = Please sign in first.
error-username-taken = That username is already taken.
error-email-taken = That email address is already in use.
error-already-exists = That already exists.
error-invalid-reference = That refers to something that doesn't exist.
error-unsupported-language = That language isn't available. Choose English or Spanish.

## Navigation and lists
nav-label = Main
nav-my-plan = My plan
nav-students = Students
nav-audit = Audit log
students-title = Students
students-caseload = My caseload
students-all = All I can see
students-none = No students to show here.
students-name = Name
students-local-id = Student ID
students-summary = { $count } students · page { $page } of { $pages }
pager-label = Pages
pager-previous = Previous page
pager-next = Next page

## A student's page
student-title = Student
student-about = About the student
student-sections = Parts of the plan
home-open-plan = Open the plan
sharing-title = Sharing with family
sharing-on = You share your plan with your parents or guardians.
sharing-off = You are 18 or older, so your parents or guardians cannot see your plan unless you share it.
sharing-start = Share my plan with my family
sharing-stop = Stop sharing with my family

## Team
team-title = Team and access
team-plan-manager = Plan manager
team-no-plan-manager = This student has no plan manager yet. Assign one below.
team-pm-history = Earlier plan managers
team-pm-term = { $name }, from { $from } until { $until }
team-reassign = Make this person the plan manager
team-reassign-submit = Assign plan manager
team-members = SSP team
team-none = Nobody is on the team yet.
team-remove = Remove
team-add-person = Staff member
team-add-role = Team role
team-add-submit = Add to the team
team-who-sees = Who can see what
team-who = Who
team-who-sees-note = "With a reason" means the person must state why before opening it; the plan manager is told and the access is recorded.
team-done-added = Added to the team.
team-done-removed = Removed from the team.
team-done-reassigned = The plan manager was changed.
team-error-choice = Choose a staff member and a team role from the lists.
team-error-not-at-school = That person doesn't work at this student's school in that role.
team-error-already = That person is already on the team in that role.
can-see-yes = Yes
can-see-with-reason = With a reason
can-see-no = No
who-teachers = Teachers of current classes
who-school-staff = Counselors and administrators of the school
who-district-admins = District administrators

## Record kinds
kind-plan = Plan
kind-team = Team
kind-access-log = Who viewed the plan
kind-sharing-choice = Sharing choice
kind-note-shared = Shared notes
kind-note-staff = Staff notes
kind-note-restricted-health = Health notes
kind-note-restricted-social = Social-services notes

## Who viewed my plan
access-log-title = Who viewed this plan
access-log-intro = Everyone other than the student who opened this plan or its records, newest first.
access-log-none = Nobody else has opened this plan yet.
access-log-when = When
access-log-who = Who
access-log-as = As
access-log-what = What
access-log-system = ssp
reason-own-record = The student
reason-guardian = Parent or guardian
reason-plan-manager = Plan manager
reason-team-member = SSP team member
reason-teacher = Teacher
reason-school-staff = School staff
reason-district-admin = District administrator
reason-break-glass = Emergency access with a stated reason

## Notes
notes-title = Notes
notes-new = New note
notes-sensitivity = Who may read it
notes-save = Save note
notes-none = No notes you can read.
notes-error-empty = Write the note before saving.
notes-error-long = A note can be at most { $max } characters.
sensitivity-shared = Shared with the student and family
sensitivity-staff = Staff only
sensitivity-restricted-health = Restricted: health
sensitivity-restricted-social = Restricted: social services
break-glass-hidden = { $count ->
    [one] 1 note is restricted ({ $class }).
   *[other] { $count } notes are restricted ({ $class }).
}
break-glass-reason = Why do you need to open it now?
break-glass-open = Open with this reason
break-glass-error = Give a reason of at least { $min } characters to open a restricted note.

## Notices
notices-title = Notices
notice-break-glass = { $actor } opened restricted notes of { $student }. Reason given: { $reason }

## Audit log
audit-title = Audit log
audit-student = Student (ID or student number)
audit-actor = Person (username)
audit-from = From
audit-to = To
audit-search = Search
audit-export = Download CSV
audit-none = No events match.
audit-action = Event
audit-detail = Detail
audit-error-student = No student in your district has that ID.
audit-error-actor = No account has that username.
audit-error-date = Dates must look like 2026-09-01.
audit-error-range = The start date is after the end date.
audit-action-sign-in = Signed in
audit-action-sign-in-failed = Failed sign-in
audit-action-sign-in-locked = Sign-in while locked
audit-action-sign-out = Signed out
audit-action-user-created = Account created
audit-action-demo-generated = Demo data generated
audit-action-record-viewed = Viewed a record
audit-action-access-denied = Access refused
audit-action-break-glass = Emergency access
audit-action-team-member-added = Team member added
audit-action-team-member-removed = Team member removed
audit-action-plan-manager-assigned = Plan manager assigned
audit-action-sharing-changed = Sharing changed
audit-action-note-created = Note written
audit-action-audit-searched = Audit log searched
audit-action-audit-exported = Audit log exported

## The plan
plan-up-to-date = This plan is up to date
plan-not-up-to-date = This plan is not up to date yet
plan-status-as-of = Checked against the district's rule at { $when }.
failure-not-reviewed-this-year = It has not been reviewed and signed this school year.
failure-missing-signature = This year's review still needs the signature of the { $who }.
failure-no-goal-in-domain = There is no active or met goal in { $domain }.
failure-check-in-overdue = "{ $goal }" has gone { $days } days without a check-in (at most { $allowed }).
failure-activity-overdue = { $activity } was due on { $due }.
signer-student = student
signer-plan-manager = plan manager
signer-guardian = parent or guardian
domain-academic = Academic
domain-career = Career
domain-sep = Social, emotional and physical
goals-none-in-domain = No goals here yet.
goal-add = Add a goal
goal-status-draft = Suggested
goal-status-active = Active
goal-status-met = Met
goal-status-not-met = Not met
goal-status-revised = Being revised
goal-status-discontinued = Stopped
goal-progress-label = { $percent }% of the way to the target
goal-next-check-in = next check-in by { $date }
goal-check-in-overdue = check-in overdue since { $date }
activities-title = This year's activities
activities-none = No activities for this grade.
activity-mark-done = Mark done
activity-exempt = Exempt
activity-exempt-reason = Reason for the exemption
activity-due = due { $date }
activity-status-done = Done
activity-status-exempt = Exempt
activity-status-due = Due soon
activity-status-overdue = Overdue
activity-status-upcoming = Later this year
activity-g6-first-goals = Set your first goals
activity-g6-interest-inventory = Take the interest inventory
activity-g6-annual-review = Annual plan review (grade 6)
activity-g7-career-exploration = Explore careers
activity-g7-reflection = Write a reflection on the year
activity-g7-annual-review = Annual plan review (grade 7)
activity-g8-high-school-course-plan = Plan your high-school courses
activity-g8-interest-inventory-update = Update your interest inventory
activity-g8-annual-review = Annual plan review (grade 8)
activity-g9-four-year-plan-review = Review your four-year plan
activity-g9-first-portfolio-artifact = Add your first portfolio artifact
activity-g9-annual-review = Annual plan review (grade 9)
activity-g10-work-based-learning = Take part in work-based learning
activity-g10-career-pathway-choice = Choose a career pathway
activity-g10-annual-review = Annual plan review (grade 10)
activity-g11-postsecondary-plan = Make your postsecondary plan
activity-g11-college-career-visit = Visit a college or workplace
activity-g11-annual-review = Annual plan review (grade 11)
activity-g12-capstone = Complete your capstone project
activity-g12-transition-plan = Finish your transition plan
activity-g12-portfolio-best-work = Choose your best work for the portfolio
activity-g12-annual-review = Annual plan review (grade 12)
reflections-title = Reflections
reflections-none = No reflections yet.
reflection-prompt = Prompt
reflection-body = Your reflection
reflection-save = Save reflection
prompt-strengths = My strengths
prompt-improve = What I want to improve
prompt-next = What I'll do next
review-title = Annual review { $year }
review-signed-on = signed { $when }
review-not-signed = not signed yet
review-attempts = { $count ->
    [one] 1 attempt to reach a guardian logged
   *[other] { $count } attempts to reach a guardian logged
}
review-sign = Sign this year's review
review-log-attempt = Log an attempt to reach a guardian
review-changes = Changes since last year
change-goal-added = New goal: { $goal }
change-goal-status = "{ $goal }" went from { $from } to { $to }

## Goals
goal-title = Goal
goal-new-title = New goal
form-has-errors = Some answers need fixing. Look for the messages next to the fields.
goal-save = Save goal
goal-field-domain = Part of the plan
goal-field-statement = My goal
goal-field-why-it-matters = Why it matters to me
goal-field-measure-kind = How I'll measure it
goal-field-baseline = Where I am now
goal-field-target = Where I want to be
goal-field-due-date = By when
goal-field-cadence = How often I'll check in
goal-hint-statement = For example: Raise my math grade to a B.
goal-hint-baseline = A percentage (0–100), a count, a rating from 1 to 5, or yes/no — matching how you measure it.
goal-error-required = Please fill this in.
goal-error-too-short = This is too short: write at least a few words.
goal-error-too-long = This is too long.
goal-error-invalid-measure-value = This doesn't fit how the goal is measured.
goal-error-target-equals-baseline = The target must differ from where you are now.
goal-error-invalid-date = Use a date like 2027-06-15.
goal-error-date-in-past = The date can't be in the past.
goal-error-date-too-far = Choose a date within the next six years.
goal-error-invalid-choice = Choose one of the options.
goal-error-illegal-transition = A goal can't move to that status from where it is.
goal-error-changed-meanwhile = Someone else changed this goal a moment ago. Here it is as it stands now.
measure-percent = Percent
measure-count = Count
measure-scale = Rating from 1 to 5
measure-yes-no = Yes or no
cadence-weekly = Every week
cadence-every-two-weeks = Every two weeks
cadence-monthly = Every month
goal-progress = Progress
goal-summary = From { $baseline } toward { $target } by { $due } — { $percent }% of the way.
goal-suggested = Your team suggested this goal. Start it if you want to work on it.
goal-accept = Start this goal
goal-change-status = Change status
goal-change-status-submit = Change
checkin-new = New check-in
checkin-date = Date
checkin-value = Value
checkin-value-percent = Where are you now (percent)?
checkin-value-count = Where are you now (count)?
checkin-value-scale = Where are you now (1–5)?
checkin-value-yes-no = Done yet (yes or no)?
checkin-note = Note
checkin-reflection = My reflection
checkin-save = Save check-in
checkin-by = By
checkins-title = Check-ins
checkins-none = No check-ins yet.
checkin-error-not-active = Check-ins can only be added to an active goal.
checkin-error-date = Use a date like 2026-11-02.
checkin-error-future = A check-in can't be in the future.
checkin-error-value = That value doesn't fit this goal: { $detail }.
checkin-error-long = Notes and reflections can be at most { $max } characters.
chart-label = { $count } check-ins; baseline { $baseline }, target { $target }, latest { $latest }.
chart-baseline = Baseline
chart-target = Target
audit-action-goal-created = Goal created
audit-action-goal-status-changed = Goal status changed
audit-action-check-in-created = Check-in added
audit-action-reflection-created = Reflection written
audit-action-activity-recorded = Activity recorded
audit-action-review-signed = Review signed
error-reflection-by-student-only = Only the student writes their reflections.
error-exempt-by-staff-only = Only school staff can exempt an activity.
error-exempt-reason-required = Give a reason for the exemption (at least 3 characters).
error-attempt-by-plan-manager-only = Only the plan manager logs attempts to reach a guardian.
error-cannot-sign = You can't sign this review.
error-review-not-ready = The review can be signed once the plan has at least one active goal.
error-already-signed = This review already has that signature.
error-reflection-length = A reflection needs 1 to 4000 characters.
students-status = Plan status
status-up-to-date = Up to date
status-not-up-to-date = Not up to date
status-overdue = { $count } overdue check-ins
students-filter = Show
students-filter-all = All plans
students-filter-not-up-to-date = Not up to date
students-filter-up-to-date = Up to date
students-filter-overdue = Overdue check-ins
students-filter-grade = Grade
students-filter-any-grade = Any grade
students-filter-apply = Filter
students-filter-any-school = Any school
students-sort = Sort by
students-sort-name = Name
students-sort-grade = Grade
students-sort-status = Needs attention first
