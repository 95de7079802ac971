# Needs and tiered interventions (issue 17).

needs-title = Needs
needs-intro = What this student needs to do well at school, and what is being done about it. Health needs are read by the nurse and the plan manager only; social-emotional needs by the social worker and the plan manager.
needs-new = Record a need
needs-new-open = Record a need
needs-kind-hint = The kind decides who can read it: health and vision or dental needs stay with the nurse and plan manager.
needs-save = Save the need
needs-list = Recorded needs
needs-none = No needs recorded that you can see.
needs-update = Update status or what is being done
needs-update-save = Save the update
needs-keep-status = Keep the status
needs-hidden = { $count ->
    [one] 1 need is restricted ({ $class }). Opening it needs a reason, and the plan manager is told.
   *[other] { $count } needs are restricted ({ $class }). Opening them needs a reason, and the plan manager is told.
}

need-kind-health = Health
need-kind-vision-dental = Vision or dental
need-kind-food = Food
need-kind-housing = Housing
need-kind-clothing = Clothing
need-kind-transportation = Transportation
need-kind-attendance-barrier = Something keeps the student from school
need-kind-academic = Academic
need-kind-social-emotional = Social-emotional

need-status-identified = Identified
need-status-in-progress = Being worked on
need-status-met = Met
need-status-no-longer-needed = No longer needed

need-source-team = Identified by the team
need-source-student-profile = From the student's profile

sn-choose = Choose…
sn-owner-me = Me
sn-field-kind = Kind
sn-field-description = Description
sn-field-what-is-being-done = What is being done
sn-field-source = Who identified it
sn-field-status = Status
sn-field-strategy = Strategy
sn-field-tier = Tier
sn-field-owner = Owner
sn-field-start-on = Start date
sn-field-planned-weeks = Planned length (weeks)
sn-field-cadence = How often progress is checked
sn-field-measure = What is measured
sn-field-baseline = Baseline
sn-field-goal = Goal
sn-field-on = Date
sn-field-value = Value
sn-field-note = Note
sn-field-end = How it ends
sn-field-outcome = Outcome against the goal
sn-field-target = Id of the need, goal or flag
sn-field-name = Name
sn-field-key = Key
sn-field-sensitivity = Class
sn-field-reason = Reason

sn-problem-required = required.
sn-problem-too-long = too long.
sn-problem-unknown-choice = not one of the choices.
sn-problem-invalid-number = not a number.
sn-problem-out-of-range = out of range.
sn-problem-negative-number = can't be negative.
sn-problem-too-large = too large.
sn-problem-invalid-date = not a date (use the date picker or YYYY-MM-DD).
sn-problem-in-future = can't be after today.
sn-problem-invalid-id = not a valid id.
sn-problem-not-on-team = must be you, the plan manager or someone on the student's team.
sn-problem-unknown = not one of this student's.
sn-problem-duplicate = already in the library.
sn-problem-invalid-strategy-key = use 2–60 lowercase letters, digits and underscores, starting with a letter.
sn-problem-same-as-baseline = must differ from the baseline.
sn-problem-too-short = too short.
sn-problem-on-before-start = a progress point can't be dated before the intervention started.

tier-tier-1 = Tier 1 (universal)
tier-tier-2 = Tier 2 (targeted)
tier-tier-3 = Tier 3 (intensive)

strategy-attendance-recognition = Attendance recognition
strategy-positive-behaviour-supports = Positive behaviour supports
strategy-advisory-check-ins = Advisory check-ins
strategy-check-and-connect = Check & Connect
strategy-check-in-check-out = Check-in/check-out
strategy-attendance-contract = Attendance contract
strategy-family-attendance-conference = Family attendance conference
strategy-daily-behaviour-report-card = Daily behaviour report card
strategy-small-group-tutoring = Small-group tutoring
strategy-small-group-sel = Small-group social-emotional learning
strategy-mentoring = Mentoring
strategy-credit-recovery = Credit recovery
strategy-individual-tutoring = Individual tutoring
strategy-functional-behaviour-assessment = Functional behaviour assessment
strategy-individual-counseling = Individual counseling
strategy-wraparound-services = Wraparound services

