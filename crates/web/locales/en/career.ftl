# Career module (English). Every message id here must exist in es/career.ftl too (a test checks).
# The tail of each id is the stored Rust key, used verbatim (underscores included).

## Interest areas (RIASEC)
riasec-realistic = Realistic
riasec-realistic-short = You like working with your hands, tools, machines, plants or animals.
riasec-realistic-explain = People with Realistic interests like hands-on work they can see and touch: building, fixing, growing or running machines. They often work outdoors, in workshops, on farms or on building sites. Example careers: electrician, auto mechanic, carpenter, farmer, firefighter.
riasec-investigative = Investigative
riasec-investigative-short = You like to ask questions, solve problems and find out how things work.
riasec-investigative-explain = People with Investigative interests like to learn, think and figure things out, often with science or math. They work in labs, hospitals, universities and technology companies. Example careers: scientist, doctor, lab technician, engineer, data scientist.
riasec-artistic = Artistic
riasec-artistic-short = You like to create things and share your ideas through art, music, writing or design.
riasec-artistic-explain = People with Artistic interests like work where they can use their imagination and be creative, without too many fixed rules. They work in studios, theaters, design firms, newsrooms and often from home. Example careers: graphic designer, musician, writer, actor, architect.
riasec-social = Social
riasec-social-short = You like helping, teaching and caring for other people.
riasec-social-explain = People with Social interests like to work with people: to teach them, help them, care for them or serve them. They work in schools, hospitals, community centers and counseling offices. Example careers: teacher, nurse, school counselor, social worker, coach.
riasec-enterprising = Enterprising
riasec-enterprising-short = You like to lead, convince people and get new things started.
riasec-enterprising-explain = People with Enterprising interests like to lead, make decisions, take chances and win others over to their ideas. They work in offices and stores, in businesses they start themselves and in government. Example careers: business owner, sales manager, lawyer, real estate agent, restaurant manager.
riasec-conventional = Conventional
riasec-conventional-short = You like to keep things organized and work with numbers, records and clear steps.
riasec-conventional-explain = People with Conventional interests like work with clear rules and details, where being careful and organized matters. They work in offices, banks, hospitals and government agencies. Example careers: accountant, bank teller, administrative assistant, medical records specialist, payroll clerk.

## Career clusters: the 16 legacy National Career Clusters
cluster-legacy-agriculture_food_natural_resources = Agriculture, Food & Natural Resources
cluster-legacy-architecture_construction = Architecture & Construction
cluster-legacy-arts_av_technology_communications = Arts, A/V Technology & Communications
cluster-legacy-business_management_administration = Business Management & Administration
cluster-legacy-education_training = Education & Training
cluster-legacy-finance = Finance
cluster-legacy-government_public_administration = Government & Public Administration
cluster-legacy-health_science = Health Science
cluster-legacy-hospitality_tourism = Hospitality & Tourism
cluster-legacy-human_services = Human Services
cluster-legacy-information_technology = Information Technology
cluster-legacy-law_public_safety_corrections_security = Law, Public Safety, Corrections & Security
cluster-legacy-manufacturing = Manufacturing
cluster-legacy-marketing = Marketing
cluster-legacy-stem = Science, Technology, Engineering & Mathematics
cluster-legacy-transportation_distribution_logistics = Transportation, Distribution & Logistics

## Career clusters: the 14 clusters of the 2024 framework (Advance CTE)
cluster-2024-advanced_manufacturing = Advanced Manufacturing
cluster-2024-agriculture = Agriculture
cluster-2024-arts_entertainment_design = Arts, Entertainment & Design
cluster-2024-construction = Construction
cluster-2024-digital_technology = Digital Technology
cluster-2024-education = Education
cluster-2024-energy_natural_resources = Energy & Natural Resources
cluster-2024-financial_services = Financial Services
cluster-2024-healthcare_human_services = Healthcare & Human Services
cluster-2024-hospitality_events_tourism = Hospitality, Events & Tourism
cluster-2024-management_entrepreneurship = Management & Entrepreneurship
cluster-2024-marketing_sales = Marketing & Sales
cluster-2024-public_service_safety = Public Service & Safety
cluster-2024-supply_chain_transportation = Supply Chain & Transportation

## Work values
value-achievement = Achievement
value-achievement-explain = You want work where you use your abilities and can see what you got done.
value-independence = Independence
value-independence-explain = You want to make your own decisions and try your own ideas at work.
value-recognition = Recognition
value-recognition-explain = You want work that people respect, with a chance to move up.
value-relationships = Relationships
value-relationships-explain = You want friendly co-workers, a chance to help others and work you believe is right.
value-support = Support
value-support-explain = You want a boss and a company that treat you fairly, back you up and help you learn.
value-working_conditions = Working conditions
value-working_conditions-explain = You want good pay, a steady job and a good place to work.

## Strengths
strength-working_with_hands = Working with my hands
strength-math = Math
strength-reading_writing = Reading and writing
strength-science = Science
strength-art_design = Art and design
strength-music_performance = Music and performing
strength-helping_people = Helping people
strength-leading_others = Leading others
strength-organizing = Organizing
strength-technology = Technology and computers
strength-speaking = Speaking in front of others
strength-sports_fitness = Sports and fitness

