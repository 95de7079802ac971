## Career pages (the reference content — areas, clusters, values, steps — is in career.ftl)
nav-careers = Careers
nav-pathways = Pathways
career-title = Career
career-interests-title = Interests
career-values-strengths-title = Work values and strengths
career-not-yet = Not yet
career-more = More about careers
career-error-note = The note can be up to 500 characters.

inventory-title = Interest inventory
inventory-intro-self = Answer 60 quick questions about work activities. There are no right or wrong answers, and your answers are saved as you go.
inventory-progress = { $answered ->
    [one] 1 answered
   *[other] { $answered } answered
}
inventory-saved-as-you-go = Your answers are saved as you go. You can leave and come back.
inventory-choose = Choose one answer, then press Next.
inventory-question = Question { $number } of 60
inventory-prompt = How would you like to:
inventory-next = Next
inventory-back = Back
inventory-leave = Save and leave
inventory-results-title = Interest inventory results
inventory-not-taken-self = You haven't taken the interest inventory yet.
inventory-not-taken = The student hasn't taken the interest inventory yet.
inventory-start = Start the inventory
inventory-in-progress = In progress: { $answered } answered
inventory-draft-not-scored = The scores appear when all 60 are answered.
inventory-continue = Continue
inventory-see-results = See the results
inventory-code-title = Interest code
inventory-no-code = No interest code yet: every area scored 0.
inventory-code-means = The top interest areas are
inventory-scores-explain = Each area's score is the sum of its 10 answers, from 0 to 40.
inventory-areas-title = What each area means
inventory-compare-title = Compare years
inventory-area = Area
inventory-retake = Take it again this year
inventory-chart-label = Interest scores out of 40

matches-link = Careers that fit these interests
matches-title = Careers that fit my interests
matches-take-first = Take the interest inventory first; the matches come from its results.
matches-flat = Every interest area has the same score, so no career fits better than another. Try the inventory again next year, or browse careers.
matches-intro = Ranked by how closely each career's interest ratings fit the interest profile { $code } (the pattern of all six scores).
matches-zones = Preparation needed
matches-apply = Show
matches-count = { $count ->
    [one] 1 career ranked
   *[other] { $count } careers ranked
}
matches-fit = { $fit }% fit
matches-why-shape = Its strongest interests are { $areas }
matches-why-shared = Shares your top interests: { $areas }
matches-show-all = Show all
matches-unscored = { $count ->
    [one] 1 career has no interest ratings in O*NET and can't be ranked
   *[other] { $count } careers have no interest ratings in O*NET and can't be ranked
}

values-title = Work values
values-intro = How important is each of these in a future job? Leave any you are unsure about; you can come back.
strengths-title = Strengths
strengths-intro = How good are you at each of these right now? Be honest: this is for you.
ratings-error = Something in the form couldn't be read. Choose one answer per line and try again.
ratings-save = Save
ratings-answer = Answer

saved-title = My career list
saved-none-self = You haven't saved any careers yet. Save careers from the matches or from a career's page.
saved-none = No careers saved yet.
saved-why = Why
saved-remove = Remove
saved-add = Save to my list
saved-note = Why does this career interest you? (optional)
occupation-retired = No longer in O*NET
occupations-browse = Browse careers

explorations-title = Career exploration
exploration-new = Log an exploration activity
exploration-kind = Kind of activity
exploration-date = Date
exploration-what = What did you do?
exploration-reflection = What did you learn?
exploration-reflection-help = A few sentences: what surprised you, what you liked or didn't, what you want to find out next.
exploration-occupation = About a career on my list (optional)
exploration-goal = Evidence for my career goal (optional)
exploration-save = Save
explorations-none = No exploration activities logged yet.
goal-evidence-title = Evidence: career exploration
exploration-evidence-for = Evidence for the goal
exploration-error-kind = Choose a kind of activity.
exploration-error-date = Enter the date it happened (not a future date).
exploration-error-title = Say what you did (up to 200 characters).
exploration-error-reflection = Write what you learned (up to 2,000 characters).
exploration-error-goal = That goal isn't one of your career goals.

