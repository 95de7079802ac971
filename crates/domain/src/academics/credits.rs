//! Exact quantities: credits and grade points, both kept in hundredths so
//! sums and comparisons never drift (0.1 + 0.2 is not a problem here).

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign};

use crate::ParseError;

/// Course credits in hundredths: `Credits(150)` is 1.5 credits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Credits(pub u32);

impl Credits {
    pub const ZERO: Credits = Credits(0);

    /// `n` whole credits.
    pub const fn whole(n: u32) -> Self {
        Credits(n * 100)
    }

    /// Hundredths of a credit.
    pub const fn hundredths(self) -> u32 {
        self.0
    }

    /// From text such as `1`, `0.5`, `.25`, `1.50`. Codes: `invalid_credits`
    /// (not a number), `negative_credits`, `too_precise` (finer than a
    /// hundredth).
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        parse_hundredths(raw, "credits").map(Credits)
    }

    /// Whether the amount is a whole number of quarter credits (0.25 steps).
    pub fn in_quarter_steps(self) -> bool {
        self.0.is_multiple_of(25)
    }

    /// `self - other`, or zero when `other` is larger.
    pub fn saturating_sub(self, other: Credits) -> Credits {
        Credits(self.0.saturating_sub(other.0))
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl Add for Credits {
    type Output = Credits;
    fn add(self, rhs: Credits) -> Credits {
        Credits(self.0 + rhs.0)
    }
}

impl AddAssign for Credits {
    fn add_assign(&mut self, rhs: Credits) {
        self.0 += rhs.0;
    }
}

impl Sum for Credits {
    fn sum<I: Iterator<Item = Credits>>(iter: I) -> Credits {
        iter.fold(Credits::ZERO, Add::add)
    }
}

/// The shortest form: `1`, `0.5`, `0.25`, `12.75`.
impl fmt::Display for Credits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, frac) = (self.0 / 100, self.0 % 100);
        match frac {
            0 => write!(f, "{whole}"),
            n if n % 10 == 0 => write!(f, "{whole}.{}", n / 10),
            n => write!(f, "{whole}.{n:02}"),
        }
    }
}

/// Grade points in hundredths: `Points(367)` is 3.67 (an A- on a 4-point
/// scale). Also a GPA, rounded to the hundredth.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Points(pub u32);

impl Points {
    pub const ZERO: Points = Points(0);

    /// From text such as `4`, `3.67`. Codes: `invalid_points`,
    /// `negative_points`, `too_precise`.
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        parse_hundredths(raw, "points").map(Points)
    }
}

/// Always two decimals, as GPAs are shown: `3.50`, `4.00`.
impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:02}", self.0 / 100, self.0 % 100)
    }
}

/// A non-negative decimal with at most two places, in hundredths.
fn parse_hundredths(raw: &str, what: &'static str) -> Result<u32, ParseError> {
    let (invalid, negative) = match what {
        "credits" => ("invalid_credits", "negative_credits"),
        _ => ("invalid_points", "negative_points"),
    };
    let s = raw.trim();
    if let Some(rest) = s.strip_prefix('-') {
        if parse_hundredths(rest, what).is_ok() {
            return Err(ParseError::new(negative, format!("negative {what}: {raw:?}")));
        }
    }
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && frac.is_empty()) || !digits(whole) || !digits(frac) || whole.len() > 6 {
        return Err(ParseError::new(invalid, format!("not a number of {what}: {raw:?}")));
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 2 {
        return Err(ParseError::new(
            "too_precise",
            format!("{what} finer than 0.01: {raw:?}"),
        ));
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| ParseError::new(invalid, raw))?
    };
    let frac: u32 = format!("{frac:0<2}").parse().unwrap_or(0);
    Ok(whole * 100 + frac)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_parse_table() {
        for (raw, want) in [
            ("1", Ok(100)),
            ("0.5", Ok(50)),
            (".25", Ok(25)),
            (" 1.50 ", Ok(150)),
            ("2.000", Ok(200)),
            ("0", Ok(0)),
            ("-1", Err("negative_credits")),
            ("0.125", Err("too_precise")),
            ("one", Err("invalid_credits")),
            ("", Err("invalid_credits")),
            (".", Err("invalid_credits")),
            ("1.2.3", Err("invalid_credits")),
        ] {
            assert_eq!(Credits::parse(raw).map(|c| c.0).map_err(|e| e.code), want, "{raw:?}");
        }
        assert_eq!(Points::parse("3.67"), Ok(Points(367)));
        assert_eq!(Points::parse("-1").unwrap_err().code, "negative_points");
    }

    #[test]
    fn credits_and_points_display_as_people_write_them() {
        assert_eq!(Credits(100).to_string(), "1");
        assert_eq!(Credits(50).to_string(), "0.5");
        assert_eq!(Credits(25).to_string(), "0.25");
        assert_eq!(Credits(2575).to_string(), "25.75");
        assert_eq!(Points(350).to_string(), "3.50");
        assert_eq!(Points(7).to_string(), "0.07");
        assert!(Credits(75).in_quarter_steps() && !Credits(33).in_quarter_steps());
        assert_eq!([Credits(50), Credits(25)].into_iter().sum::<Credits>(), Credits(75));
        assert_eq!(Credits(50).saturating_sub(Credits(100)), Credits::ZERO);
    }
}
