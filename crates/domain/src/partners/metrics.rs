//! Loop metrics per school and partner: referrals by status, median days
//! to acceptance and to first service, and the share closed with an
//! outcome.

use super::referral::{Referral, ReferralStatus};
use crate::support::Percent;

/// The figures for one group of referrals.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoopMetrics {
    pub total: u32,
    /// Count per status, in [`ReferralStatus::ALL`] order.
    pub by_status: Vec<(ReferralStatus, u32)>,
    /// Median whole days from sent to accepted, over accepted referrals
    /// (the lower middle of an even count is averaged with the upper,
    /// rounded down); `None` with none.
    pub median_days_to_acceptance: Option<i64>,
    /// Median days from sent to the first service.
    pub median_days_to_first_service: Option<i64>,
    /// Closed referrals with an outcome, of all referrals.
    pub closed_with_outcome: Option<Percent>,
}

/// The median of whole days, rounded down; `None` when empty.
pub fn median(mut days: Vec<i64>) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    let n = days.len();
    Some(if n % 2 == 1 {
        days[n / 2]
    } else {
        (days[n / 2 - 1] + days[n / 2]).div_euclid(2)
    })
}

/// The metrics of `referrals`.
pub fn loop_metrics(referrals: &[Referral]) -> LoopMetrics {
    let by_status = ReferralStatus::ALL
        .iter()
        .map(|s| (*s, referrals.iter().filter(|r| r.status == *s).count() as u32))
        .collect();
    let days = |pick: fn(&Referral) -> Option<time::Date>| {
        median(
            referrals
                .iter()
                .filter_map(|r| pick(r).map(|d| (d - r.sent_on).whole_days()))
                .collect(),
        )
    };
    let closed = referrals
        .iter()
        .filter(|r| r.status == ReferralStatus::Closed && r.outcome.is_some())
        .count() as u32;
    LoopMetrics {
        total: referrals.len() as u32,
        by_status,
        median_days_to_acceptance: days(|r| r.accepted_on),
        median_days_to_first_service: days(|r| r.first_service_on),
        closed_with_outcome: Percent::of(closed, referrals.len() as u32),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partners::referral::{Outcome, ReferralEvent::*};
    use time::macros::date;
    use time::{Date, Duration};

    const D0: Date = date!(2026 - 09 - 01);
    const TODAY: Date = date!(2026 - 12 - 06);

    fn after(days: i64) -> Date {
        D0 + Duration::days(days)
    }

    #[test]
    fn medians_of_odd_even_and_none() {
        for (days, want) in [
            (vec![], None),
            (vec![5], Some(5)),
            (vec![9, 1, 5], Some(5)),
            (vec![1, 2, 3, 10], Some(2)),
            (vec![1, 4], Some(2)),
        ] {
            assert_eq!(median(days.clone()), want, "{days:?}");
        }
    }

    #[test]
    fn metrics_of_a_small_loop() {
        let sent = Referral::sent(D0);
        let accepted = |d| sent.apply(Accept, after(d), TODAY).unwrap();
        let rs = vec![
            sent,
            sent.apply(Decline, after(1), TODAY).unwrap(),
            accepted(2),
            accepted(4).apply(RecordService, after(10), TODAY).unwrap(),
            accepted(6)
                .apply(RecordService, after(20), TODAY)
                .unwrap()
                .apply(Close(Outcome::NeedMet), after(40), TODAY)
                .unwrap(),
        ];
        let m = loop_metrics(&rs);
        assert_eq!(m.total, 5);
        assert_eq!(
            m.by_status,
            [
                (ReferralStatus::Sent, 1),
                (ReferralStatus::Accepted, 1),
                (ReferralStatus::Declined, 1),
                (ReferralStatus::InService, 1),
                (ReferralStatus::Closed, 1)
            ]
        );
        assert_eq!(m.median_days_to_acceptance, Some(4));
        assert_eq!(m.median_days_to_first_service, Some(15));
        assert_eq!(m.closed_with_outcome, Some(Percent(200)));
        assert_eq!(loop_metrics(&[]).closed_with_outcome, None);
    }
}
