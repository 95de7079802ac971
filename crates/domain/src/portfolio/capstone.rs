//! The capstone project: the student proposes a question, a plan and a
//! mentor; staff approve or return the proposal; the student works through
//! milestones, attaches final products, presents on a scheduled date, and a
//! panel scores the presentation with the district's rubric
//! ([`super::rubric`]). A capstone that did not pass may be reopened for
//! another attempt; one may be withdrawn until it is presented.
//!
//! **Approved means in progress.** Work starts when the proposal is
//! approved, so there is no separate "in progress" state: milestones are
//! added and completed, final products attached and the presentation
//! scheduled while the capstone is `approved`. Once it has at least one
//! final product *and* a presentation date it is `ready_to_present`
//! (whichever of the two comes last moves it there).

use time::Date;

use crate::academics::keyed_enum;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::Email;

keyed_enum!(
    /// Where a capstone stands; the key is what is stored.
    CapstoneStatus, "unknown_capstone_status", {
        /// Being written by the student.
        Draft => "draft",
        /// Submitted, waiting for staff.
        Proposed => "proposed",
        /// Sent back with a comment; the student revises and resubmits.
        Returned => "returned",
        /// Approved: the work is in progress.
        Approved => "approved",
        /// Final products attached and the presentation date set.
        ReadyToPresent => "ready_to_present",
        /// Presented; waiting for the panel's scores.
        Presented => "presented",
        /// Scored and passed (final).
        Passed => "passed",
        /// Scored and not passed; may be reopened for another attempt.
        NotPassed => "not_passed",
        /// Withdrawn (final).
        Withdrawn => "withdrawn",
    }
);

impl CapstoneStatus {
    /// Whether nothing more can happen (passed or withdrawn).
    pub fn is_final(self) -> bool {
        matches!(self, CapstoneStatus::Passed | CapstoneStatus::Withdrawn)
    }
}

/// A capstone's state: its status and the facts the rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapstoneState {
    pub status: CapstoneStatus,
    /// Final products attached (kept across attempts).
    pub final_products: u32,
    /// The presentation date, once scheduled (cleared by a reopen).
    pub presentation_on: Option<Date>,
    /// 1 for the first attempt, 2 after the first reopen, …
    pub attempt: u32,
}

impl CapstoneState {
    /// A new capstone: a draft, first attempt, nothing attached.
    pub fn new() -> Self {
        Self {
            status: CapstoneStatus::Draft,
            final_products: 0,
            presentation_on: None,
            attempt: 1,
        }
    }
}

impl Default for CapstoneState {
    fn default() -> Self {
        Self::new()
    }
}

/// Who may take an event (the use case checks the actor's role and
/// relationship; this says which kind of person the rule is written for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Student,
    /// The capstone coordinator, counselor or mentor teacher.
    Staff,
    /// A member of the presentation panel.
    Panel,
}

/// Something that happens to a capstone. The data an event needs is already
/// parsed, so an event that exists is complete (a proposal has its question,
/// plan and mentor; a return has its comment; a presentation date is not in
/// the past).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CapstoneEvent {
    /// The student submits (or resubmits) the proposal.
    SubmitProposal(Proposal),
    /// Staff approve the proposal; work starts.
    Approve,
    /// Staff send the proposal back with a comment.
    Return(ReturnComment),
    AddMilestone(NewMilestone),
    CompleteMilestone,
    AttachFinalProduct,
    /// Set or move the presentation date.
    SchedulePresentation(PresentationDate),
    MarkPresented,
    /// The panel's result (from [`super::rubric::result`]).
    Score {
        passed: bool,
    },
    Withdraw,
    /// Staff reopen a capstone that did not pass: another attempt.
    Reopen,
}

