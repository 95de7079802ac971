//! Sign-in rules that need no IO: the failed-attempt back-off and session
//! lifetimes.

use time::{Duration, OffsetDateTime};

/// Back-off after failed sign-ins, counted per login name (whether or not
/// the account exists, so the lockout reveals nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInThrottle {
    /// Failures allowed inside `window` before a lock.
    pub max_failures: u32,
    pub window: Duration,
    /// Length of the first lock; each further failure while locked-out
    /// doubles it, up to `max_lock`.
    pub lock: Duration,
    pub max_lock: Duration,
}

impl Default for SignInThrottle {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window: Duration::minutes(15),
            lock: Duration::minutes(15),
            max_lock: Duration::hours(24),
        }
    }
}

/// What the database holds about recent failures for one login name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FailureRecord {
    pub failures: u32,
    pub window_start: OffsetDateTime,
    pub locked_until: Option<OffsetDateTime>,
}

impl SignInThrottle {
    /// Whether a sign-in may be tried now; `Err(until)` while locked.
    pub fn check(&self, rec: Option<&FailureRecord>, now: OffsetDateTime) -> Result<(), OffsetDateTime> {
        match rec.and_then(|r| r.locked_until) {
            Some(until) if until > now => Err(until),
            _ => Ok(()),
        }
    }

    /// The record after one more failure at `now`.
    pub fn after_failure(&self, rec: Option<&FailureRecord>, now: OffsetDateTime) -> FailureRecord {
        let fresh = FailureRecord {
            failures: 1,
            window_start: now,
            locked_until: None,
        };
        let Some(rec) = rec else { return fresh };
        let in_window = now - rec.window_start <= self.window;
        let was_locked = rec.locked_until.is_some();
        if !in_window && !was_locked {
            return fresh;
        }
        let failures = rec.failures.saturating_add(1);
        let locked_until = if failures >= self.max_failures {
            let extra = failures - self.max_failures;
            let factor = 1i32 << extra.min(16);
            let lock = (self.lock * factor).min(self.max_lock);
            Some(now + lock)
        } else {
            None
        };
        FailureRecord {
            failures,
            window_start: rec.window_start,
            locked_until,
        }
    }
}

/// How long a session lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLifetime {
    /// Ends after this long without a request.
    pub idle: Duration,
    /// Ends this long after sign-in, however active.
    pub absolute: Duration,
}

impl Default for SessionLifetime {
    fn default() -> Self {
        Self {
            idle: Duration::minutes(60),
            absolute: Duration::hours(12),
        }
    }
}

impl SessionLifetime {
    pub fn is_live(&self, created: OffsetDateTime, last_seen: OffsetDateTime, now: OffsetDateTime) -> bool {
        now - last_seen < self.idle && now - created < self.absolute
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn fifth_failure_locks_and_later_ones_double() {
        let t = SignInThrottle::default();
        let now = datetime!(2026-11-01 08:00 UTC);
        let mut rec: Option<FailureRecord> = None;
        for i in 1..=4 {
            let r = t.after_failure(rec.as_ref(), now);
            assert_eq!(r.failures, i);
            assert!(t.check(Some(&r), now).is_ok(), "not locked after {i} failures");
            rec = Some(r);
        }
        let r5 = t.after_failure(rec.as_ref(), now);
        assert_eq!(t.check(Some(&r5), now), Err(now + Duration::minutes(15)));
        assert!(t.check(Some(&r5), now + Duration::minutes(16)).is_ok(), "lock expires");
        let r6 = t.after_failure(Some(&r5), now + Duration::minutes(16));
        assert_eq!(r6.locked_until, Some(now + Duration::minutes(16 + 30)));
    }

    #[test]
    fn failures_outside_the_window_start_over() {
        let t = SignInThrottle::default();
        let now = datetime!(2026-11-01 08:00 UTC);
        let r = FailureRecord {
            failures: 4,
            window_start: now,
            locked_until: None,
        };
        let later = t.after_failure(Some(&r), now + Duration::minutes(20));
        assert_eq!(later.failures, 1);
        assert_eq!(later.locked_until, None);
    }

    #[test]
    fn session_lifetime_table() {
        let l = SessionLifetime::default();
        let t0 = datetime!(2026-11-01 08:00 UTC);
        assert!(l.is_live(t0, t0, t0 + Duration::minutes(59)));
        assert!(!l.is_live(t0, t0, t0 + Duration::minutes(61)));
        assert!(!l.is_live(
            t0,
            t0 + Duration::hours(12),
            t0 + Duration::hours(12) + Duration::minutes(1)
        ));
    }
}
