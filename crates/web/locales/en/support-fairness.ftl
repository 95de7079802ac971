## The fairness audit (/admin/support/fairness)
fairness-title = Fairness of early-warning flags
fairness-intro = The share of students with an active flag, by group. Demographics come from the roster and are used here only, in aggregate; no rule reads them. Groups of fewer than 10 students are not shown, nor any group whose numbers would reveal one.
fairness-kind = Flags
fairness-kind-any = Any flag
fairness-kind-chronic-absence = Chronic absence
fairness-kind-suspension = Suspension
fairness-kind-course-failure = Course failure
fairness-kind-low-gpa = Low GPA
fairness-kind-grade9-off-track = Grade 9 off track
fairness-show = Show
fairness-group = Group
fairness-students = Students
fairness-flagged = Flagged
fairness-share = Share flagged
fairness-percent = { $value } %
fairness-total = All students
fairness-suppressed-small = Not shown: fewer than 10 students
fairness-suppressed-complementary = Not shown: would reveal a small group
fairness-source = Source: sex and race/ethnicity from the roster's demographics file; students without it are not counted.
fairness-dimension-sex = By sex
fairness-dimension-race-ethnicity = By race and ethnicity
fairness-sex-female = Female
fairness-sex-male = Male
fairness-sex-unspecified = Unspecified
fairness-sex-other = Other
fairness-sex-not-reported = Not reported
fairness-race-ethnicity-hispanic-latino = Hispanic or Latino
fairness-race-ethnicity-american-indian-alaska-native = American Indian or Alaska Native
fairness-race-ethnicity-asian = Asian
fairness-race-ethnicity-black-african-american = Black or African American
fairness-race-ethnicity-native-hawaiian-pacific-islander = Native Hawaiian or Other Pacific Islander
fairness-race-ethnicity-white = White
fairness-race-ethnicity-two-or-more = Two or more races
fairness-race-ethnicity-not-reported = Not reported

## Navigation
nav-my-flags = My flags
nav-support-settings = Early warning
nav-strategies = Intervention strategies

## The caseload's support filter
students-support = Support
students-support-all = All students
students-support-needs-support = Students who need support
students-support-chronic-absence = Flag: chronic absence
students-support-suspension = Flag: suspension
students-support-course-failure = Flag: course failure
students-support-low-gpa = Flag: low GPA
students-support-grade9-off-track = Flag: grade 9 off track
students-support-overdue-next-step = Flag with an overdue next step
students-support-unowned = Flag whose owner has left
students-support-tier-2 = Tier 2 intervention
students-support-tier-3 = Tier 3 intervention