impl CapstoneEvent {
    /// The event's stable key (`submit_proposal`, `approve`, `return`,
    /// `add_milestone`, `complete_milestone`, `attach_final_product`,
    /// `schedule_presentation`, `mark_presented`, `score`, `withdraw`,
    /// `reopen`), as audit rows and [`IllegalMove`] name it.
    pub fn key(&self) -> &'static str {
        match self {
            CapstoneEvent::SubmitProposal(_) => "submit_proposal",
            CapstoneEvent::Approve => "approve",
            CapstoneEvent::Return(_) => "return",
            CapstoneEvent::AddMilestone(_) => "add_milestone",
            CapstoneEvent::CompleteMilestone => "complete_milestone",
            CapstoneEvent::AttachFinalProduct => "attach_final_product",
            CapstoneEvent::SchedulePresentation(_) => "schedule_presentation",
            CapstoneEvent::MarkPresented => "mark_presented",
            CapstoneEvent::Score { .. } => "score",
            CapstoneEvent::Withdraw => "withdraw",
            CapstoneEvent::Reopen => "reopen",
        }
    }

    /// Who takes it: the student submits, adds and completes milestones and
    /// attaches products; staff approve, return, schedule, mark presented
    /// and reopen; the panel scores; the student or staff may add a
    /// milestone or withdraw.
    pub fn by(&self) -> &'static [Party] {
        match self {
            CapstoneEvent::SubmitProposal(_) | CapstoneEvent::CompleteMilestone | CapstoneEvent::AttachFinalProduct => {
                &[Party::Student]
            }
            CapstoneEvent::Approve
            | CapstoneEvent::Return(_)
            | CapstoneEvent::SchedulePresentation(_)
            | CapstoneEvent::MarkPresented
            | CapstoneEvent::Reopen => &[Party::Staff],
            CapstoneEvent::Score { .. } => &[Party::Panel],
            CapstoneEvent::AddMilestone(_) | CapstoneEvent::Withdraw => &[Party::Student, Party::Staff],
        }
    }
}

/// An event the capstone's status does not allow. Code
/// `illegal_capstone_move`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("illegal_capstone_move: {event} from {}", from.key())]
pub struct IllegalMove {
    pub from: CapstoneStatus,
    pub event: &'static str,
}

impl IllegalMove {
    pub const CODE: &'static str = "illegal_capstone_move";
}

/// The state after `event`, or [`IllegalMove`]. The table:
///
/// | from | event | to |
/// |---|---|---|
/// | draft, returned | submit_proposal | proposed |
/// | proposed | approve | approved |
/// | proposed | return | returned |
/// | approved, ready_to_present | add_milestone, complete_milestone | same |
/// | approved, ready_to_present | attach_final_product | ready_to_present if a date is set, else approved |
/// | approved, ready_to_present | schedule_presentation | ready_to_present if a product is attached, else approved |
/// | ready_to_present | mark_presented | presented |
/// | presented | score | passed or not_passed |
/// | not_passed | reopen | approved (next attempt; the date is cleared, products kept) |
/// | any but presented, passed, withdrawn | withdraw | withdrawn |
///
/// Everything else is illegal: a proposal cannot be approved twice,
/// nothing is presented before it is ready, a presented capstone is scored
/// (not withdrawn), and passed and withdrawn are final.
pub fn transition(state: &CapstoneState, event: &CapstoneEvent) -> Result<CapstoneState, IllegalMove> {
    use CapstoneEvent as E;
    use CapstoneStatus as S;
    let illegal = IllegalMove {
        from: state.status,
        event: event.key(),
    };
    let mut next = *state;
    let working = matches!(state.status, S::Approved | S::ReadyToPresent);
    let ready = |s: &CapstoneState| {
        if s.final_products > 0 && s.presentation_on.is_some() {
            S::ReadyToPresent
        } else {
            S::Approved
        }
    };
    match (state.status, event) {
        (S::Draft | S::Returned, E::SubmitProposal(_)) => next.status = S::Proposed,
        (S::Proposed, E::Approve) => next.status = S::Approved,
        (S::Proposed, E::Return(_)) => next.status = S::Returned,
        (_, E::AddMilestone(_) | E::CompleteMilestone) if working => {}
        (_, E::AttachFinalProduct) if working => {
            next.final_products = next.final_products.saturating_add(1);
            next.status = ready(&next);
        }
        (_, E::SchedulePresentation(on)) if working => {
            next.presentation_on = Some(on.0);
            next.status = ready(&next);
        }
        (S::ReadyToPresent, E::MarkPresented) => next.status = S::Presented,
        (S::Presented, E::Score { passed }) => {
            next.status = if *passed { S::Passed } else { S::NotPassed };
        }
        (S::NotPassed, E::Reopen) => {
            next.status = S::Approved;
            next.presentation_on = None;
            next.attempt = next.attempt.saturating_add(1);
        }
        (s, E::Withdraw) if !matches!(s, S::Presented | S::Passed | S::Withdrawn) => next.status = S::Withdrawn,
        _ => return Err(illegal),
    }
    Ok(next)
}

/// The longest question, in characters.
pub const QUESTION_MAX_CHARS: usize = 500;
/// The longest plan.
pub const PLAN_MAX_CHARS: usize = 4_000;
/// The longest name (a mentor, a milestone title).
pub const NAME_MAX_CHARS: usize = 200;
/// The longest comment or feedback.
pub const COMMENT_MAX_CHARS: usize = 2_000;

