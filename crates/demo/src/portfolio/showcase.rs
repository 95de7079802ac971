//! The showcase family's portfolios, written by hand to match their plans
//! and career records. Camila (demo.student, grade 10): her first piece
//! the day she ticked "first portfolio artifact" in grade 9 (Algebra I
//! corrections, evidence for her met math goal), a narrative about her
//! aunt's bakery, her interview with her aunt the ER nurse, and this
//! year a drawing of an animal cell (a real PNG) and an enzyme lab report
//! (a real PDF) for biology, her favourite class; a "Health careers"
//! collection; reading buddies at the library last summer and JV soccer
//! this fall (the soccer her SEP goal counts). Mateo (grade 12): college
//! visits, the FAFSA, the food drive and park cleanup his community
//! service goal counts, a job shadow at Harbor City Hospital last spring,
//! and a capstone on why new nurses leave their first job, mentored by
//! the nurse educator he shadowed: returned once, approved, four
//! milestones in, interviews attached.

use ssp_db::repo::bulk::{
    ArtifactBulkRow, CapstoneMilestoneBulkRow, CapstoneProductBulkRow, ExperienceBulkRow, ExperienceHoursBulkRow,
    PortfolioCollectionBulkRow,
};
use ssp_domain::portfolio::capstone::{CapstoneEvent, NewMilestone, ReturnComment};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time};
use uuid::Uuid;

use super::files::{cell_drawing_png, text_pdf};
use super::topics::TOPICS;
use super::{StudentPortfolio, G9_FIRST_ARTIFACT};
use crate::DemoFile;

/// A piece of work written out by hand.
struct Piece {
    title: &'static str,
    description: &'static str,
    reflection: &'static str,
    domain: &'static str,
    year: SchoolYear,
    tags: &'static str,
    content: Held,
    best_work: bool,
    /// The statement of the goal it is evidence for.
    goal: Option<&'static str>,
    created_at: OffsetDateTime,
}

