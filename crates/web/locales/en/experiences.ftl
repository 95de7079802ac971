## Experiences outside the classroom and the supervisor's verification page.

exp-title = Experiences outside the classroom
exp-intro = Internships, job shadows, community service, clubs, college courses and programs: log your hours and ask your supervisor to confirm them.
exp-intro-staff = The student's experiences outside the classroom and their hours, verified and not.
exp-totals-title = Hours by school year
exp-totals-none = No hours logged yet.
exp-year = School year
exp-kind = Kind
exp-hours-verified = verified
exp-hours-unverified = not verified yet
exp-wbl-total = Work-based learning, all years
exp-new = Add an experience
exp-new-open = New experience
exp-choose = Choose…
exp-add = Add experience
exp-email-hint = Your supervisor gets a link to confirm your hours. Leave blank if your counselor will confirm them.
exp-end-hint = Leave blank while it is still going on.
exp-list-title = My experiences
exp-none = No experiences yet.
exp-since = Since { $date }
exp-supervisor = Supervisor
exp-hours-n = { $hours } h
exp-not-verified = Not verified
exp-verified-supervisor = Verified by supervisor
exp-verified-staff = Verified by school staff
exp-log-hours = Log hours
exp-log = Save hours
exp-send-verification = Ask my supervisor to confirm
exp-verify-staff = Verify these hours
exp-sent-emailed = We emailed { $email } a link to confirm your hours. It works once, for 14 days.
exp-sent-copy = Email is not set up here: copy this link and send it to { $email } yourself. It works once, for 14 days.
exp-sent-link = Link for your supervisor
exp-link-pending = Confirmation link sent to { $email }, works until { $date }.
exp-link-confirmed = { $email } confirmed the hours.
exp-link-declined = { $email } did not confirm the hours.
exp-link-expired = The link sent to { $email } expired. Send a new one.
exp-declined-note = Supervisor's note

exp-kind-internship = Internship
exp-kind-job-shadow = Job shadow
exp-kind-apprenticeship = Apprenticeship
exp-kind-clinical = Clinical placement
exp-kind-community-service = Community service
exp-kind-extracurricular = Extracurricular
exp-kind-dual-credit = Dual or concurrent credit
exp-kind-out-of-school-program = Out-of-school program

exp-field-kind = Kind of experience
exp-field-organisation = Organization
exp-field-supervisor-name = Supervisor's name
exp-field-supervisor-email = Supervisor's email
exp-field-start-on = Start date
exp-field-end-on = End date
exp-field-reflection = What I did and learned
exp-field-competencies = Skills I practiced
exp-field-date = Date
exp-field-hours = Hours
exp-field-note = Note

exp-problem-required = this is needed.
exp-problem-too-long = this is too long.
exp-problem-invalid-email = this is not an email address.
exp-problem-invalid-date = this is not a date.
exp-problem-end-before-start = the end is before the start.
exp-problem-unknown-choice = choose one of the options.
exp-problem-unknown-competency = choose skills from the list.
exp-problem-too-many = too many.
exp-problem-competencies-too-many = choose at most 12.
exp-problem-hours-too-many = a day has at most 24 hours.
exp-problem-negative-hours = hours cannot be negative.
exp-problem-invalid-number = write a number, like 2 or 1.5.
exp-problem-not-quarter-step = use quarter hours, like 1.25 or 1.5.
exp-problem-outside-dates = the date is outside the experience's dates, or in the future.
exp-problem-exceeds-day = that day would have more than 24 hours logged.

error-experiences-by-student-only = Only the student adds experiences and logs hours.
error-experience-has-no-supervisor-email = This experience has no supervisor email. Add one, or ask school staff to verify the hours.
error-no-unverified-hours = There are no hours waiting to be verified.
error-hours-verified-by-staff-or-supervisor = Your supervisor or school staff verify your hours, not you.
error-invalid-experience = Check the experience: some fields are missing or wrong.
error-invalid-hours = Check the hours: the date or the number of hours is not right.
error-invalid-verification-response = Confirm, or decline with a note.

verify-hours-title = Confirm hours
verify-hours-intro = { $supervisor }, { $student } logged these hours at { $organisation } ({ $kind }). Please confirm they are right, or decline with a note.
verify-hours-listed = Hours to confirm
verify-hours-total = Total
verify-hours-confirm = Confirm these hours
verify-hours-note = If something is wrong, say what
verify-hours-decline = Decline
verify-hours-note-required = To decline, please write a short note saying what is wrong.
verify-hours-privacy = This page shows only what you need to confirm the hours. No account is needed.
verify-hours-confirmed = Thank you. The hours are confirmed.
verify-hours-declined = Thank you. The student will see your note.
verify-hours-used = This link has already been used. Nothing more is needed; if the student logs more hours, they can send a new link.
verify-hours-expired = This link has expired. Ask the student to send a new one.
verify-hours-invalid = This link is not valid. Check that you copied all of it, or ask the student for a new one.

mail-hours-verification-subject = Please confirm { $student }'s hours
mail-hours-verification-body = Hello { $supervisor },

    { $student } logged hours at { $organisation } and asked you to confirm them. Open this link to confirm or decline (no account needed):

    { $link }

    The link works once, for { $days } days.

## Changing an experience
exp-edit = Change
exp-edit-title = Change an experience
exp-edit-save = Save changes
exp-edit-locked = Some hours are verified, so the kind, organization and supervisor stay as the supervisor confirmed them. You can still change the dates, your reflection and the skills.
exp-edit-kept-tags = Skills no longer offered (kept on this experience)
exp-remove-hours = Remove
exp-problem-hours-outside-dates = some logged hours fall outside these dates; remove them first.
error-experience-has-verified-hours = Hours on this experience are verified, so its kind, organization and supervisor cannot change.
error-hours-verified = Verified hours cannot be removed.