/// A proposal as the form sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProposalRaw<'a> {
    pub question: &'a str,
    pub plan: &'a str,
    pub mentor_name: &'a str,
    /// May be blank.
    pub mentor_email: &'a str,
}

/// The mentor the student names (often outside the school).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentor {
    pub name: String,
    pub email: Option<Email>,
}

/// A complete proposal: the question, the plan and the mentor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub question: String,
    pub plan: String,
    pub mentor: Mentor,
}

impl ProposalRaw<'_> {
    /// Fields `question` (1–500), `plan` (1–4,000), `mentor_name` (1–200):
    /// `required`, `too_long`; `mentor_email` (blank or valid:
    /// `invalid_email`). The input's code is `invalid_capstone_proposal`.
    pub fn parse(&self) -> Result<Proposal, Rejected> {
        let mut f = Fields::new();
        let question = f.check(input::text("question", self.question, 1..=QUESTION_MAX_CHARS));
        let plan = f.check(input::text("plan", self.plan, 1..=PLAN_MAX_CHARS));
        let name = f.check(input::text("mentor_name", self.mentor_name, 1..=NAME_MAX_CHARS));
        let email = f.check(super::optional_email("mentor_email", self.mentor_email));
        f.finish("invalid_capstone_proposal", || Proposal {
            question: question.expect("checked"),
            plan: plan.expect("checked"),
            mentor: Mentor {
                name: name.expect("checked"),
                email: email.expect("checked"),
            },
        })
    }
}

/// Why staff sent a proposal back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnComment(pub String);

impl ReturnComment {
    /// Field `comment` (1–2,000); the input's code is
    /// `invalid_capstone_return`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let c = f.check(input::text("comment", raw, 1..=COMMENT_MAX_CHARS));
        f.finish("invalid_capstone_return", || ReturnComment(c.expect("checked")))
    }
}

/// A presentation date, not in the past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentationDate(pub Date);

impl PresentationDate {
    /// Field `presentation_on` (`required`, `invalid_date`, `date_in_past`:
    /// before `today`); the input's code is `invalid_presentation_date`.
    pub fn parse(raw: &str, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let on = f.check(super::date_field("presentation_on", raw).and_then(|d| {
            if d < today {
                Err(FieldError::new("presentation_on", "date_in_past"))
            } else {
                Ok(d)
            }
        }));
        f.finish("invalid_presentation_date", || PresentationDate(on.expect("checked")))
    }
}

/// A milestone as the student plans it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMilestone {
    pub title: String,
    pub due_on: Date,
}

impl NewMilestone {
    /// Fields `title` (1–200) and `due_on` (a date: `required`,
    /// `invalid_date`; a past date is allowed, to record work already
    /// done). The input's code is `invalid_milestone`.
    pub fn parse(title: &str, due_on: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let title = f.check(input::text("title", title, 1..=NAME_MAX_CHARS));
        let due = f.check(super::date_field("due_on", due_on));
        f.finish("invalid_milestone", || NewMilestone {
            title: title.expect("checked"),
            due_on: due.expect("checked"),
        })
    }
}

/// A milestone of the capstone's plan. Milestones guide the work; they do
/// not gate `ready_to_present`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub title: String,
    pub due_on: Date,
    pub done: bool,
    /// The mentor's feedback (may be empty).
    pub feedback: String,
}

impl Milestone {
    pub fn new(m: NewMilestone) -> Self {
        Self {
            title: m.title,
            due_on: m.due_on,
            done: false,
            feedback: String::new(),
        }
    }

    /// Overdue: not done and due before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.done && self.due_on < today
    }
}

/// The mentor's feedback on a milestone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorFeedback(pub String);

impl MentorFeedback {
    /// Field `feedback` (1–2,000); the input's code is `invalid_feedback`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let t = f.check(input::text("feedback", raw, 1..=COMMENT_MAX_CHARS));
        f.finish("invalid_feedback", || MentorFeedback(t.expect("checked")))
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    const TODAY: Date = date!(2027 - 03 - 01);

    fn proposal() -> Proposal {
        ProposalRaw {
            question: "How can our town cut food waste?",
            plan: "Survey cafeterias, then pilot compost bins.",
            mentor_name: "Dr. Rosa Vega",
            mentor_email: "",
        }
        .parse()
        .unwrap()
    }

