//! A student's needs — health, basic needs, attendance barriers, academic,
//! social-emotional — each with the sensitivity class that decides who may
//! read it (see [`crate::access`]), a status machine, and what is being done.
//!
//! **Sensitivity.** Health and vision/dental needs are restricted to the
//! nurse and the plan manager (`restricted_health`), like health notes.
//! Social-emotional needs are restricted to the social worker and the plan
//! manager (`restricted_social`): they often describe mental health, grief
//! or family circumstances, and others with school-wide access may still
//! break glass with a reason. Basic needs (food, housing, clothing,
//! transportation), attendance barriers and academic needs are staff-only:
//! the adults who see the student every day are the ones who can help.

use super::IllegalMove;
use crate::academics::keyed_enum;
use crate::access::Sensitivity;
use crate::input::{self, Fields, Rejected};

keyed_enum!(
    /// What a student needs.
    NeedKind, "unknown_need_kind", {
        Health => "health",
        VisionDental => "vision_dental",
        Food => "food",
        Housing => "housing",
        Clothing => "clothing",
        Transportation => "transportation",
        /// What keeps the student from school (a sibling to care for, a
        /// long bus ride, feeling unsafe…).
        AttendanceBarrier => "attendance_barrier",
        Academic => "academic",
        SocialEmotional => "social_emotional",
    }
);

impl NeedKind {
    /// Who may read a need of this kind (see the module's comment).
    pub fn sensitivity(self) -> Sensitivity {
        match self {
            NeedKind::Health | NeedKind::VisionDental => Sensitivity::RestrictedHealth,
            NeedKind::SocialEmotional => Sensitivity::RestrictedSocial,
            NeedKind::Food
            | NeedKind::Housing
            | NeedKind::Clothing
            | NeedKind::Transportation
            | NeedKind::AttendanceBarrier
            | NeedKind::Academic => Sensitivity::Staff,
        }
    }
}

keyed_enum!(
    /// Where a need stands. Moves go through [`NeedStatus::transition`].
    NeedStatus, "unknown_need_status", {
        Identified => "identified",
        /// Someone is working on it.
        InProgress => "in_progress",
        Met => "met",
        /// The circumstances changed; nothing more is needed.
        NoLongerNeeded => "no_longer_needed",
    }
);

/// The code of a refused need move.
pub const ILLEGAL_NEED_MOVE: &str = "illegal_need_move";

impl NeedStatus {
    /// Met or no longer needed.
    pub fn is_closed(self) -> bool {
        matches!(self, NeedStatus::Met | NeedStatus::NoLongerNeeded)
    }

    /// The status after moving to `to`, or an [`IllegalMove`]
    /// (`illegal_need_move`, the event being the target's key):
    ///
    /// | from | legal moves to |
    /// |---|---|
    /// | identified | in_progress, met, no_longer_needed |
    /// | in_progress | met, no_longer_needed |
    /// | met, no_longer_needed | identified (the need came back) |
    ///
    /// Staying in the same status is not a move.
    pub fn transition(self, to: NeedStatus) -> Result<NeedStatus, IllegalMove> {
        use NeedStatus::*;
        let legal = matches!(
            (self, to),
            (Identified, InProgress | Met | NoLongerNeeded)
                | (InProgress, Met | NoLongerNeeded)
                | (Met | NoLongerNeeded, Identified)
        );
        if legal {
            Ok(to)
        } else {
            Err(IllegalMove {
                code: ILLEGAL_NEED_MOVE,
                from: self.key(),
                event: to.key(),
            })
        }
    }
}

keyed_enum!(
    /// Who identified a need.
    NeedSource, "unknown_need_source", {
        /// A member of the SSP team.
        Team => "team",
        /// The student, in the plan's profile.
        StudentProfile => "student_profile",
    }
);

/// The longest description and "what is being done".
pub const NEED_TEXT_MAX_CHARS: usize = 2_000;

/// A need as typed: its class follows from its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNeed {
    pub kind: NeedKind,
    pub description: String,
    /// May be empty while nothing is being done yet.
    pub what_is_being_done: String,
    pub source: NeedSource,
}

impl NewNeed {
    /// Fields `kind` and `source` (`required`, `unknown_choice`),
    /// `description` (1–2,000: `required`, `too_long`),
    /// `what_is_being_done` (up to 2,000: `too_long`). The input's code is
    /// `invalid_need`.
    pub fn parse(kind: &str, description: &str, what_is_being_done: &str, source: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(input::choice("kind", kind, &NeedKind::choices()));
        let description = f.check(input::text("description", description, 1..=NEED_TEXT_MAX_CHARS));
        let doing = f.check(input::text(
            "what_is_being_done",
            what_is_being_done,
            0..=NEED_TEXT_MAX_CHARS,
        ));
        let source = f.check(input::choice("source", source, &NeedSource::choices()));
        f.finish("invalid_need", || NewNeed {
            kind: kind.expect("checked"),
            description: description.expect("checked"),
            what_is_being_done: doing.expect("checked"),
            source: source.expect("checked"),
        })
    }