occupations-title = Careers
occupations-search = Search careers
occupations-search-help = A job title or a word in it: "nurse", "coder", "vet".
occupations-area = Interest area
occupations-any = Any
occupations-zone = Preparation
occupations-cluster = Career cluster
occupations-go = Search
occupations-none = No careers match. Try fewer words or another filter.
occupations-found = { $count ->
    [one] 1 career
   *[other] { $count } careers
}
occupation-title = Career
occupations-interests = Strongest interests
occupation-no-interest-data = O*NET has no interest ratings for this career.
job-zone-none = Preparation not rated
occupation-chart-label = Interest ratings from 1 to 7
occupation-interests = Interests
occupation-high-points = Strongest interests
occupation-scale = Ratings run from 1 (not at all) to 7 (very strongly) for how much each interest describes the work.
occupation-preparation = Preparation needed
occupation-education = Education
occupation-experience = Experience
occupation-training = Training
occupation-clusters = Career clusters
occupation-also-called = Also called
occupation-related = Related careers
clusters-title = Career clusters
clusters-intro = Career clusters group careers that need similar knowledge and skills. ssp shows both the 2024 framework and the 16 clusters many states still use.
clusters-district-pathways = Our district's pathways and academies
clusters-2024 = 2024 framework (14 clusters)
clusters-legacy = National Career Clusters (16, legacy)
clusters-2024-short = 2024 framework
clusters-legacy-short = legacy
clusters-crosswalk-note = Careers are placed in clusters by ssp's own crosswalk from their occupation codes; the district can ask for changes.

postsecondary-title = Postsecondary plan
postsec-from-grade-9 = The postsecondary plan starts in grade 9. Until then it can be read but not changed.
postsec-paths-title = Paths I'm considering
postsec-paths-question = After high school, I plan to go into
postsec-paths-save = Save my paths
postsec-programs-title = Programs and schools
postsec-programs-none = No programs or schools listed yet.
postsec-status = Status
postsec-status-save = Update
postsec-program-new = Add a program or school
postsec-program-name = Program, school or employer
postsec-program-path = Path
postsec-program-note = Note (optional)
postsec-program-add = Add
postsec-steps-title = Key steps
postsec-step-done = Done
postsec-step-overdue = Overdue
postsec-step-due = due
postsec-step-undo = Not done
postsec-step-mark-done = Mark done
postsec-step-new = Add a step of my own
postsec-step-title = Step
postsec-step-add = Add
postsec-comments-title = Comments from the team
postsec-comments-none = No comments yet.
postsec-comment-new = Your comment
postsec-comment-add = Add comment
postsec-error-paths = Choose at least one path.
postsec-error-program = Give the program a name (up to 200 characters), a path and a status; the note can be up to 500 characters.
postsec-error-step = Give the step a title and a due date (YYYY-MM-DD).
postsec-error-comment = Write a comment of up to 2,000 characters.

pathways-title = Career pathways
pathways-intro = The district's own pathways and academies. Link each to a career cluster so students can explore its careers; course planning links them to courses later.
pathways-none = No pathways yet.
pathway-remove = Remove
pathway-new = Add a pathway
pathway-name = Name
pathway-description = Description
pathway-add = Add pathway
pathway-error-name = Give the pathway a name (up to 200 characters).
pathway-error-description = The description can be up to 2,000 characters.
pathway-error-cluster = Choose at least one career cluster.
pathway-error-taken = The district already has a pathway with that name.

error-inventory-by-student-only = Only the student answers their interest inventory.
error-ratings-by-student-only = Only the student rates their own work values and strengths.
error-career-list-by-student-only = Only the student changes their career list.
error-exploration-by-student-only = Only the student logs their exploration activities.
error-postsecondary-by-student-only = Only the student changes their postsecondary plan; the team can comment on it.
error-postsecondary-from-grade-9 = The postsecondary plan starts in grade 9.
error-postsecondary-comment-by-staff-only = Only the student's team comments on the postsecondary plan.
error-invalid-answer = That answer isn't on the scale. Go back and choose one of the answers.
error-pathway-name-taken = The district already has a pathway with that name.
error-evidence-not-a-career-goal = That goal isn't one of the student's career goals.
error-unknown-program-status = That status isn't one of the choices.

## The students list
students-filter-cluster = Interested in (saved careers)
students-filter-any-cluster = Any cluster
students-interest = Interest inventory
students-inventory-done = Done
students-inventory-in-progress = In progress
students-inventory-not-taken = Not taken
error-students-list-staff-only = The students list is for staff; students and families open their plans from the home page.

onet-attribution = This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. ssp shows selected tables as published and adds its own career-cluster crosswalk.
