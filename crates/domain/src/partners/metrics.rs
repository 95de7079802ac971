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

/// The median of a histogram of whole days — `(days, how many)` pairs in
/// any order — with the same rounding as [`median`]; `None` when empty.
/// The database hands the day counts over this way, one pair per distinct
/// value, so no group is ever cut short.
pub fn median_of_counts(counts: &[(i64, u64)]) -> Option<i64> {
    let mut counts: Vec<(i64, u64)> = counts.iter().copied().filter(|(_, n)| *n > 0).collect();
    counts.sort_unstable();
    let n: u64 = counts.iter().map(|(_, c)| c).sum();
    if n == 0 {
        return None;
    }
    // The value at 0-based position `k` of the sorted list.
    let at = |k: u64| {
        let mut seen = 0;
        for (d, c) in &counts {
            seen += c;
            if k < seen {
                return *d;
            }
        }
        counts.last().map(|(d, _)| *d).unwrap_or_default()
    };
    Some(if n % 2 == 1 {
        at(n / 2)
    } else {
        (at(n / 2 - 1) + at(n / 2)).div_euclid(2)
    })
}

/// The figures of one group, counted by the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Referrals per status.
    pub by_status: Vec<(ReferralStatus, u32)>,
    /// Closed referrals with an outcome.
    pub closed_with_outcome: u32,
    /// Days from sent to acceptance: (days, how many).
    pub to_acceptance: Vec<(i64, u64)>,
    /// Days from sent to the first service: (days, how many).
    pub to_first_service: Vec<(i64, u64)>,
}

impl Counts {
    /// Adds another group's counts to this one (a school's over its
    /// partners, the district's over everything).
    pub fn add(&mut self, other: &Counts) {
        for (s, n) in &other.by_status {
            match self.by_status.iter_mut().find(|(t, _)| t == s) {
                Some((_, m)) => *m += n,
                None => self.by_status.push((*s, *n)),
            }
        }
        self.closed_with_outcome += other.closed_with_outcome;
        self.to_acceptance.extend_from_slice(&other.to_acceptance);
        self.to_first_service.extend_from_slice(&other.to_first_service);
    }

    /// The metrics these counts make.
    pub fn metrics(&self) -> LoopMetrics {
        let by_status: Vec<(ReferralStatus, u32)> = ReferralStatus::ALL
            .iter()
            .map(|s| {
                let n = self.by_status.iter().filter(|(t, _)| t == s).map(|(_, n)| n).sum();
                (*s, n)
            })
            .collect();
        let total = by_status.iter().map(|(_, n)| n).sum();
        LoopMetrics {
            total,
            by_status,
            median_days_to_acceptance: median_of_counts(&self.to_acceptance),
            median_days_to_first_service: median_of_counts(&self.to_first_service),
            closed_with_outcome: Percent::of(self.closed_with_outcome, total),
        }
    }
}

/// The metrics of `referrals` (the reference the database's counts are
/// tested against).
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

    #[test]
    fn the_median_of_a_histogram_is_the_median_of_its_values() {
        for days in [
            vec![],
            vec![5],
            vec![9, 1, 5],
            vec![1, 2, 3, 10],
            vec![1, 4],
            vec![3, 3, 3, 7],
            vec![0, 0, 1, 1, 1, 2, 9, 9],
            vec![-1, 2],
        ] {
            let mut hist: Vec<(i64, u64)> = Vec::new();
            for d in &days {
                match hist.iter_mut().find(|(e, _)| e == d) {
                    Some((_, n)) => *n += 1,
                    None => hist.push((*d, 1)),
                }
            }
            hist.reverse();
            assert_eq!(median_of_counts(&hist), median(days.clone()), "{days:?}");
        }
    }

    #[test]
    fn counts_added_up_make_the_same_metrics_as_the_referrals() {
        let sent = Referral::sent(D0);
        let accepted = |d| sent.apply(Accept, after(d), TODAY).unwrap();
        let a = Counts {
            by_status: vec![(ReferralStatus::Sent, 1), (ReferralStatus::Accepted, 1)],
            closed_with_outcome: 0,
            to_acceptance: vec![(2, 1)],
            to_first_service: vec![],
        };
        let b = Counts {
            by_status: vec![(ReferralStatus::InService, 1), (ReferralStatus::Closed, 1)],
            closed_with_outcome: 1,
            to_acceptance: vec![(4, 1), (6, 1)],
            to_first_service: vec![(10, 1), (20, 1)],
        };
        let mut all = Counts::default();
        all.add(&a);
        all.add(&b);
        let rs = vec![
            sent,
            accepted(2),
            accepted(4).apply(RecordService, after(10), TODAY).unwrap(),
            accepted(6)
                .apply(RecordService, after(20), TODAY)
                .unwrap()
                .apply(Close(Outcome::NeedMet), after(40), TODAY)
                .unwrap(),
        ];
        assert_eq!(all.metrics(), loop_metrics(&rs));
        assert_eq!(Counts::default().metrics().total, 0);
    }
}
