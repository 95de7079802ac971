//! The showcase family's plans, written out by hand so each showcase
//! account lands on something to do: Camila (demo.student) has an overdue
//! math check-in, a career goal her counselor suggested (until she starts
//! it her plan has no career goal), and this year's review signed only by
//! her plan manager, so it waits for her and for both parents; her brother
//! Mateo (18, has not shared his plan with his parents) has an up-to-date
//! plan. Dates count back from `today`.
//!
//! Camila's team stays as the roster made it (her counselor and her
//! mentor): the integration tests add the other roles to it themselves.

use ssp_domain::plan::{CheckInCadence, GoalStatus, PlanDomain};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month};

use super::texts::{self, GoalText};
use super::{GoalSpec, PlanBuilder, Signatures};

/// Which showcase student a plan belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ShowcaseRole {
    /// demo.student.
    Student,
    /// Her older brother, a senior who is already 18.
    Sibling,
}

/// A goal text from a table by its statement (the tables are fixed, so a
/// missing one is a programming error caught by the demo's tests).
fn text(table: &[GoalText], statement: &str) -> GoalText {
    table
        .iter()
        .copied()
        .find(|g| g.statement == statement)
        .unwrap_or(table[0])
}

impl PlanBuilder<'_> {
    pub(super) fn showcase(&mut self, role: ShowcaseRole) {
        match role {
            ShowcaseRole::Student => self.camila(),
            ShowcaseRole::Sibling => self.mateo(),
        }
    }

    fn ago(&self, days: i64) -> Date {
        self.cal.today - Duration::days(days)
    }

    #[allow(clippy::too_many_arguments)]
    fn fixed_goal(
        &mut self,
        domain: PlanDomain,
        text: GoalText,
        status: GoalStatus,
        cadence: CheckInCadence,
        created: Date,
        changed: Date,
        due: Date,
        check_ins: &[(Date, f64, &'static str, &'static str)],
    ) -> usize {
        let goal = self.add_goal(&GoalSpec {
            domain,
            text,
            status,
            cadence,
            created,
            activated: Some(created),
            changed,
            due,
            suggested_by: None,
        });
        let student = self.s.id;
        for &(on, value, note, reflection) in check_ins {
            self.add_check_in(goal, on, value, student, note, reflection);
        }
        goal
    }

    fn camila(&mut self) {
        let me = self.s.id;
        let counselor = self.s.manager;
        let mentor = self.s.mentor.unwrap_or(counselor);
        let teacher = self.s.teacher.unwrap_or(counselor);
        let father = self.s.guardians.first().map(|g| g.id);
        let mother = self.s.guardians.get(1).map(|g| g.id);
        let cal = self.cal;
        let last = SchoolYear(cal.year.0 - 1);
        let ly = |m, d| cal.last_year(m, d);

        // Grade 9: math met, the others not; the review signed by all three.
        self.fixed_goal(
            PlanDomain::Academic,
            text(texts::ACADEMIC, "Pass Algebra I with a 75 or better"),
            GoalStatus::Met,
            CheckInCadence::Monthly,
            ly(Month::September, 15),
            ly(Month::June, 5),
            ly(Month::June, 10),
            &[
                (ly(Month::October, 15), 66.0, "Had a hard week", ""),
                (ly(Month::January, 20), 71.0, "Went to tutoring twice this week", ""),
                (
                    ly(Month::May, 20),
                    78.0,
                    "Caught up on the missing work",
                    "Proud of this one",
                ),
            ],
        );
        self.fixed_goal(
            PlanDomain::Career,
            text(texts::CAREER, "Job-shadow two people in careers I like"),
            GoalStatus::Discontinued,
            CheckInCadence::Monthly,
            ly(Month::September, 20),
            ly(Month::March, 10),
            ly(Month::May, 28),
            &[
                (ly(Month::October, 30), 0.0, "", ""),
                (
                    ly(Month::February, 10),
                    0.0,
                    "No placements this spring",
                    "I will try again next year",
                ),
            ],
        );
        self.fixed_goal(
            PlanDomain::Sep,
            text(texts::SEP, "Join one club or team this semester"),
            GoalStatus::NotMet,
            CheckInCadence::Monthly,
            ly(Month::September, 22),
            ly(Month::January, 25),
            ly(Month::January, 22),
            &[
                (ly(Month::October, 20), 0.0, "Had a hard week", ""),
                (ly(Month::January, 15), 0.0, "", "Practice times clash with babysitting"),
            ],
        );
        let at = self.at(ly(Month::November, 20));
        self.add_activity("g9_four_year_plan_review", last, "done", None, me, at);
        let at = self.at(ly(Month::January, 28));
        self.add_activity("g9_first_portfolio_artifact", last, "done", None, me, at);
        self.add_review(
            last,
            Signatures {
                student: Some(ly(Month::October, 20)),
                manager: Some(ly(Month::October, 22)),
                guardian: father.map(|f| (f, ly(Month::October, 24))),
                guardian_attempts: if father.is_some() { 0 } else { 1 },
            },
        );
        self.add_reflection(("next", "Take a harder math class next year"), ly(Month::May, 12));

        // Grade 10: math is behind on its check-ins.
        let due = Date::from_calendar_date(cal.year.0, Month::January, 22).unwrap_or(cal.year.end());
        let math = self.fixed_goal(
            PlanDomain::Academic,
            text(texts::ACADEMIC, "Raise my math grade from a C to a B"),
            GoalStatus::Active,
            CheckInCadence::EveryTwoWeeks,
            self.ago(55),
            self.ago(55),
            due,
            &[(
                self.ago(41),
                74.0,
                "Went to tutoring twice this week",
                "I did better when I started early",
            )],
        );
        self.add_check_in(math, self.ago(27), 76.0, counselor, "Teacher says the effort shows", "");
        self.add_action_step(
            math,
            "Meet with my teacher during lunch on Tuesdays",
            me,
            self.ago(13),
            None,
            me,
        );
        self.add_action_step(
            math,
            "Ask my counselor about tutoring",
            me,
            self.ago(45),
            Some(self.ago(47)),
            me,
        );
        self.add_support(math, ("After-school math tutoring", "Math department"), counselor);

        let year_end = Date::from_calendar_date(cal.year.0, Month::May, 28).unwrap_or(cal.year.end());
        self.fixed_goal(
            PlanDomain::Sep,
            text(texts::SEP, "Walk or play a sport three times a week"),
            GoalStatus::Active,
            CheckInCadence::Monthly,
            self.ago(50),
            self.ago(50),
            year_end,
            &[
                (self.ago(28), 8.0, "Soccer practice counts", ""),
                (self.ago(3), 17.0, "On track", ""),
            ],
        );
        // Her counselor's suggestion, waiting for her to start it: until
        // then her plan has no career goal.
        self.add_goal(&GoalSpec {
            domain: PlanDomain::Career,
            text: text(texts::CAREER, "Visit two colleges or training programs"),
            status: GoalStatus::Draft,
            cadence: CheckInCadence::Monthly,
            created: self.ago(7),
            activated: None,
            changed: self.ago(7),
            due: year_end,
            suggested_by: Some(counselor),
        });
        // Signed by her plan manager only: it waits for Camila and a parent.
        self.add_review(
            cal.year,
            Signatures {
                manager: Some(self.ago(12)),
                ..Default::default()
            },
        );

        let strengths = self.add_reflection(("strengths", "I keep going when things get hard"), self.ago(45));
        if let Some(mother) = mother {
            self.add_comment(strengths, mother, "¡Estamos muy orgullosos de ti!", self.ago(43));
        }
        let improve = self.add_reflection(("improve", "I should ask for help sooner"), self.ago(26));
        self.add_comment(improve, counselor, "Let's add this to one of your goals.", self.ago(24));

        let conference = self.add_interaction(
            (
                "family_conference",
                "Camila, her mother Lucía Morales, the family partnership specialist, the counselor",
                "Conferencia en español: revisamos las metas de Camila y cómo firmar la revisión en línea.",
                true,
            ),
            self.ago(18),
            "shared",
            counselor,
        );
        self.add_follow_up(
            conference,
            "Email the family the review link",
            counselor,
            self.ago(18),
            self.ago(11),
            None,
        );
        let meeting = self.add_interaction(
            (
                "mentor_meeting",
                "Camila, mentor",
                "Talked about colleges with nursing programs; a campus visit in December.",
                false,
            ),
            self.ago(38),
            "staff",
            mentor,
        );
        let soon = cal.today + Duration::days(4);
        self.add_follow_up(
            meeting,
            "Share the summer program list",
            mentor,
            self.ago(38),
            soon,
            None,
        );
        let advisory = self.add_interaction(
            (
                "advisory_meeting",
                "Camila, counselor",
                "Math grade is slipping; she will go back to tutoring.",
                false,
            ),
            self.ago(5),
            "staff",
            counselor,
        );
        self.add_follow_up(
            advisory,
            "Set up a meeting with the math teacher",
            counselor,
            self.ago(5),
            self.ago(1),
            None,
        );

        self.add_note(
            "shared",
            "Thank you for coming to the conference; the next one is in the spring.",
            counselor,
            self.ago(17),
        );
        self.add_note(
            "staff",
            "Works well in pairs; seat near a focused partner.",
            teacher,
            self.ago(30),
        );
        self.add_profile(
            "I keep going when things get hard; good with my little cousins",
            "Health careers, soccer, drawing",
            "Someone to check in with about math",
            "Soccer in the fall; I help at my aunt's bakery on Saturdays",
            self.ago(52),
        );
    }

    fn mateo(&mut self) {
        let me = self.s.id;
        let csc = self.staff.csc;
        let father = self.s.guardians.first().map(|g| g.id);
        self.add_team(csc, "community_school_coordinator");
        let cal = self.cal;
        let last = SchoolYear(cal.year.0 - 1);
        let ly = |m, d| cal.last_year(m, d);

        // Grade 11, signed by his father while he was still 17.
        self.fixed_goal(
            PlanDomain::Career,
            text(texts::CAREER, "Visit two colleges or training programs"),
            GoalStatus::Met,
            CheckInCadence::Monthly,
            ly(Month::September, 18),
            ly(Month::April, 20),
            ly(Month::May, 28),
            &[
                (ly(Month::November, 5), 0.0, "", ""),
                (ly(Month::February, 10), 1.0, "Visited the state university", ""),
                (
                    ly(Month::April, 20),
                    2.0,
                    "Toured the community college",
                    "Nursing program looks good",
                ),
            ],
        );
        self.fixed_goal(
            PlanDomain::Academic,
            text(texts::ACADEMIC, "Get my English grade to 80% or higher"),
            GoalStatus::NotMet,
            CheckInCadence::EveryTwoWeeks,
            ly(Month::September, 18),
            ly(Month::June, 12),
            ly(Month::June, 10),
            &[
                (ly(Month::October, 30), 70.0, "", ""),
                (ly(Month::February, 2), 74.0, "Better than last time", ""),
                (ly(Month::June, 1), 77.0, "Close", "Almost there"),
            ],
        );
        let at = self.at(ly(Month::April, 20));
        self.add_activity("g11_college_career_visit", last, "done", None, me, at);
        let at = self.at(ly(Month::May, 25));
        self.add_activity("g11_postsecondary_plan", last, "done", None, me, at);
        self.add_review(
            last,
            Signatures {
                student: Some(ly(Month::October, 14)),
                manager: Some(ly(Month::October, 15)),
                guardian: father.map(|f| (f, ly(Month::October, 18))),
                guardian_attempts: if father.is_some() { 0 } else { 1 },
            },
        );

        // Grade 12: up to date; he is 18, so the plan manager logged the
        // attempt to reach a parent instead of a parent's signature.
        let year_end = Date::from_calendar_date(cal.year.0, Month::May, 28).unwrap_or(cal.year.end());
        self.fixed_goal(
            PlanDomain::Academic,
            text(texts::ACADEMIC, "Turn in every science lab report on time"),
            GoalStatus::Active,
            CheckInCadence::Monthly,
            self.ago(58),
            self.ago(58),
            year_end,
            &[
                (self.ago(35), 75.0, "Missed one assignment, made it up", ""),
                (self.ago(9), 85.0, "On track", ""),
            ],
        );
        let fafsa = self.fixed_goal(
            PlanDomain::Career,
            text(texts::CAREER, "Finish the FAFSA with my family"),
            GoalStatus::Active,
            CheckInCadence::Monthly,
            self.ago(56),
            self.ago(56),
            year_end,
            &[
                (self.ago(30), 0.0, "Made the account", ""),
                (self.ago(6), 0.0, "Waiting for the tax forms", ""),
            ],
        );
        let in_a_week = cal.today + Duration::days(7);
        self.add_action_step(fafsa, "Bring the form home for a signature", me, in_a_week, None, me);
        self.fixed_goal(
            PlanDomain::Sep,
            text(texts::SEP, "Do 10 hours of community service"),
            GoalStatus::Active,
            CheckInCadence::Monthly,
            self.ago(54),
            self.ago(54),
            year_end,
            &[
                (self.ago(29), 3.0, "Food drive", ""),
                (self.ago(2), 6.0, "Park cleanup", ""),
            ],
        );
        self.add_review(
            cal.year,
            Signatures {
                student: Some(self.ago(20)),
                manager: Some(self.ago(19)),
                guardian: None,
                guardian_attempts: 1,
            },
        );
        self.add_reflection(("next", "Find a part-time job for the summer"), self.ago(21));
        let call = self.add_interaction(
            (
                "phone_call",
                "Mateo, community school coordinator",
                "Connected Mateo with the summer job program at the community college.",
                false,
            ),
            self.ago(14),
            "staff",
            csc,
        );
        self.add_follow_up(
            call,
            "Share the summer program list",
            csc,
            self.ago(14),
            self.ago(3),
            Some(self.ago(4)),
        );
    }
}