interventions-title = Interventions
interventions-intro-staff = Supports given on purpose, each with an owner, a goal and progress checks. Only those shared with the family are shown to the student and guardians.
interventions-intro-family = Supports the school is giving, with how they are going.
interventions-new = Start an intervention
interventions-new-open = Start an intervention
interventions-tier-of-strategy = The strategy's usual tier
interventions-tier-hint = Leave as is to use the tier the strategy usually serves.
interventions-measure-hint = For example: days attended per week, or assignments turned in (%).
interventions-answers-need = The need it answers
interventions-no-need = None
interventions-share = Share with the student and family
interventions-share-hint = When shared, the student and guardians with educational rights can see it and its progress.
interventions-start = Start the intervention
interventions-list = Interventions
interventions-none = No interventions yet.
interventions-shared = Shared with the family
interventions-staff-only = Staff only
interventions-due = Next progress check due { $date }.
interventions-overdue = Progress check overdue since { $date }.

intervention-status-active = Active
intervention-status-completed = Completed
intervention-status-discontinued = Discontinued
outcome-met = Goal met
outcome-partly-met = Goal partly met
outcome-not-met = Goal not met
link-kind-need = Need
link-kind-goal = Goal
link-kind-flag = Early-warning flag

intervention-progress = Progress
intervention-chart-label = Progress on { $measure }: { $count } points, baseline { $baseline }, goal { $goal }, latest { $latest }. The points are also listed in the table below.
intervention-chart-legend = The straight line runs from the baseline at the start to the goal at the planned end; the dots are the measured points.
intervention-no-points = No progress points yet.
intervention-points = Progress points
intervention-expected = On the goal line
intervention-by = Recorded by
intervention-add-point = Add a progress point
intervention-save-point = Save the point
intervention-end = End the intervention
intervention-end-open = Complete or discontinue
intervention-complete = Completed as planned
intervention-discontinue = Stopped early
intervention-end-save = End it
intervention-sharing = Sharing with the family
intervention-share = Share with the student and family
intervention-unshare = Make it staff only
intervention-links = What it answers
intervention-no-links = Not linked to a need, goal or flag.
intervention-link = Link

strategies-title = Intervention strategies
strategies-intro = The strategies staff can choose when they start an intervention: the shipped library, and the district's own beside it.
strategies-own = The district's own strategies
strategies-own-none = The district has not added any strategies.
strategies-retired = Retired
strategies-retire = Retire
strategies-restore = Offer again
strategies-key-hint = A short stable key: lowercase letters, digits and underscores (reading_buddies).
strategies-add = Add the strategy
strategies-shipped = Shipped library

error-illegal-need-move = A need can't move to that status from where it is.
error-illegal-intervention-move = This intervention has already ended.
error-intervention-ended = This intervention has ended; it takes no more progress points.
error-invalid-need = Check the need's fields.
error-invalid-need-change = Check the status and what is being done.
error-invalid-intervention = Check the intervention's fields.
error-invalid-progress-point = Check the progress point.
error-invalid-ending = Choose how the intervention ends and its outcome.
error-invalid-link = Check what the intervention is linked to.
error-invalid-strategy = Check the strategy's fields.

audit-action-need-recorded = Need recorded
audit-action-need-changed = Need updated
audit-action-intervention-started = Intervention started
audit-action-intervention-progress-recorded = Intervention progress recorded
audit-action-intervention-ended = Intervention ended
audit-action-intervention-linked = Intervention linked
audit-action-intervention-sharing-changed = Intervention sharing changed
audit-action-support-strategy-changed = Intervention strategy changed

student-needs = Needs
student-interventions = Interventions
