//! A clock tests can move.

use std::sync::Mutex;

use ssp_web::Clock;
use time::{Duration, OffsetDateTime};

#[derive(Debug)]
pub struct FakeClock(Mutex<OffsetDateTime>);

impl Default for FakeClock {
    fn default() -> Self {
        Self(Mutex::new(time::macros::datetime!(2026-11-02 08:00 UTC)))
    }
}

impl FakeClock {
    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *t += by;
    }
}

impl Clock for FakeClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}