/// What a hand-written piece holds.
enum Held {
    Text(&'static str),
    Link(&'static str),
    /// A file: its name, type key and bytes.
    File(&'static str, &'static str, Vec<u8>),
}

/// An hours entry: the day, hundredths, a note.
type Entry = (Date, u32, &'static str);

/// An experience written out by hand; entries up to `verified` (when set)
/// are verified by the supervisor, on the day after it.
struct Lived {
    kind: &'static str,
    organisation: &'static str,
    supervisor: (&'static str, Option<&'static str>),
    start: Date,
    end: Option<Date>,
    reflection: &'static str,
    tags: &'static str,
    entries: Vec<Entry>,
    verified_through: Option<Date>,
    /// Verified by staff (the plan manager) rather than the supervisor.
    by_staff: bool,
}

impl StudentPortfolio<'_> {
    fn on(&self, year: SchoolYear, m: Month, d: u8, h: u8, min: u8) -> OffsetDateTime {
        let day = self.cal.day(year, m, d).min(self.cal.latest);
        PrimitiveDateTime::new(day, Time::from_hms(h, min, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
    }

    fn ago(&self, days: i64) -> Date {
        self.cal.today - Duration::days(days)
    }

    fn piece(&mut self, p: Piece) -> Uuid {
        let id = self.id();
        let goal_id = p
            .goal
            .and_then(|statement| self.goals.iter().find(|g| g.statement == statement).map(|g| g.id));
        let (kind, url, body) = match &p.content {
            Held::Text(b) => ("text", None, Some(*b)),
            Held::Link(u) => ("link", Some(*u), None),
            Held::File(..) => ("file", None, None),
        };
        let mut row = ArtifactBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            kind,
            title: p.title,
            description: p.description,
            reflection: p.reflection,
            domain: p.domain,
            school_year: p.year.0,
            competencies: p.tags.to_owned(),
            url,
            body,
            file_key: None,
            file_name: None,
            file_type: None,
            file_bytes: None,
            private: false,
            best_work: p.best_work,
            goal_id,
            created_at: p.created_at,
            updated_at: p.created_at,
        };
        if let Held::File(name, file_type, bytes) = p.content {
            // Where the app keeps a student's file (`artifacts.rs`).
            let key = format!("artifacts/{}/{id}", self.s.id);
            row.file_key = Some(key.clone());
            row.file_name = Some(name);
            row.file_type = Some(file_type);
            row.file_bytes = Some(bytes.len() as i64);
            self.batch.files.push(DemoFile { key, bytes });
        }
        self.batch.artifacts.push(row);
        id
    }

    fn collection(&mut self, name: &'static str, items: &[Uuid], created_at: OffsetDateTime) {
        let id = self.id();
        self.batch.collections.push(PortfolioCollectionBulkRow {
            id,
            student_id: self.s.id,
            name,
            items: items.iter().map(Uuid::to_string).collect::<Vec<_>>().join(","),
            created_at,
            updated_at: created_at,
        });
    }

    fn lived(&mut self, l: Lived) {
        let experience_id = self.id();
        let created_at = self.at(l.start.min(self.cal.latest));
        self.batch.experiences.push(ExperienceBulkRow {
            id: experience_id,
            district_id: self.district(),
            student_id: self.s.id,
            kind: l.kind,
            organisation: l.organisation,
            supervisor_name: l.supervisor.0.to_owned(),
            supervisor_email: l.supervisor.1.map(str::to_owned),
            start_on: l.start,
            end_on: l.end,
            reflection: l.reflection,
            competencies: l.tags.to_owned(),
            created_at,
            updated_at: created_at,
        });
        for (on, hundredths, note) in l.entries {
            let logged_at = self.at(on).max(created_at);
            let verified = l.verified_through.filter(|through| on <= *through);
            let verified_at = verified.map(|through| self.at_school(through + Duration::days(1)).max(logged_at));
            let (by, verifier_id, verifier_email) = match (verified, l.by_staff) {
                (None, _) => (None, None, None),
                (Some(_), true) => (Some("staff"), Some(self.s.manager), None),
                (Some(_), false) => (Some("supervisor"), None, l.supervisor.1.map(str::to_owned)),
            };
            let id = self.id();
            self.batch.hours.push(ExperienceHoursBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                experience_id,
                worked_on: on,
                hundredths: hundredths as i32,
                note,
                verified_by: by,
                verified_at,
                verifier_id,
                verifier_email,
                created_at: logged_at,
            });
        }
    }

    pub(super) fn camila(&mut self) {
        let this = self.cal.year;
        let last = self.cal.last();
        // Her first piece, just before she ticked the grade-9 activity.
        let first_at = self
            .activity(G9_FIRST_ARTIFACT)
            .map(|a| a.recorded_at - Duration::minutes(20))
            .unwrap_or_else(|| self.on(last, Month::January, 28, 15, 40));
        self.piece(Piece {
            title: "Algebra I: my quiz corrections",
            description: "Corrections on the linear equations quiz, redone with my tutor.",
            reflection: "I got a 64 on the quiz. Doing the corrections with my tutor, I saw that most of my mistakes were \
                         the same one: forgetting to distribute the negative. My next quiz was a 78.",
            domain: "academic",
            year: last,
            tags: "asca:B-SMS-5,asca:B-LS-3,p21:critical_thinking",
            content: Held::Text(
                "Problem 4: -2(x - 5) = 14. I wrote -2x - 10 = 14, but -2 times -5 is +10, so -2x + 10 = 14, x = -2. \
                 Problem 7: same mistake. Problem 9: I divided only one side by 3. \
                 What I will do: circle every negative sign before I distribute, and check by putting my answer back in.",
            ),
            best_work: false,
            goal: Some("Pass Algebra I with a 75 or better"),
            created_at: first_at,
        });
        self.piece(Piece {
            title: "Personal narrative: Saturdays at the bakery",
            description: "English 9 personal narrative, final draft.",
            reflection: "My teacher said this was the first thing I wrote that sounded like me. \
                         I read it to my tía and she made me read it again to the customers.",
            domain: "academic",
            year: last,
            tags: "p21:communication,p21:creativity_innovation,casel:self_awareness",
            content: Held::Text(
                "On Saturdays the bakery opens at six, which means my aunt unlocks the door at four-thirty and I arrive, \
                 half asleep, at five. My job is the conchas: twelve trays, the sugar tops pressed in a shell pattern \
                 with a cutter older than me. By seven the line is out the door. I know the regulars by their orders \
                 before I know their names. Mr. Ruiz, two bolillos and a coffee, no sugar; the nurse from the night shift, \
                 whatever is warmest. My aunt says you can tell a lot about a person by what they eat when they are tired. \
                 I think you can tell a lot about a person by whether they say thank you when they are tired. \
                 Most of them do.",
            ),
            best_work: true,
            goal: None,
            created_at: self.on(last, Month::March, 12, 19, 5),
        });
        let interview = self.piece(Piece {
            title: "Interview with my aunt, an ER nurse",
            description: "My informational interview for the career unit.",
            reflection: "She made nursing sound hard and worth it. I want to shadow her over winter break.",
            domain: "career",
            year: last,
            tags: "casel:social_awareness,asca:M-6,p21:communication",
            content: Held::Text(
                "Q: What is a normal shift? A: Twelve hours, three days a week, and no shift is normal. \
                 Q: What is the hardest part? A: When a patient does not get better, and you still have four others \
                 who need you. Q: The best part? A: My team. Q: What should I do now if I am interested? \
                 A: Take biology and chemistry seriously, volunteer somewhere with people, and ask to shadow.",
            ),
            best_work: true,
            goal: None,
            created_at: self.on(last, Month::April, 20, 18, 30),
        });
        let cell = self.piece(Piece {
            title: "Biology: animal cell diagram",
            description: "My labeled drawing of an animal cell for the cell structure unit.",
            reflection: "Drawing it myself helped me remember the organelles better than the flashcards did.",
            domain: "academic",
            year: this,
            tags: "p21:creativity_innovation,p21:communication",
            content: Held::File("animal-cell.png", "png", cell_drawing_png()),
            best_work: true,
            goal: None,
            created_at: self.on(this, Month::September, 19, 16, 45),
        });
        let fair = self.piece(Piece {
            title: "What I learned at the fall career fair",
            description: "Notes from the career fair in the gym.",
            reflection: "The CNA class would let me work in a hospital while I'm in college. I asked my counselor about it.",
            domain: "career",
            year: this,
            tags: "asca:M-6,p21:information_literacy",
            content: Held::Text(
                "Harbor City Hospital: juniors can take the CNA course at the career center, two afternoons a week. \
                 You need a C or better in biology. Certified nursing assistants start at about $18 an hour. \
                 The physical therapy clinic takes volunteers at 16. Harbor Community College has an open house in March.",
            ),
            best_work: false,
            goal: None,
            created_at: self.on(this, Month::October, 9, 17, 20),
        });
        let report = text_pdf(
            "Lab report: temperature and enzyme activity",
            &[
                "Camila Reyes - Biology 10 - Riverside High School",
                "",
                "Question: How does temperature change how fast catalase breaks down hydrogen peroxide?",
                "Hypothesis: The reaction will be fastest near body temperature (37 C) and slow down when hotter.",
                "",
                "Method: We put a 1 cm cube of potato in 10 mL of 3% hydrogen peroxide at five temperatures",
                "and measured the height of the foam after 60 seconds. Three trials at each temperature.",
                "",
                "Results (average foam height):",
                "   4 C: 0.8 cm     20 C: 2.1 cm     37 C: 3.4 cm     50 C: 2.6 cm     70 C: 0.3 cm",
                "",
                "Conclusion: My hypothesis was supported. The enzyme worked best at 37 C. At 70 C the enzyme",
                "was denatured, so its shape changed and it could not fit the hydrogen peroxide anymore.",
                "",
                "Sources of error: the potato cubes were cut by hand, and the foam was hard to read at 37 C.",
                "Next time: use a graduated cylinder instead of a ruler, and do five trials.",
            ],
        );
        let lab = self.piece(Piece {
            title: "Lab report: temperature and enzyme activity",
            description: "Biology lab on catalase and hydrogen peroxide at five temperatures.",
            reflection: "My first lab report where the error analysis made sense to me. Five trials next time!",
            domain: "academic",
            year: this,
            tags: "p21:critical_thinking,p21:information_literacy,asca:B-LS-1",
            content: Held::File("enzyme-lab-report.pdf", "pdf", report),
            best_work: false,
            goal: None,
            created_at: self.on(this, Month::October, 16, 20, 10),
        });
        let made = self.on(this, Month::October, 20, 19, 0);
        self.collection("Health careers", &[interview, fair, cell, lab], made);

        let cal = self.cal;
        let summer = move |m: Month, d: u8| cal.day(this, m, d);
        let reading: Vec<Entry> = [
            (Month::June, 24),
            (Month::June, 26),
            (Month::July, 1),
            (Month::July, 8),
            (Month::July, 15),
            (Month::July, 22),
            (Month::July, 29),
            (Month::August, 5),
        ]
        .into_iter()
        .map(|(m, d)| {
            let on = if m == Month::June {
                cal.day(last, m, d)
            } else {
                summer(m, d)
            };
            (on, 150, "Reading buddies")
        })
        .collect();
        self.lived(Lived {
            kind: "community_service",
            organisation: "Riverside Public Library",
            supervisor: ("Grace Whitfield", Some("grace.whitfield@example.org")),
            start: self.cal.day(last, Month::June, 24),
            end: Some(summer(Month::August, 5)),
            reflection: "The kids I read with were so proud when they finished a chapter book. \
                         It made me think about working with kids, maybe in pediatrics.",
            tags: "casel:social_awareness,p21:communication",
            entries: reading,
            verified_through: Some(summer(Month::August, 11)),
            by_staff: false,
        });
        let soccer: Vec<Entry> = [
            (Month::August, 17, 200, "Tryouts"),
            (Month::August, 19, 200, "Practice"),
            (Month::August, 26, 200, "Practice"),
            (Month::September, 2, 200, "Practice"),
            (Month::September, 12, 300, "Game vs. Eastside"),
            (Month::September, 23, 200, "Practice"),
            (Month::September, 30, 200, "Practice"),
            (Month::October, 7, 200, "Practice"),
            (Month::October, 17, 300, "Game vs. Bayview"),
            (Month::October, 21, 200, "Practice"),
            (Month::October, 28, 200, "Practice"),
        ]
        .into_iter()
        .map(|(m, d, h, note)| (summer(m, d), h, note))
        .filter(|(on, _, _)| *on <= self.cal.latest)
        .collect();
        self.lived(Lived {
            kind: "extracurricular",
            organisation: "Girls' Soccer (JV)",
            supervisor: ("Dana Okafor", Some("dana.okafor@example.org")),
            start: summer(Month::August, 17),
            end: Some(summer(Month::November, 7)),
            reflection: "",
            tags: "p21:collaboration,casel:self_management",
            entries: soccer,
            verified_through: Some(summer(Month::September, 30)),
            by_staff: false,
        });
    }

    pub(super) fn mateo(&mut self) {
        let this = self.cal.year;
        let last = self.cal.last();
        let grade10 = SchoolYear(this.0 - 2);
        let grade9 = SchoolYear(this.0 - 3);
        // Older work, added when the district started.
        self.piece(Piece {
            title: "Biology: owl pellet lab",
            description: "What we found in an owl pellet and what it says about the food web.",
            reflection: "Gross but really interesting. Three vole skulls!",
            domain: "academic",
            year: grade9,
            tags: "p21:critical_thinking,p21:collaboration",
            content: Held::Text(
                "Our pellet held the bones of three voles and one shrew. Owls swallow prey whole and cough up what \
                 they can't digest. From the skulls we can tell what the owl ate in about two days, \
                 which shows the owl is a top predator in the field's food web.",
            ),
            best_work: false,
            goal: None,
            created_at: self.on(last, Month::October, 3, 18, 0),
        });
        self.piece(Piece {
            title: "Cross-country season log",
            description: "My times from my first season.",
            reflection: "I started as the slowest on the team and finished the 5K under 22 minutes.",
            domain: "sep",
            year: grade9,
            tags: "casel:self_management,asca:B-SMS-5",
            content: Held::Text(
                "First meet: 25:48. Mid-season: 23:55. League championship: 21:52. \
                 What changed: I stopped skipping the Saturday long runs.",
            ),
            best_work: true,
            goal: None,
            created_at: self.on(last, Month::October, 3, 18, 20),
        });
        self.piece(Piece {
            title: "Chemistry lab: how temperature changes reaction rate",
            description: "Lab report on tablets dissolving in water at four temperatures.",
            reflection: "The first lab where I understood why the graph curved.",
            domain: "academic",
            year: grade10,
            tags: "p21:critical_thinking,p21:information_literacy",
            content: Held::Link("https://docs.example.org/d/mateo-reaction-rate-lab"),
            best_work: true,
            goal: None,
            created_at: self.on(last, Month::October, 3, 18, 45),
        });
        self.piece(Piece {
            title: "World history: Industrial Revolution museum exhibit",
            description: "Our group's exhibit on child labor in the textile mills.",
            reflection: "",
            domain: "academic",
            year: grade10,
            tags: "p21:collaboration,p21:information_literacy",
            content: Held::Link("https://slides.example.org/p/textile-mills-exhibit"),
            best_work: false,
            goal: None,
            created_at: self.on(last, Month::October, 4, 11, 15),
        });
        self.piece(Piece {
            title: "Job shadow: a morning with a nurse educator",
            description: "What I saw shadowing at Harbor City Hospital.",
            reflection: "Ms. Carter trains the new nurses. She said most of them leave in the first year, which I didn't expect. \
                         I want to find out why.",
            domain: "career",
            year: last,
            tags: "asca:M-6,casel:self_awareness",
            content: Held::Text(
                "I followed Denise Carter, the nurse educator for the medical floors. We started with the new nurses' \
                 morning huddle, then she checked their skills on IV pumps. She said new nurses leave because they feel \
                 alone on night shifts, and that a good preceptor makes the difference.",
            ),
            best_work: true,
            goal: None,
            created_at: self.on(last, Month::March, 20, 17, 40),
        });
        self.piece(Piece {
            title: "College visits: the state university and Harbor Community College",
            description: "Notes from my two visits and how the nursing programs compare.",
            reflection: "The community college's nursing program costs a lot less and the students I met loved it.",
            domain: "career",
            year: last,
            tags: "casel:responsible_decision_making,asca:B-LS-9",
            content: Held::Text(
                "State university: four-year BSN, competitive admission after sophomore year, big campus. \
                 Harbor Community College: two-year ADN, then transfer for the BSN while working as an RN. \
                 Both have simulation labs. HCC's pass rate on the licensing exam was higher than I thought.",
            ),
            best_work: false,
            goal: Some("Visit two colleges or training programs"),
            created_at: self.on(last, Month::April, 22, 19, 10),
        });
        self.piece(Piece {
            title: "English 11: argument essay on school phone bans",
            description: "Final draft of my argument essay.",
            reflection: "Not my best grade, but I finally learned how to answer a counterargument.",
            domain: "academic",
            year: last,
            tags: "p21:communication,p21:critical_thinking",
            content: Held::Text(
                "Schools should keep phones in lockers during class, but not at lunch. \
                 Teachers at two schools nearby saw fewer distractions after a classroom ban, while students kept \
                 the freedom to call home at lunch. Critics say phones are needed in emergencies, but every classroom \
                 already has a phone and a way to reach the office.",
            ),
            best_work: false,
            goal: Some("Get my English grade to 80% or higher"),
            created_at: self.on(last, Month::February, 27, 20, 0),
        });
        let checklist_at = self.at(self.cal.today - Duration::days(30));
        self.piece(Piece {
            title: "My FAFSA checklist",
            description: "What my family needs for the FAFSA.",
            reflection: "Made the account. Waiting on the tax forms.",
            domain: "career",
            year: this,
            tags: "casel:responsible_decision_making,asca:B-SMS-1",
            content: Held::Text(
                "Student account: done. Parent account: done. Tax return from two years ago: asking Dad. \
                 List of schools: Harbor Community College, the state university. Deadline for the state grant: check.",
            ),
            best_work: false,
            goal: Some("Finish the FAFSA with my family"),
            created_at: checklist_at,
        });

        // Community service this fall (his goal counts it), a job shadow last spring.
        let food_drive = self.ago(29);
        self.lived(Lived {
            kind: "community_service",
            organisation: "Harbor City Food Bank",
            supervisor: ("Luis Fernández", Some("luis.fernandez@example.org")),
            start: food_drive,
            end: Some(food_drive),
            reflection: "We packed boxes for 300 families in one morning.",
            tags: "casel:social_awareness",
            entries: vec![(food_drive, 300, "Fall food drive")],
            verified_through: Some(food_drive),
            by_staff: false,
        });
        let cleanup = self.ago(2);
        self.lived(Lived {
            kind: "community_service",
            organisation: "Harbor County Parks Volunteers",
            supervisor: ("Tom Becker", Some("tom.becker@example.org")),
            start: cleanup,
            end: Some(cleanup),
            reflection: "",
            tags: "casel:responsible_decision_making",
            entries: vec![(cleanup, 300, "Riverside Park cleanup")],
            verified_through: None,
            by_staff: false,
        });
        let shadow = self.cal.day(last, Month::March, 19);
        self.lived(Lived {
            kind: "job_shadow",
            organisation: "Harbor City Hospital",
            supervisor: ("Denise Carter", Some("denise.carter@example.org")),
            start: shadow,
            end: Some(shadow),
            reflection:
                "A morning with the nurse educator. I saw how much new nurses have to learn in their first months.",
            tags: "asca:M-6,p21:information_literacy",
            entries: vec![(shadow, 550, "Shadow morning, medical floors")],
            verified_through: Some(shadow + Duration::days(6)),
            by_staff: true,
        });

        self.mateo_capstone();
    }

    fn mateo_capstone(&mut self) {
        let Some(topic) = TOPICS.iter().find(|t| t.question.contains("new nurses")) else {
            return;
        };
        let this = self.cal.year;
        let last = self.cal.last();
        let manager = self.s.manager;
        let mentor = self.s.mentor.unwrap_or(manager);
        let mut c = self.begin(topic, self.cal.day(last, Month::April, 28), false);
        c.row.mentor_name = "Denise Carter, RN".to_owned();
        c.row.mentor_email = Some("denise.carter@example.org".to_owned());
        let proposal = self.proposal(&c, topic);
        self.step(
            &mut c,
            CapstoneEvent::SubmitProposal(proposal.clone()),
            self.cal.day(last, Month::May, 5),
        );
        let comment = "The question is too broad to answer in a year. Narrow it to one place or one group of people.";
        if let Ok(r) = ReturnComment::parse(comment) {
            if self.step(&mut c, CapstoneEvent::Return(r), self.cal.day(last, Month::May, 9)) {
                c.row.return_comment = comment;
            }
        }
        self.step(
            &mut c,
            CapstoneEvent::SubmitProposal(proposal),
            self.cal.day(last, Month::May, 16),
        );
        if self.step(&mut c, CapstoneEvent::Approve, self.cal.day(last, Month::May, 20)) {
            c.row.decided_by = Some(manager);
        }
        let added = self.cal.day(last, Month::May, 22);
        let milestones: [(&'static str, Date, Option<Date>, &'static str); 5] = [
            (
                "Find five credible sources",
                self.cal.day(last, Month::June, 10),
                Some(self.cal.day(last, Month::June, 8)),
                "Strong sources. Add one that disagrees with you and answer it.",
            ),
            (
                "Interview four nurses in their first two years",
                self.cal.day(this, Month::September, 26),
                Some(self.cal.day(this, Month::September, 24)),
                "Great interview notes. Pull out the three quotes you will actually use.",
            ),
            (
                "Finish the literature review",
                self.cal.day(this, Month::October, 17),
                Some(self.cal.day(this, Month::October, 20)),
                "",
            ),
            (
                "First draft of the paper",
                self.cal.day(this, Month::December, 12),
                None,
                "",
            ),
            (
                "Practice presentation with my advisor",
                self.cal.day(this, Month::March, 13),
                None,
                "",
            ),
        ];
        for (title, due, done, feedback) in milestones {
            let event = CapstoneEvent::AddMilestone(NewMilestone {
                title: title.to_owned(),
                due_on: due,
            });
            if !self.step(&mut c, event, added) {
                continue;
            }
            if let Some(d) = done {
                self.step(&mut c, CapstoneEvent::CompleteMilestone, d);
            }
            let created_at = self.at(added);
            let id = self.id();
            self.batch.milestones.push(CapstoneMilestoneBulkRow {
                id,
                capstone_id: c.row.id,
                district_id: self.district(),
                title,
                due_on: due,
                done_on: done.filter(|d| *d <= self.cal.latest),
                feedback,
                feedback_by: (!feedback.is_empty()).then_some(mentor),
                added_by: self.s.id,
                created_at,
            });
        }
        // The interviews, in his portfolio and attached as a final product.
        let attached = self.cal.day(this, Month::October, 28);
        if self.step(&mut c, CapstoneEvent::AttachFinalProduct, attached) {
            let at = self.at(attached);
            let interviews = self.piece(Piece {
                title: "Capstone interviews: four nurses on their first year",
                description: "Audio clips from my interviews, shared with the nurses' permission.",
                reflection: "All four said the same thing: a good preceptor in the first year is everything.",
                domain: "career",
                year: this,
                tags: "p21:information_literacy,p21:communication,p21:initiative_self_direction",
                content: Held::Link("https://audio.example.org/episodes/new-nurses-interviews"),
                best_work: false,
                goal: None,
                created_at: at,
            });
            let id = self.id();
            self.batch.products.push(CapstoneProductBulkRow {
                id,
                capstone_id: c.row.id,
                district_id: self.district(),
                artifact_id: Some(interviews),
                title: "",
                url: "",
                created_at: at,
            });
        }
        self.done(c, None);
    }
}
