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
