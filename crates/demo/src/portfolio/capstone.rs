//! Capstones: nine seniors in ten have one, at the stage a senior would be
//! in early November — a draft, a proposal waiting or returned, work under
//! way with milestones and the mentor's feedback, final products attached
//! and the presentation scheduled, and a few who started in grade 11's
//! spring and presented in October: waiting for the panel's sheets,
//! passed, or not passed (and some of those reopened). A few withdrew and
//! started over. One junior in ten has started a draft or proposal.
//!
//! Every move goes through the domain's `transition`, so a stored status
//! is always one the state machine reaches; a panel's result is the
//! domain's `result` of the sheets on the district's rubric (the default,
//! frozen on the capstone when presented, as the app does).

use rand::seq::SliceRandom;
use rand::Rng;
use ssp_db::repo::bulk::{
    CapstoneBulkRow, CapstoneMilestoneBulkRow, CapstonePanelistBulkRow, CapstoneProductBulkRow, CapstoneResultBulkRow,
};
use ssp_domain::portfolio::capstone::{
    transition, CapstoneEvent, CapstoneState, NewMilestone, PresentationDate, ProposalRaw, ReturnComment,
};
use ssp_domain::portfolio::rubric::{self, default_rubric, PanelScore};
use ssp_domain::PersonId;
use time::{Date, Duration, Month, Weekday};
use uuid::Uuid;

use super::texts::Content;
use super::topics::{Topic, FEEDBACK, MILESTONES, RETURN_COMMENTS, TOPICS};
use super::{StudentPortfolio, G12_CAPSTONE};
use crate::names::ascii_slug;
use crate::people::{family_name, given_name, Culture, Sex};

/// The default rubric as the app keeps it on a presented capstone (the
/// rubric editor's JSON; a test checks it against the app's own).
pub(super) const DEFAULT_RUBRIC_JSON: &str = concat!(
    r#"{"criteria":[{"name":"Research & question","description":"A focused question, grounded in credible sources."},"#,
    r#"{"name":"Process & evidence","description":"Planned work, milestones met, evidence of learning and revision."},"#,
    r#"{"name":"Product","description":"A final product that answers the question with quality."},"#,
    r#"{"name":"Presentation & reflection","description":"Clear presentation to the panel; honest reflection on growth."}],"#,
    r#""levels":[{"name":"Beginning","points":"1"},{"name":"Developing","points":"2"},"#,
    r#"{"name":"Proficient","points":"3"},{"name":"Exemplary","points":"4"}],"#,
    r#""min_average":"2.50","no_criterion_below":"2"}"#
);

/// Where a capstone stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stage {
    Draft,
    Proposed,
    Returned,
    /// Approved: work under way (a product attached or a date set, not both).
    Approved,
    /// Approved with the presentation scheduled, no product yet.
    Scheduled,
    Ready,
    /// Presented in October; the panel's sheets are not all in.
    Presented,
    Passed,
    NotPassed,
    /// Not passed, then reopened for a second attempt.
    Reopened,
    Withdrawn,
}

impl Stage {
    /// Presented this fall: the work started in grade 11's spring.
    fn presented_in_fall(self) -> bool {
        matches!(
            self,
            Stage::Presented | Stage::Passed | Stage::NotPassed | Stage::Reopened
        )
    }
}

/// A senior's stage when no activity decides it (percent).
const SENIOR_STAGES: [(Stage, u32); 11] = [
    (Stage::Draft, 8),
    (Stage::Proposed, 13),
    (Stage::Returned, 6),
    (Stage::Approved, 45),
    (Stage::Scheduled, 4),
    (Stage::Ready, 10),
    (Stage::Presented, 3),
    (Stage::Passed, 3),
    (Stage::NotPassed, 2),
    (Stage::Reopened, 2),
    (Stage::Withdrawn, 4),
];