## Answer scales
inventory-answer-0 = Strongly dislike
inventory-answer-1 = Dislike
inventory-answer-2 = Not sure
inventory-answer-3 = Like
inventory-answer-4 = Strongly like
value-answer-1 = Not important
value-answer-2 = Somewhat important
value-answer-3 = Important
value-answer-4 = Very important
strength-answer-1 = Still learning
strength-answer-2 = Getting there
strength-answer-3 = Good at it
strength-answer-4 = One of my strengths

## Job zones (how much preparation an occupation needs, from O*NET)
job-zone-1 = Little or no preparation
job-zone-1-explain = Usually a high school diploma or less, and a few days to a few months of training on the job.
job-zone-2 = Some preparation
job-zone-2-explain = Usually a high school diploma, plus some work experience or a few months to a year of training.
job-zone-3 = Medium preparation
job-zone-3-explain = Usually a trade or technical school, an apprenticeship or a two-year (associate's) degree.
job-zone-4 = Considerable preparation
job-zone-4-explain = Usually a four-year (bachelor's) degree and several years of related experience.
job-zone-5 = Extensive preparation
job-zone-5-explain = Usually a graduate degree, such as a master's, a doctorate, or a medical or law degree, and years of experience.

## After high school: paths, program status, exploration
postsec-path-four_year = Four-year college or university
postsec-path-two_year = Two-year community or technical college
postsec-path-apprenticeship = Apprenticeship
postsec-path-military = Military
postsec-path-certificate = Certificate program
postsec-path-work = Straight to work
postsec-status-researching = Researching
postsec-status-applying = Working on the application
postsec-status-applied = Application sent
postsec-status-accepted = Accepted
postsec-status-enrolled = Enrolled
exploration-career_fair = Career fair
exploration-job_shadow = Job shadow
exploration-informational_interview = Informational interview
exploration-research = Research
exploration-visit = Campus or workplace visit

## Key steps by grade (titles, then one sentence each)
postsec-step-explore_careers = Explore careers that match your interests
postsec-step-explore_careers-explain = Take the interest inventory and look at careers that fit your interest code.
postsec-step-four_year_course_plan = Make a four-year course plan
postsec-step-four_year_course_plan-explain = Plan your courses for grades 9 to 12 so you meet graduation requirements and keep your options open.
postsec-step-take_psat_or_preact = Take a practice test (PSAT or PreACT)
postsec-step-take_psat_or_preact-explain = A practice test in grade 10 shows what to work on before the SAT or ACT.
postsec-step-job_shadow = Shadow someone at work for a day
postsec-step-job_shadow-explain = Spend a day with someone whose job interests you, and ask them questions.
postsec-step-take_psat_nmsqt = Take the PSAT/NMSQT
postsec-step-take_psat_nmsqt-explain = Taken in October of grade 11, it is also the test that qualifies students for National Merit Scholarships.
postsec-step-take_asvab = Take the ASVAB
postsec-step-take_asvab-explain = The military's aptitude test; many schools give it free, and the results help with career planning too.
postsec-step-visit_colleges = Visit colleges and programs
postsec-step-visit_colleges-explain = Visit campuses in person or online, and talk to the students there.
postsec-step-take_sat_act = Take the SAT or ACT
postsec-step-take_sat_act-explain = Most students first take the SAT or ACT in the spring of grade 11; some colleges do not require a score.
postsec-step-research_apprenticeships = Research apprenticeships
postsec-step-research_apprenticeships-explain = Find registered apprenticeships in the trades you like, and what they ask of applicants.
postsec-step-write_resume = Write a résumé
postsec-step-write_resume-explain = List your jobs, volunteer work, skills and awards on one page.
postsec-step-meet_military_recruiter = Meet with a military recruiter
postsec-step-meet_military_recruiter-explain = Ask about the branches, the jobs they offer and what enlisting means; bring a parent or guardian.
postsec-step-apply_early = Send early applications
postsec-step-apply_early-explain = Early action and early decision deadlines are often November 1; early decision is binding.
postsec-step-submit_css_profile = Submit the CSS Profile
postsec-step-submit_css_profile-explain = Some private colleges ask for this extra financial aid form; check each college's deadline.
postsec-step-submit_fafsa = Submit the FAFSA
postsec-step-submit_fafsa-explain = The federal student aid form opens on October 1; sending it early can mean more aid.
postsec-step-apply_regular = Send regular applications
postsec-step-apply_regular-explain = Regular deadlines are often January 1 or later; community colleges often take applications into the summer.
postsec-step-apply_apprenticeships = Apply to apprenticeships
postsec-step-apply_apprenticeships-explain = Send your applications and get ready for any entrance test or interview.
postsec-step-decide_by_may_1 = Make your college decision by May 1
postsec-step-decide_by_may_1-explain = May 1 is National College Decision Day, when most colleges need your answer and deposit.
postsec-step-request_final_transcript = Request your final transcript
postsec-step-request_final_transcript-explain = Ask the school to send your final transcript to your college, program, employer or recruiter.
