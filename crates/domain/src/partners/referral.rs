//! The referral loop: sent → accepted or declined → first service given →
//! closed with an outcome, with the date of each step, and the reminder
//! when a referral sits too long at a step (the age is the district's).

use time::Date;

use super::IllegalMove;
use crate::academics::keyed_enum;

keyed_enum!(
    /// Where a referral stands.
    ReferralStatus, "unknown_referral_status", {
        Sent => "sent",
        Accepted => "accepted",
        Declined => "declined",
        /// The first service was given; more may follow.
        InService => "in_service",
        Closed => "closed",
    }
);

keyed_enum!(
    /// How a closed referral ended.
    Outcome, "unknown_referral_outcome", {
        NeedMet => "need_met",
        PartlyMet => "partly_met",
        NotMet => "not_met",
        FamilyWithdrew => "family_withdrew",
        Unreachable => "unreachable",
    }
);

/// A step of the loop, with its day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferralEvent {
    Accept,
    Decline,
    /// A service was given (the first moves the referral to in service;
    /// later ones are recorded and keep it there).
    RecordService,
    Close(Outcome),
}

impl ReferralEvent {
    pub fn key(self) -> &'static str {
        match self {
            ReferralEvent::Accept => "accept",
            ReferralEvent::Decline => "decline",
            ReferralEvent::RecordService => "record_service",
            ReferralEvent::Close(_) => "close",
        }
    }
}

/// The code of a refused referral move.
pub const ILLEGAL_REFERRAL_MOVE: &str = "illegal_referral_move";
/// The code of a step dated before the step it follows (or in the future).
pub const REFERRAL_DATE_OUT_OF_ORDER: &str = "referral_date_out_of_order";

/// A referral's status and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Referral {
    pub status: ReferralStatus,
    pub sent_on: Date,
    pub accepted_on: Option<Date>,
    pub declined_on: Option<Date>,
    pub first_service_on: Option<Date>,
    pub closed_on: Option<Date>,
    pub outcome: Option<Outcome>,
}

/// Why a step was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MoveError {
    #[error(transparent)]
    Illegal(#[from] IllegalMove),
    /// The day is before the previous step's or after today.
    #[error("referral_date_out_of_order")]
    DateOutOfOrder,
}

impl MoveError {
    pub fn code(self) -> &'static str {
        match self {
            MoveError::Illegal(m) => m.code,
            MoveError::DateOutOfOrder => REFERRAL_DATE_OUT_OF_ORDER,
        }
    }
}

impl Referral {
    /// A referral sent on `on`.
    pub fn sent(on: Date) -> Self {
        Referral {
            status: ReferralStatus::Sent,
            sent_on: on,
            accepted_on: None,
            declined_on: None,
            first_service_on: None,
            closed_on: None,
            outcome: None,
        }
    }

    /// The day of the current step.
    pub fn since(&self) -> Date {
        match self.status {
            ReferralStatus::Sent => self.sent_on,
            ReferralStatus::Accepted => self.accepted_on.unwrap_or(self.sent_on),
            ReferralStatus::Declined => self.declined_on.unwrap_or(self.sent_on),
            ReferralStatus::InService => self.first_service_on.unwrap_or(self.sent_on),
            ReferralStatus::Closed => self.closed_on.unwrap_or(self.sent_on),
        }
    }

    /// The referral after `event` on day `on` (not after `today`):
    ///
    /// | from | accept | decline | record service | close |
    /// |---|---|---|---|---|
    /// | sent | accepted | declined | — | closed (withdrawn before acceptance) |
    /// | accepted | — | — | in service | closed |
    /// | in service | — | — | in service (first date kept) | closed |
    /// | declined, closed | — | — | — | — |
    pub fn apply(self, event: ReferralEvent, on: Date, today: Date) -> Result<Referral, MoveError> {
        use ReferralEvent::*;
        use ReferralStatus::*;
        let illegal = || {
            MoveError::Illegal(IllegalMove {
                code: ILLEGAL_REFERRAL_MOVE,
                from: self.status.key(),
                event: event.key(),
            })
        };
        let mut next = self;
        match (self.status, event) {
            (Sent, Accept) => {
                next.status = Accepted;
                next.accepted_on = Some(on);
            }
            (Sent, Decline) => {
                next.status = Declined;
                next.declined_on = Some(on);
            }
            (Accepted, RecordService) => {
                next.status = InService;
                next.first_service_on = Some(on);
            }
            (InService, RecordService) => {}
            (Sent | Accepted | InService, Close(outcome)) => {
                next.status = Closed;
                next.closed_on = Some(on);
                next.outcome = Some(outcome);
            }
            _ => return Err(illegal()),
        }
        if on < self.since() || on > today {
            return Err(MoveError::DateOutOfOrder);
        }
        Ok(next)
    }

