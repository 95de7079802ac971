//! Camila's career records, written by hand: she likes helping people,
//! drawing and soccer, and this year biology pulled her interest code from
//! SAI to SIA, toward nursing and physical therapy. Two inventories (last
//! year's and this year's, so the results page compares them), values and
//! strengths, five saved careers with notes, two exploration activities
//! and a grade-10 postsecondary plan.

use ssp_db::repo::bulk::{
    CareerExplorationBulkRow, CareerSelfRatingBulkRow, PostsecondaryPlanBulkRow, PostsecondaryProgramBulkRow,
    PostsecondaryStepBulkRow, SavedCareerBulkRow,
};
use ssp_domain::career::postsecondary::{PostsecondaryPath, ProgramStatus, DEFAULT_STEPS};
use ssp_domain::SchoolYear;
use time::{Date, Duration, Month, PrimitiveDateTime, Time};

use super::StudentCareer;

/// Last year's answers (grade 9), ten rounds of R I A S E C: code SAI.
pub(super) const LAST_YEAR: &str =
    concat!("123410", "223411", "024421", "113310", "132401", "123311", "024420", "123311", "232410", "123421");
/// This year's (grade 10): investigative moved up, code SIA.
pub(super) const THIS_YEAR: &str =
    concat!("133410", "233411", "133421", "123310", "142401", "133411", "033420", "133411", "242410", "133421");

/// Saved careers: code, note, days before today.
pub(super) const SAVED: [(&str, &str, i64); 5] = [
    (
        "29-1141.00",
        "My aunt is an ER nurse. Ask her about shadowing her over winter break.",
        150,
    ),
    (
        "29-1123.00",
        "The PT who helped my knee after soccer season made a huge difference.",
        120,
    ),
    (
        "29-9091.00",
        "Could work with a team. Most jobs need a master's degree now.",
        60,
    ),
    ("19-1029.04", "Biology is my favorite class this year.", 25),
    ("27-1024.00", "Drawing is more of a hobby, but maybe?", 300),
];

impl StudentCareer<'_> {
    pub(super) fn showcase(&mut self) {
        let this = self.cal.year;
        let last = SchoolYear(this.0 - 1);
        let latest = self.cal.latest;
        let on = |y: i32, m: Month, d: u8, h: u8, min: u8| {
            let day = Date::from_calendar_date(y, m, d).unwrap_or(latest);
            PrimitiveDateTime::new(day, Time::from_hms(h, min, 0).unwrap_or(Time::MIDNIGHT)).assume_utc()
        };
        // Both in advisory period, in one sitting each.
        let done_last = on(last.0 - 1, Month::October, 8, 10, 41);
        self.push_inventory(
            last,
            LAST_YEAR.to_owned(),
            done_last - Duration::minutes(23),
            done_last,
            Some(done_last),
        );
        let done_this = on(this.0 - 1, Month::October, 6, 10, 37).min(self.cal.now);
        self.push_inventory(
            this,
            THIS_YEAR.to_owned(),
            done_this - Duration::minutes(19),
            done_this,
            Some(done_this),
        );

        // Work values (18 statements) and strengths (12): helping people,
        // art and sports high, music low.
        self.batch.ratings.push(CareerSelfRatingBulkRow {
            student_id: self.s.id,
            district_id: self.district(),
            work_values: "434423342314243413".to_owned(),
            strengths: "223341432234".to_owned(),
            updated_at: done_this + Duration::minutes(12),
        });

        let today = self.cal.today;
        let at_four = |day: Date| PrimitiveDateTime::new(day, Time::from_hms(16, 5, 0).unwrap_or(Time::MIDNIGHT));
        for (code, note, ago) in SAVED {
            let id = self.id();
            self.batch.saved.push(SavedCareerBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                code,
                note,
                saved_at: at_four(today - Duration::days(ago)).assume_utc(),
            });
        }

        let fair = Date::from_calendar_date(this.0 - 1, Month::October, 9)
            .unwrap_or(self.cal.latest)
            .min(self.cal.latest);
        let interview = Date::from_calendar_date(last.0, Month::April, 18).unwrap_or(self.cal.last_june);
        let explorations = [
            (
                "informational_interview",
                interview,
                "Interviewed my aunt about being an ER nurse",
                Some("29-1141.00"),
                "Twelve-hour shifts, three days a week. She said the hardest part is when a patient does not get better, \
                 and the best part is her team. She thinks I would be good at it because I stay calm.",
            ),
            (
                "career_fair",
                fair,
                "Fall career fair in the gym",
                None,
                "Talked to a nurse from Harbor City Hospital about the CNA program juniors can take. \
                 I am going to ask my counselor if it fits my schedule next year.",
            ),
        ];
        for (kind, day, title, code, reflection) in explorations {
            let id = self.id();
            self.batch.explorations.push(CareerExplorationBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                kind,
                occurred_on: day,
                title,
                code,
                reflection,
                created_at: at_four(day).assume_utc().min(self.cal.now),
            });
        }

        // Grade 10: a first postsecondary plan.
        let plan_day = today - Duration::days(20);
        self.batch.plans.push(PostsecondaryPlanBulkRow {
            student_id: self.s.id,
            district_id: self.district(),
            paths: [PostsecondaryPath::FourYear, PostsecondaryPath::TwoYear]
                .map(|p| p.key())
                .join(","),
            updated_at: at_four(plan_day).assume_utc(),
        });
        let programs = [
            (
                "University of Nutmeg — nursing (BSN)",
                PostsecondaryPath::FourYear,
                "Campus visit in December with Dad",
            ),
            (
                "Shoreline Community College — nursing (ADN)",
                PostsecondaryPath::TwoYear,
                "Could transfer to a BSN later; cheaper",
            ),
        ];
        for (name, path, note) in programs {
            let id = self.id();
            self.batch.programs.push(PostsecondaryProgramBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                name,
                path: path.key(),
                status: ProgramStatus::Researching.key(),
                note,
                updated_at: at_four(plan_day).assume_utc(),
            });
        }
        // Grade 9's steps done last year, and this October's practice test.
        let graduation = self.graduation_year();
        for (key, early) in [
            ("explore_careers", 6),
            ("four_year_course_plan", 9),
            ("take_psat_or_preact", 0),
        ] {
            let Some(due) = DEFAULT_STEPS
                .iter()
                .find(|t| t.key == key)
                .and_then(|t| t.due_date(graduation))
            else {
                continue;
            };
            if due >= today {
                continue;
            }
            let done = due - Duration::days(early);
            let id = self.id();
            self.batch.steps.push(PostsecondaryStepBulkRow {
                id,
                district_id: self.district(),
                student_id: self.s.id,
                step_key: Some(key),
                title: "",
                due_on: due,
                done_on: Some(done),
                updated_at: at_four(done).assume_utc(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssp_domain::career::inventory::Answers;

    #[test]
    fn camilas_code_moves_from_sai_to_sia() {
        let code = |s: &str| Answers::from_stored(s).unwrap().scores().code_letters();
        assert_eq!(code(LAST_YEAR), "SAI");
        assert_eq!(code(THIS_YEAR), "SIA");
        assert!(Answers::from_stored(THIS_YEAR).unwrap().is_complete());
    }
}
