//! A validated email address.

use std::fmt;

use crate::ParseError;

/// An email address that passed a deliberately plain check: one `@`, a
/// non-empty local part, a dotted domain, no spaces, at most 254 bytes.
/// It is stored lower-cased, so it can be compared for sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let s = raw.trim().to_lowercase();
        let bad = || ParseError::new("invalid_email", format!("not an email address: {raw:?}"));
        if s.len() > 254 || s.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad());
        }
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        if local.is_empty()
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
        {
            return Err(bad());
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_table() {
        let cases = [
            ("Ana.Lopez@Example.org", Some("ana.lopez@example.org")),
            ("  x@y.co ", Some("x@y.co")),
            ("no-at-sign.example.org", None),
            ("@example.org", None),
            ("a@b", None),
            ("a@@b.org", None),
            ("a b@c.org", None),
            ("a@.org", None),
            ("a@b..org", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = Email::parse(input).ok();
            assert_eq!(got.as_ref().map(Email::as_str), want, "input {input:?}");
        }
    }
}
