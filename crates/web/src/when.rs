//! Dates and times as a reader sees them: in the district's time zone
//! (stored UTC, shown local) and written the way the reader's language
//! writes them ("Nov 2, 2026, 3:15 AM EST" / "2 nov 2026, 3:15 EST").
//! Form fields keep ISO dates (`<input type="date">` shows them localised).

use jiff::tz::TimeZone;
use ssp_domain::Language;
use time::{Date, OffsetDateTime};

/// The time zone of a district that has not chosen one.
pub const DEFAULT_TIME_ZONE: &str = "America/New_York";

/// The time zones offered on the settings page (US states and territories,
/// then UTC). Any IANA name is accepted from the API or the database.
pub const TIME_ZONES: &[&str] = &[
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "America/Adak",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
    "Pacific/Pago_Pago",
    "UTC",
];

/// Whether `name` is a time zone ssp knows (IANA database, bundled).
pub fn is_time_zone(name: &str) -> bool {
    !name.trim().is_empty() && TimeZone::get(name.trim()).is_ok()
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];

/// A reader's clock: the district's time zone and the reader's language.
#[derive(Debug, Clone)]
pub struct Local {
    tz: TimeZone,
    lang: Language,
}

impl Local {
    /// The district's zone (`None` or an unknown name: the default).
    pub fn new(time_zone: Option<&str>, lang: Language) -> Self {
        let tz = time_zone
            .filter(|n| !n.trim().is_empty())
            .and_then(|n| TimeZone::get(n.trim()).ok())
            .unwrap_or_else(|| TimeZone::get(DEFAULT_TIME_ZONE).unwrap_or(TimeZone::UTC));
        Self { tz, lang }
    }

    /// The clock of this request's reader (their district and language).
    pub fn of(ctx: &crate::context::Ctx) -> Self {
        Self::new(ctx.session.as_ref().and_then(|s| s.time_zone.as_deref()), ctx.lang)
    }

    fn month(&self, m: u8) -> &'static str {
        let i = usize::from(m.clamp(1, 12) - 1);
        match self.lang {
            Language::Es => MONTHS_ES[i],
            _ => MONTHS_EN[i],
        }
    }

    /// A calendar date: "Nov 2, 2026" / "2 nov 2026".
    pub fn date(&self, d: Date) -> String {
        let (y, m, day) = (d.year(), u8::from(d.month()), d.day());
        match self.lang {
            Language::Es => format!("{day} {} {y}", self.month(m)),
            _ => format!("{} {day}, {y}", self.month(m)),
        }
    }

    /// A moment, in the district's zone with its abbreviation.
    pub fn when(&self, at: OffsetDateTime) -> String {
        let Ok(ts) = jiff::Timestamp::from_second(at.unix_timestamp()) else {
            return at.to_string();
        };
        let z = ts.to_zoned_datetime(self.tz.clone());
        let abbr = self.tz.to_offset_info(ts).abbreviation().to_string();
        let (y, m, d) = (z.year(), z.month() as u8, z.day());
        let (h, min) = (z.hour(), z.minute());
        match self.lang {
            Language::Es => format!("{d} {} {y}, {h}:{min:02} {abbr}", self.month(m)),
            _ => {
                let (h12, ampm) = match h {
                    0 => (12, "AM"),
                    1..=11 => (h, "AM"),
                    12 => (12, "PM"),
                    _ => (h - 12, "PM"),
                };
                format!("{} {d}, {y}, {h12}:{min:02} {ampm} {abbr}", self.month(m))
            }
        }
    }

    /// The local calendar date of a moment (what "today" is for the district).
    pub fn local_date(&self, at: OffsetDateTime) -> Option<Date> {
        let ts = jiff::Timestamp::from_second(at.unix_timestamp()).ok()?;
        let z = ts.to_zoned_datetime(self.tz.clone());
        let month = time::Month::try_from(z.month() as u8).ok()?;
        Date::from_calendar_date(i32::from(z.year()), month, z.day() as u8).ok()
    }
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    #[test]
    fn moments_are_shown_in_the_districts_zone_in_the_readers_language() {
        let at = datetime!(2026-11-02 08:05 UTC); // after the fall change
        let summer = datetime!(2026-07-01 19:30 UTC);
        let cases = [
            ("America/Los_Angeles", Language::En, at, "Nov 2, 2026, 12:05 AM PST"),
            ("America/Los_Angeles", Language::Es, at, "2 nov 2026, 0:05 PST"),
            ("America/New_York", Language::En, at, "Nov 2, 2026, 3:05 AM EST"),
            ("America/New_York", Language::En, summer, "Jul 1, 2026, 3:30 PM EDT"),
            ("America/Chicago", Language::Es, summer, "1 jul 2026, 14:30 CDT"),
            ("UTC", Language::En, at, "Nov 2, 2026, 8:05 AM UTC"),
        ];
        for (tz, lang, at, expected) in cases {
            assert_eq!(Local::new(Some(tz), lang).when(at), expected, "{tz} {lang:?}");
        }
    }

    #[test]
    fn an_unknown_or_missing_zone_falls_back_to_the_default() {
        let at = datetime!(2026-11-02 08:05 UTC);
        let default = Local::new(None, Language::En).when(at);
        assert_eq!(default, "Nov 2, 2026, 3:05 AM EST");
        assert_eq!(Local::new(Some("Mars/Olympus"), Language::En).when(at), default);
        assert_eq!(Local::new(Some(""), Language::En).when(at), default);
    }

    #[test]
    fn dates_are_written_the_languages_way() {
        assert_eq!(
            Local::new(None, Language::En).date(date!(2026 - 10 - 31)),
            "Oct 31, 2026"
        );
        assert_eq!(
            Local::new(None, Language::Es).date(date!(2026 - 09 - 01)),
            "1 sept 2026"
        );
    }

    #[test]
    fn the_local_date_can_differ_from_the_utc_date() {
        let late = datetime!(2026-11-03 03:00 UTC);
        assert_eq!(
            Local::new(Some("America/Los_Angeles"), Language::En).local_date(late),
            Some(date!(2026 - 11 - 02))
        );
    }

    #[test]
    fn only_known_zones_are_accepted() {
        for tz in TIME_ZONES {
            assert!(is_time_zone(tz), "{tz}");
        }
        assert!(!is_time_zone("Mars/Olympus"));
        assert!(!is_time_zone(""));
    }
}