/// A capstone under construction: the row, the state the domain keeps,
/// and the day of its latest event.
pub(super) struct Built {
    pub row: CapstoneBulkRow,
    pub state: CapstoneState,
    pub day: Date,
}

impl StudentPortfolio<'_> {
    /// A capstone for a senior (or an early junior), at a stage the
    /// student's plan activities allow: a done "capstone" activity means
    /// it passed.
    pub(super) fn capstone(&mut self, has_portfolio: bool) {
        let stage = match self.s.grade {
            12 if self.activity(G12_CAPSTONE).is_some() => Stage::Passed,
            12 => {
                if !self.chance(0.88) {
                    return;
                }
                SENIOR_STAGES
                    .choose_weighted(&mut self.gen.rng, |s| s.1)
                    .map_or(Stage::Approved, |s| s.0)
            }
            11 => {
                if !self.chance(0.1) {
                    return;
                }
                if self.chance(0.7) {
                    Stage::Draft
                } else {
                    Stage::Proposed
                }
            }
            _ => return,
        };
        let topic = self.topic();
        let withdrawn_on = self.write_capstone(stage, topic, has_portfolio);
        // Some who withdrew have started another.
        if let Some(day) = withdrawn_on {
            if self.chance(0.4) {
                let other = self.topic();
                let start = self.day_between(day + Duration::days(3), self.cal.latest);
                let partial = self.chance(0.5);
                let c = self.begin(other, start, partial);
                self.done(c, None);
            }
        }
    }

    fn topic(&mut self) -> &'static Topic {
        TOPICS.choose(&mut self.gen.rng).expect("topics are not empty")
    }

    /// Writes one capstone that reached `stage`; returns the day it was
    /// withdrawn, if it was.
    fn write_capstone(&mut self, stage: Stage, topic: &'static Topic, has_portfolio: bool) -> Option<Date> {
        let last = self.cal.last();
        let spring = stage.presented_in_fall() || (self.s.grade == 12 && stage != Stage::Draft && self.chance(0.35));
        let start = if spring {
            let from = self.cal.day(last, Month::March, 10);
            self.day_between(from, from + Duration::days(60))
        } else {
            let from = self.cal.fall + Duration::days(7);
            self.day_between(
                from,
                (from + Duration::days(40)).min(self.cal.latest - Duration::days(3)),
            )
        };
        let partial = stage == Stage::Draft && self.chance(0.6);
        let mut c = self.begin(topic, start, partial);
        if stage == Stage::Draft {
            return self.done(c, None);
        }
        let manager = self.s.manager;
        let proposal = self.proposal(&c, topic);
        let quick = if spring { 14 } else { 8 };
        let submitted = self.after(c.day, 2, quick);
        if !self.step(&mut c, CapstoneEvent::SubmitProposal(proposal.clone()), submitted) {
            return self.done(c, None);
        }
        let returned_once = stage == Stage::Returned || (stage != Stage::Proposed && self.chance(0.2));
        if returned_once {
            let comment = self.pick(RETURN_COMMENTS);
            let on = self.after(c.day, 2, 8);
            if let Ok(r) = ReturnComment::parse(comment) {
                if self.step(&mut c, CapstoneEvent::Return(r), on) {
                    c.row.return_comment = comment;
                    c.row.decided_by = Some(manager);
                }
            }
            if stage == Stage::Returned {
                return self.done(c, None);
            }
            let on = self.after(c.day, 3, 8);
            self.step(&mut c, CapstoneEvent::SubmitProposal(proposal), on);
        }
        if stage == Stage::Proposed || (stage == Stage::Withdrawn && self.chance(0.5)) {
            if stage == Stage::Withdrawn {
                let on = self.after(c.day, 4, 20);
                self.step(&mut c, CapstoneEvent::Withdraw, on);
                let day = c.day;
                return self.done(c, Some(day));
            }
            return self.done(c, None);
        }
        let approved = self.after(c.day, 2, 9);
        if self.step(&mut c, CapstoneEvent::Approve, approved) {
            c.row.decided_by = Some(manager);
        }
        let presentation = stage.presented_in_fall().then(|| {
            let from = self.cal.day(self.cal.year, Month::October, 1);
            let to = if stage == Stage::Presented {
                self.cal.latest - Duration::days(1)
            } else {
                self.cal.day(self.cal.year, Month::October, 22)
            };
            school_day(self.day_between(from, to))
        });
        let work_ends = presentation.map_or(self.cal.day(self.cal.year, Month::April, 15), |p| p - Duration::days(7));
        self.milestones(&mut c, work_ends);
        match stage {
            Stage::Withdrawn => {
                let on = self.after(c.day, 10, 40);
                self.step(&mut c, CapstoneEvent::Withdraw, on);
                let day = c.day;
                self.done(c, Some(day))
            }
            Stage::Approved => {
                // Some attached a first product; a few have a date instead.
                if self.chance(0.25) {
                    self.attach(&mut c, topic, 0, has_portfolio, self.cal.latest);
                } else if self.chance(0.08) {
                    self.schedule_later(&mut c);
                }
                self.done(c, None)
            }
            Stage::Scheduled => {
                self.schedule_later(&mut c);
                self.done(c, None)
            }
            Stage::Ready => {
                self.attach(&mut c, topic, 0, has_portfolio, self.cal.latest);
                if self.chance(0.4) {
                    self.attach(&mut c, topic, 1, has_portfolio, self.cal.latest);
                }
                self.schedule_later(&mut c);
                self.done(c, None)
            }
            _ => {
                let on = presentation.unwrap_or(self.cal.latest);
                self.present(&mut c, topic, on, stage, has_portfolio);
                self.done(c, None)
            }
        }
    }

    /// A new capstone started on `day`: a draft with the question, the
    /// plan and the mentor (`partial`: the plan not written yet).
    pub(super) fn begin(&mut self, topic: &'static Topic, day: Date, partial: bool) -> Built {
        let (mentor_name, mentor_email) = self.mentor();
        let created_at = self.at(day);
        let id = self.id();
        let row = CapstoneBulkRow {
            id,
            district_id: self.district(),
            student_id: self.s.id,
            attempt: 1,
            status: CapstoneState::new().status.key(),
            question: topic.question,
            plan: if partial { "" } else { topic.plan },
            mentor_name: if partial && self.chance(0.5) {
                String::new()
            } else {
                mentor_name
            },
            mentor_email,
            return_comment: "",
            presentation_on: None,
            rubric: None,
            decided_by: None,
            created_at,
            updated_at: created_at,
        };
        Built {
            row,
            state: CapstoneState::new(),
            day,
        }
    }

    /// Stores the capstone; passes `withdrawn` on.
    pub(super) fn done(&mut self, c: Built, withdrawn: Option<Date>) -> Option<Date> {
        self.batch.capstones.push(c.row);
        withdrawn
    }

    /// The proposal as the student submitted it.
    pub(super) fn proposal(&self, c: &Built, topic: &'static Topic) -> ssp_domain::portfolio::capstone::Proposal {
        let raw = ProposalRaw {
            question: topic.question,
            plan: topic.plan,
            mentor_name: &c.row.mentor_name,
            mentor_email: c.row.mentor_email.as_deref().unwrap_or(""),
        };
        raw.parse().unwrap_or_else(|_| {
            // The topics are tested to parse; a blank mentor cannot happen
            // on a submitted proposal.
            ProposalRaw {
                mentor_name: "Mentor",
                mentor_email: "",
                ..raw
            }
            .parse()
            .expect("a complete proposal parses")
        })
    }

    /// A mentor from outside the school: a name and, most of the time, an
    /// email at example.org.
    fn mentor(&mut self) -> (String, Option<String>) {
        let (given, family) = self.made_up_name();
        let title = if self.chance(0.15) { "Dr. " } else { "" };
        let email = self
            .chance(0.75)
            .then(|| format!("{}.{}@example.org", ascii_slug(given, 20), ascii_slug(family, 20)));
        (format!("{title}{given} {family}"), email)
    }

    pub(super) fn made_up_name(&mut self) -> (&'static str, &'static str) {
        let culture = if self.chance(0.22) {
            Culture::Spanish
        } else {
            Culture::English
        };
        let sex = Sex::random(&mut self.gen.rng, 0.55);
        let (given, _) = given_name(&mut self.gen.rng, culture, sex);
        (given, family_name(&mut self.gen.rng, culture))
    }

    /// A day `min..=max` days after `day`, never after yesterday.
    fn after(&mut self, day: Date, min: i64, max: i64) -> Date {
        let d = day + Duration::days(self.gen.rng.gen_range(min..=max));
        d.min(self.cal.latest).max(day)
    }

    /// Applies `event` on `day` through the state machine; false (and
    /// nothing changed) when it is illegal.
    pub(super) fn step(&mut self, c: &mut Built, event: CapstoneEvent, day: Date) -> bool {
        let Ok(next) = transition(&c.state, &event) else {
            return false;
        };
        c.state = next;
        c.row.status = next.status.key();
        c.row.attempt = next.attempt as i32;
        c.row.presentation_on = next.presentation_on;
        c.day = c.day.max(day);
        let at = self.at_school(c.day);
        c.row.updated_at = c.row.updated_at.max(at);
        true
    }

    /// Three to six milestones added just after approval, due by
    /// `work_ends`; most of those already due are done, some with the
    /// mentor's feedback.
    fn milestones(&mut self, c: &mut Built, work_ends: Date) {
        let n = self.gen.rng.gen_range(3..=6usize);
        let mut picked: Vec<usize> = (0..MILESTONES.len()).collect::<Vec<_>>();
        picked.shuffle(&mut self.gen.rng);
        picked.truncate(n);
        picked.sort_unstable();
        let from = c.day + Duration::days(14);
        let span = (work_ends - from).whole_days().max(n as i64);
        let added = self.after(c.day, 0, 6);
        let by_student = self.chance(0.6);
        let feedback_by = self.s.mentor.unwrap_or(self.s.manager);
        for (i, &m) in picked.iter().enumerate() {
            let due = from + Duration::days(span * (i as i64 + 1) / n as i64);
            let milestone = NewMilestone {
                title: MILESTONES[m].to_owned(),
                due_on: due,
            };
            if !self.step(c, CapstoneEvent::AddMilestone(milestone), added) {
                return;
            }
            let done_on = if due <= self.cal.latest && self.chance(0.85) {
                let d = self
                    .day_between(due - Duration::days(5), due)
                    .max(added)
                    .min(self.cal.latest);
                self.step(c, CapstoneEvent::CompleteMilestone, d).then_some(d)
            } else {
                None
            };
            let feedback = if done_on.is_some() && self.chance(0.5) {
                self.pick(FEEDBACK)
            } else {
                ""
            };
            let created_at = self.at(added);
            let id = self.id();
            self.batch.milestones.push(CapstoneMilestoneBulkRow {
                id,
                capstone_id: c.row.id,
                district_id: self.district(),
                title: MILESTONES[m],
                due_on: due,
                done_on,
                feedback,
                feedback_by: (!feedback.is_empty()).then_some(feedback_by),
                added_by: if by_student { self.s.id } else { self.s.manager },
                created_at,
            });
        }
    }

    /// Attaches the topic's product `i` by `by`: a piece of the student's
    /// portfolio (added for it) or, without a portfolio, a link.
    fn attach(&mut self, c: &mut Built, topic: &'static Topic, i: usize, has_portfolio: bool, by: Date) {
        let day = self.day_between(c.day + Duration::days(3), by.min(c.day + Duration::days(30)));
        if !self.step(c, CapstoneEvent::AttachFinalProduct, day) {
            return;
        }
        let w = &topic.products[i.min(1)];
        let created_at = self.at(day);
        let (artifact_id, title, url) = if has_portfolio {
            let year = ssp_domain::SchoolYear::containing(day);
            let id = self.push_work(w, "academic", year, created_at);
            if let Some(a) = self.batch.artifacts.last_mut() {
                // Work the panel sees: not private, not tied to a goal.
                a.private = false;
                a.goal_id = None;
            }
            (Some(id), "", "")
        } else {
            let url = match w.content {
                Content::Link(u) | Content::Text(u) => u,
            };
            (None, w.title, url)
        };
        let id = self.id();
        self.batch.products.push(CapstoneProductBulkRow {
            id,
            capstone_id: c.row.id,
            district_id: self.district(),
            artifact_id,
            title,
            url,
            created_at,
        });
    }

    /// Staff schedule the presentation for winter or spring and name its
    /// panel.
    fn schedule_later(&mut self, c: &mut Built) {
        let on = self.after(c.day, 3, 20);
        let from = self.cal.day(self.cal.year, Month::December, 1);
        let date = school_day(self.day_between(from, self.cal.day(self.cal.year, Month::March, 31)));
        if self.step(c, CapstoneEvent::SchedulePresentation(PresentationDate(date)), on) {
            self.panel(c);
        }
    }

    /// Names a panel of three for the current attempt.
    fn panel(&mut self, c: &Built) -> Vec<Uuid> {
        let mut names: Vec<String> = Vec::new();
        while names.len() < 3 {
            let (given, family) = self.made_up_name();
            let name = format!("{given} {family}");
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
            .into_iter()
            .enumerate()
            .map(|(position, name)| {
                let id = self.id();
                self.batch.panelists.push(CapstonePanelistBulkRow {
                    id,
                    capstone_id: c.row.id,
                    district_id: self.district(),
                    attempt: c.row.attempt,
                    position: position as i32,
                    name,
                    levels: None,
                    entered_by: None,
                    entered_at: None,
                });
                id
            })
            .collect()
    }

    /// Products attached and the presentation scheduled in September,
    /// presented on `on`, then (but for `Presented`) every sheet entered
    /// and the result recorded; a reopened capstone starts attempt 2.
    fn present(&mut self, c: &mut Built, topic: &'static Topic, on: Date, stage: Stage, has_portfolio: bool) {
        let september = self.cal.day(self.cal.year, Month::September, 5);
        c.day = c.day.max(september.min(on - Duration::days(20)));
        let by = on - Duration::days(3);
        self.attach(c, topic, 0, has_portfolio, by);
        if self.chance(0.5) {
            self.attach(c, topic, 1, has_portfolio, by);
        }
        let scheduled = self.after(c.day, 1, 10).min(on - Duration::days(1));
        if !self.step(c, CapstoneEvent::SchedulePresentation(PresentationDate(on)), scheduled) {
            return;
        }
        let panel = self.panel(c);
        if !self.step(c, CapstoneEvent::MarkPresented, on) {
            return;
        }
        c.row.rubric = Some(DEFAULT_RUBRIC_JSON);
        let first = self.batch.panelists.len() - panel.len();
        let sheets = if stage == Stage::Presented {
            self.gen.rng.gen_range(0..panel.len())
        } else {
            panel.len()
        };
        // How well it went: most who presented early pass.
        // Level indices 0–3: from 2.4 no sheet drops below "proficient"
        // (it passes); below 1.2 it all but never passes. The stored
        // status is whatever the result says.
        let quality = match stage {
            Stage::NotPassed | Stage::Reopened => self.gen.rng.gen_range(0.3..1.2),
            Stage::Presented => self.gen.rng.gen_range(1.5..3.2),
            _ => self.gen.rng.gen_range(2.4..3.2),
        };
        let rubric = default_rubric();
        let mut scores = Vec::new();
        let manager = self.s.manager;
        for (k, &panelist) in panel.iter().enumerate().take(sheets) {
            let levels: Vec<usize> = (0..rubric.criteria.len())
                .map(|_| {
                    let v: f64 = quality + self.gen.rng.gen_range(-0.8..0.8);
                    v.round().clamp(0.0, (rubric.levels.len() - 1) as f64) as usize
                })
                .collect();
            scores.extend(levels.iter().enumerate().map(|(criterion, &level)| PanelScore {
                panelist: PersonId(panelist),
                criterion,
                level,
            }));
            let entered = self.after(on, 0, 3);
            let entered_at = self.at_school(entered);
            let p = &mut self.batch.panelists[first + k];
            p.levels = Some(levels.iter().map(|l| (l + 1).to_string()).collect::<Vec<_>>().join(","));
            p.entered_by = Some(manager);
            p.entered_at = Some(entered_at);
        }
        if stage == Stage::Presented {
            return;
        }
        let Ok(result) = rubric::result(&rubric, &scores) else {
            return;
        };
        let recorded = self.after(on, 1, 5);
        if !self.step(c, CapstoneEvent::Score { passed: result.passed }, recorded) {
            return;
        }
        let recorded_at = self.at_school(recorded);
        self.batch.results.push(CapstoneResultBulkRow {
            capstone_id: c.row.id,
            attempt: c.row.attempt,
            district_id: self.district(),
            passed: result.passed,
            overall: result.overall.0 as i32,
            criterion_means: result
                .criterion_means
                .iter()
                .map(|m| m.0.to_string())
                .collect::<Vec<_>>()
                .join(","),
            recorded_by: manager,
            recorded_at,
        });
        if result.passed {
            self.batch.passed.insert(self.s.id);
        } else if stage == Stage::Reopened {
            let on = self.after(c.day, 2, 7);
            if self.step(c, CapstoneEvent::Reopen, on) {
                let due = self.cal.day(self.cal.year, Month::December, 15);
                let title = "Revise the product using the panel's feedback";
                let event = CapstoneEvent::AddMilestone(NewMilestone {
                    title: title.to_owned(),
                    due_on: due,
                });
                if self.step(c, event, on) {
                    let created_at = self.at_school(on);
                    let id = self.id();
                    self.batch.milestones.push(CapstoneMilestoneBulkRow {
                        id,
                        capstone_id: c.row.id,
                        district_id: self.district(),
                        title,
                        due_on: due,
                        done_on: None,
                        feedback: "",
                        feedback_by: None,
                        added_by: manager,
                        created_at,
                    });
                }
            }
        }
    }
}

/// The Friday before a weekend day; other days as they are.
fn school_day(d: Date) -> Date {
    match d.weekday() {
        Weekday::Saturday => d - Duration::days(1),
        Weekday::Sunday => d - Duration::days(2),
        _ => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ssp_app::portfolio::capstone::RubricInput;

    #[test]
    fn the_frozen_rubric_is_the_default_as_the_app_stores_it() {
        let app = serde_json::to_string(&RubricInput::of(&default_rubric())).unwrap();
        assert_eq!(DEFAULT_RUBRIC_JSON, app);
        let back: RubricInput = serde_json::from_str(DEFAULT_RUBRIC_JSON).unwrap();
        assert_eq!(back.parse().unwrap(), default_rubric());
    }

    #[test]
    fn presentations_fall_on_school_days() {
        let saturday = time::macros::date!(2026 - 10 - 31);
        assert_eq!(school_day(saturday), time::macros::date!(2026 - 10 - 30));
        assert_eq!(
            school_day(saturday + Duration::days(1)),
            time::macros::date!(2026 - 10 - 30)
        );
        assert_eq!(school_day(saturday + Duration::days(2)), saturday + Duration::days(2));
    }
}