    /// One event of each kind, by key.
    fn events() -> Vec<CapstoneEvent> {
        vec![
            CapstoneEvent::SubmitProposal(proposal()),
            CapstoneEvent::Approve,
            CapstoneEvent::Return(ReturnComment::parse("Narrow the question.").unwrap()),
            CapstoneEvent::AddMilestone(NewMilestone::parse("Survey done", "2027-04-01").unwrap()),
            CapstoneEvent::CompleteMilestone,
            CapstoneEvent::AttachFinalProduct,
            CapstoneEvent::SchedulePresentation(PresentationDate::parse("2027-05-20", TODAY).unwrap()),
            CapstoneEvent::MarkPresented,
            CapstoneEvent::Score { passed: true },
            CapstoneEvent::Withdraw,
            CapstoneEvent::Reopen,
        ]
    }

    fn state(status: CapstoneStatus) -> CapstoneState {
        CapstoneState {
            status,
            ..CapstoneState::new()
        }
    }

    #[test]
    fn every_status_and_event_follows_the_table() {
        use CapstoneStatus as S;
        // (from, event key, to); anything not listed is illegal. The states
        // start with nothing attached and no date.
        let legal: &[(S, &str, S)] = &[
            (S::Draft, "submit_proposal", S::Proposed),
            (S::Draft, "withdraw", S::Withdrawn),
            (S::Proposed, "approve", S::Approved),
            (S::Proposed, "return", S::Returned),
            (S::Proposed, "withdraw", S::Withdrawn),
            (S::Returned, "submit_proposal", S::Proposed),
            (S::Returned, "withdraw", S::Withdrawn),
            (S::Approved, "add_milestone", S::Approved),
            (S::Approved, "complete_milestone", S::Approved),
            (S::Approved, "attach_final_product", S::Approved),
            (S::Approved, "schedule_presentation", S::Approved),
            (S::Approved, "withdraw", S::Withdrawn),
            (S::ReadyToPresent, "add_milestone", S::ReadyToPresent),
            (S::ReadyToPresent, "complete_milestone", S::ReadyToPresent),
            (S::ReadyToPresent, "mark_presented", S::Presented),
            (S::ReadyToPresent, "withdraw", S::Withdrawn),
            (S::Presented, "score", S::Passed),
            (S::NotPassed, "reopen", S::Approved),
            (S::NotPassed, "withdraw", S::Withdrawn),
        ];
        // A ready capstone has a product and a date; attaching or
        // rescheduling keeps it ready.
        let ready = CapstoneState {
            status: S::ReadyToPresent,
            final_products: 1,
            presentation_on: Some(date!(2027 - 05 - 20)),
            attempt: 1,
        };
        let mut cells = 0;
        for &from in CapstoneStatus::ALL {
            let start = if from == S::ReadyToPresent { ready } else { state(from) };
            for event in events() {
                cells += 1;
                let got = transition(&start, &event).map(|s| s.status);
                let want = legal
                    .iter()
                    .find(|(f, e, _)| *f == from && *e == event.key())
                    .map(|(_, _, to)| *to)
                    .or_else(|| {
                        (from == S::ReadyToPresent
                            && matches!(event.key(), "attach_final_product" | "schedule_presentation"))
                        .then_some(S::ReadyToPresent)
                    });
                match want {
                    Some(to) => assert_eq!(got, Ok(to), "{} + {}", from.key(), event.key()),
                    None => assert_eq!(
                        got,
                        Err(IllegalMove {
                            from,
                            event: event.key()
                        }),
                        "{} + {} should be illegal",
                        from.key(),
                        event.key()
                    ),
                }
            }
        }
        assert_eq!(cells, 9 * 11);
    }

    #[test]
    fn a_capstone_is_ready_once_it_has_a_product_and_a_date_in_either_order() {
        let date = CapstoneEvent::SchedulePresentation(PresentationDate::parse("2027-05-20", TODAY).unwrap());
        let product = CapstoneEvent::AttachFinalProduct;
        for (first, second) in [(&date, &product), (&product, &date)] {
            let s = transition(&state(CapstoneStatus::Approved), first).unwrap();
            assert_eq!(s.status, CapstoneStatus::Approved);
            let s = transition(&s, second).unwrap();
            assert_eq!(s.status, CapstoneStatus::ReadyToPresent);
            assert_eq!(s.presentation_on, Some(date!(2027 - 05 - 20)));
            assert_eq!(s.final_products, 1);
        }
    }