    /// Who may read it.
    pub fn sensitivity(&self) -> Sensitivity {
        self.kind.sensitivity()
    }
}

/// A change to a need as typed: a new status (blank: keep it) and what is
/// being done now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NeedChange {
    pub status: Option<NeedStatus>,
    pub what_is_being_done: String,
}

impl NeedChange {
    /// Fields `status` (blank or one of the statuses: `unknown_choice`) and
    /// `what_is_being_done` (up to 2,000: `too_long`). The input's code is
    /// `invalid_need_change`. Whether the move is legal is
    /// [`NeedStatus::transition`]'s question, asked against the stored status.
    pub fn parse(status: &str, what_is_being_done: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let status = f.check(match status.trim() {
            "" => Ok(None),
            s => input::choice("status", s, &NeedStatus::choices()).map(Some),
        });
        let doing = f.check(input::text(
            "what_is_being_done",
            what_is_being_done,
            0..=NEED_TEXT_MAX_CHARS,
        ));
        f.finish("invalid_need_change", || NeedChange {
            status: status.expect("checked"),
            what_is_being_done: doing.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::support::tests::codes;

    #[test]
    fn health_and_vision_dental_needs_are_restricted_to_the_nurse() {
        assert_eq!(NeedKind::Health.sensitivity(), Sensitivity::RestrictedHealth);
        assert_eq!(NeedKind::VisionDental.sensitivity(), Sensitivity::RestrictedHealth);
    }

    #[test]
    fn social_emotional_needs_are_restricted_to_the_social_worker() {
        assert_eq!(NeedKind::SocialEmotional.sensitivity(), Sensitivity::RestrictedSocial);
    }

    #[test]
    fn other_needs_are_staff_only_never_shared_with_the_family_by_default() {
        let staff: Vec<_> = NeedKind::ALL
            .iter()
            .filter(|k| k.sensitivity() == Sensitivity::Staff)
            .map(|k| k.key())
            .collect();
        assert_eq!(
            staff,
            [
                "food",
                "housing",
                "clothing",
                "transportation",
                "attendance_barrier",
                "academic"
            ]
        );
        assert!(NeedKind::ALL.iter().all(|k| k.sensitivity() != Sensitivity::Shared));
    }

    #[test]
    fn every_legal_need_move() {
        use NeedStatus::*;
        for (from, to) in [
            (Identified, InProgress),
            (Identified, Met),
            (Identified, NoLongerNeeded),
            (InProgress, Met),
            (InProgress, NoLongerNeeded),
            (Met, Identified),
            (NoLongerNeeded, Identified),
        ] {
            assert_eq!(from.transition(to), Ok(to), "{} → {}", from.key(), to.key());
        }
    }

    #[test]
    fn illegal_need_moves_are_refused_with_a_code() {
        use NeedStatus::*;
        for (from, to) in [
            (InProgress, Identified),
            (Met, InProgress),
            (Met, NoLongerNeeded),
            (NoLongerNeeded, Met),
            (Identified, Identified),
        ] {
            let err = from.transition(to).unwrap_err();
            assert_eq!(
                (err.code, err.from, err.event),
                (ILLEGAL_NEED_MOVE, from.key(), to.key())
            );
        }
        assert!(Met.is_closed() && NoLongerNeeded.is_closed() && !InProgress.is_closed());
    }

    #[test]
    fn a_need_parses_with_its_kind_and_source() {
        let n = NewNeed::parse("food", "Often hungry in first period", "", "student_profile").unwrap();
        assert_eq!((n.kind, n.source), (NeedKind::Food, NeedSource::StudentProfile));
        assert_eq!(n.sensitivity(), Sensitivity::Staff);
        assert_eq!(n.what_is_being_done, "");
    }

    #[test]
    fn a_need_change_keeps_the_status_when_none_is_chosen() {
        let c = NeedChange::parse("", "Breakfast program from Monday").unwrap();
        assert_eq!(c.status, None);
        let c = NeedChange::parse("in_progress", "").unwrap();
        assert_eq!(c.status, Some(NeedStatus::InProgress));
        let err = NeedChange::parse("solved", &"x".repeat(2001)).unwrap_err();
        assert_eq!(err.error, "invalid_need_change");
        assert_eq!(
            codes(err),
            vec![("status", "unknown_choice"), ("what_is_being_done", "too_long")]
        );
    }

    #[test]
    fn a_need_names_every_bad_field() {
        let err = NewNeed::parse("money", "", &"x".repeat(2001), "guardian").unwrap_err();
        assert_eq!(err.error, "invalid_need");
        assert_eq!(
            codes(err),
            vec![
                ("kind", "unknown_choice"),
                ("description", "required"),
                ("what_is_being_done", "too_long"),
                ("source", "unknown_choice"),
            ]
        );
    }
}