    /// Whether the referral has sat at its step longer than `days` on
    /// `today`: sent and not answered, or accepted with no service given
    /// yet. A referral receiving services (mentoring, tutoring, therapy
    /// last months), declined or closed never waits.
    pub fn overdue(&self, days: u32, today: Date) -> bool {
        matches!(self.status, ReferralStatus::Sent | ReferralStatus::Accepted)
            && (today - self.since()).whole_days() > i64::from(days)
    }
}

/// The district's default reminder age, in days.
pub const DEFAULT_REMINDER_DAYS: u32 = 14;

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use ReferralEvent::*;
    use ReferralStatus::*;

    const D1: Date = date!(2026 - 10 - 01);
    const D2: Date = date!(2026 - 10 - 05);
    const D3: Date = date!(2026 - 10 - 12);
    const D4: Date = date!(2026 - 11 - 02);
    const TODAY: Date = date!(2026 - 12 - 06);

    fn at(status: ReferralStatus) -> Referral {
        let r = Referral::sent(D1);
        match status {
            Sent => r,
            Accepted => r.apply(Accept, D2, TODAY).unwrap(),
            Declined => r.apply(Decline, D2, TODAY).unwrap(),
            InService => at(Accepted).apply(RecordService, D3, TODAY).unwrap(),
            Closed => at(InService).apply(Close(Outcome::NeedMet), D4, TODAY).unwrap(),
        }
    }

    #[test]
    fn the_whole_loop_keeps_each_date() {
        let r = at(Closed);
        assert_eq!(
            (r.sent_on, r.accepted_on, r.first_service_on, r.closed_on, r.outcome),
            (D1, Some(D2), Some(D3), Some(D4), Some(Outcome::NeedMet))
        );
        let again = at(InService).apply(RecordService, D4, TODAY).unwrap();
        assert_eq!(
            (again.status, again.first_service_on),
            (InService, Some(D3)),
            "the first service date stays"
        );
    }

    #[test]
    fn every_move_legal_or_not() {
        let close = Close(Outcome::NotMet);
        // (from, event, to or None for refused)
        for (from, event, want) in [
            (Sent, Accept, Some(Accepted)),
            (Sent, Decline, Some(Declined)),
            (Sent, RecordService, None),
            (Sent, close, Some(Closed)),
            (Accepted, Accept, None),
            (Accepted, Decline, None),
            (Accepted, RecordService, Some(InService)),
            (Accepted, close, Some(Closed)),
            (InService, Accept, None),
            (InService, Decline, None),
            (InService, RecordService, Some(InService)),
            (InService, close, Some(Closed)),
            (Declined, Accept, None),
            (Declined, RecordService, None),
            (Declined, close, None),
            (Closed, Accept, None),
            (Closed, RecordService, None),
            (Closed, close, None),
        ] {
            let got = at(from).apply(event, TODAY, TODAY);
            match want {
                Some(to) => assert_eq!(got.map(|r| r.status), Ok(to), "{} {}", from.key(), event.key()),
                None => {
                    let err = got.unwrap_err();
                    assert_eq!(err.code(), ILLEGAL_REFERRAL_MOVE);
                    assert_eq!(
                        err,
                        MoveError::Illegal(IllegalMove {
                            code: ILLEGAL_REFERRAL_MOVE,
                            from: from.key(),
                            event: event.key()
                        })
                    );
                }
            }
        }
    }

    #[test]
    fn a_step_may_not_predate_the_last_one_nor_be_in_the_future() {
        assert_eq!(
            at(Accepted).apply(RecordService, D1, TODAY),
            Err(MoveError::DateOutOfOrder)
        );
        assert_eq!(
            Referral::sent(D1).apply(Accept, date!(2026 - 12 - 07), TODAY),
            Err(MoveError::DateOutOfOrder)
        );
        assert!(at(Accepted).apply(RecordService, D2, TODAY).is_ok(), "same day is fine");
    }

    #[test]
    fn reminders_when_a_referral_sits_too_long() {
        for (status, days, today, want) in [
            (Sent, 14, date!(2026 - 10 - 15), false),
            (Sent, 14, date!(2026 - 10 - 16), true),
            (Accepted, 14, date!(2026 - 10 - 19), false),
            (Accepted, 14, date!(2026 - 10 - 20), true),
            (InService, 30, TODAY, false),
            (Declined, 1, TODAY, false),
            (Closed, 1, TODAY, false),
        ] {
            assert_eq!(at(status).overdue(days, today), want, "{} {days} {today}", status.key());
        }
    }
}