    #[test]
    fn a_capstone_that_did_not_pass_is_reopened_for_a_second_attempt() {
        let presented = state(CapstoneStatus::Presented);
        let failed = transition(&presented, &CapstoneEvent::Score { passed: false }).unwrap();
        assert_eq!(failed.status, CapstoneStatus::NotPassed);
        let failed = CapstoneState {
            final_products: 2,
            presentation_on: Some(date!(2027 - 05 - 20)),
            ..failed
        };
        let again = transition(&failed, &CapstoneEvent::Reopen).unwrap();
        assert_eq!(again.status, CapstoneStatus::Approved);
        assert_eq!(again.attempt, 2);
        assert_eq!(again.presentation_on, None, "a new date must be set");
        assert_eq!(again.final_products, 2, "the products are kept");
        assert!(CapstoneStatus::Passed.is_final() && CapstoneStatus::Withdrawn.is_final());
        assert!(!CapstoneStatus::NotPassed.is_final());
    }

    #[test]
    fn events_say_who_takes_them() {
        let by = |key: &str| events().into_iter().find(|e| e.key() == key).unwrap().by();
        assert_eq!(by("submit_proposal"), [Party::Student]);
        assert_eq!(by("approve"), [Party::Staff]);
        assert_eq!(by("return"), [Party::Staff]);
        assert_eq!(by("score"), [Party::Panel]);
        assert_eq!(by("withdraw"), [Party::Student, Party::Staff]);
        assert_eq!(IllegalMove::CODE, "illegal_capstone_move");
    }

    #[test]
    fn a_proposal_needs_a_question_a_plan_and_a_mentor() {
        let ok = ProposalRaw {
            mentor_email: " Rosa.Vega@Example.org ",
            ..ProposalRaw {
                question: "q",
                plan: "p",
                mentor_name: "m",
                mentor_email: "",
            }
        }
        .parse()
        .unwrap();
        assert_eq!(ok.mentor.email.unwrap().as_str(), "rosa.vega@example.org");
        let long_q = "q".repeat(501);
        let long_plan = "p".repeat(4_001);
        let long_name = "m".repeat(201);
        type Case<'a> = (ProposalRaw<'a>, Vec<(&'a str, &'a str)>);
        let cases: Vec<Case> = vec![
            (
                ProposalRaw::default(),
                vec![
                    ("question", "required"),
                    ("plan", "required"),
                    ("mentor_name", "required"),
                ],
            ),
            (
                ProposalRaw {
                    question: &long_q,
                    plan: &long_plan,
                    mentor_name: &long_name,
                    mentor_email: "not an email",
                },
                vec![
                    ("question", "too_long"),
                    ("plan", "too_long"),
                    ("mentor_name", "too_long"),
                    ("mentor_email", "invalid_email"),
                ],
            ),
        ];
        for (raw, want) in cases {
            let err = raw.parse().unwrap_err();
            assert_eq!(err.error, "invalid_capstone_proposal");
            assert_eq!(err.fields.iter().map(|f| (f.field, f.code)).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn a_return_needs_a_comment_and_a_presentation_a_date_not_in_the_past() {
        assert_eq!(
            ReturnComment::parse(" ").unwrap_err().fields,
            vec![FieldError::new("comment", "required")]
        );
        assert_eq!(
            ReturnComment::parse(&"c".repeat(2_001)).unwrap_err().fields,
            vec![FieldError::new("comment", "too_long")]
        );
        assert_eq!(
            PresentationDate::parse("2027-03-01", TODAY),
            Ok(PresentationDate(TODAY)),
            "today is fine"
        );
        for (raw, code) in [
            ("", "required"),
            ("May 20", "invalid_date"),
            ("2027-02-28", "date_in_past"),
        ] {
            let err = PresentationDate::parse(raw, TODAY).unwrap_err();
            assert_eq!(err.error, "invalid_presentation_date");
            assert_eq!(err.fields, vec![FieldError::new("presentation_on", code)], "{raw:?}");
        }
    }

    #[test]
    fn milestones_have_a_title_a_due_date_and_feedback() {
        let m = Milestone::new(NewMilestone::parse("Interview a farmer", "2027-02-15").unwrap());
        assert!(!m.done && m.feedback.is_empty());
        assert!(m.is_overdue(TODAY));
        assert!(!Milestone {
            done: true,
            ..m.clone()
        }
        .is_overdue(TODAY));
        let err = NewMilestone::parse("", "soon").unwrap_err();
        assert_eq!(err.error, "invalid_milestone");
        assert_eq!(
            err.fields,
            vec![
                FieldError::new("title", "required"),
                FieldError::new("due_on", "invalid_date")
            ]
        );
        assert!(MentorFeedback::parse("Great interview notes.").is_ok());
        assert_eq!(
            MentorFeedback::parse("").unwrap_err().fields,
            vec![FieldError::new("feedback", "required")]
        );
    }
}
