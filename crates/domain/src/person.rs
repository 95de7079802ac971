//! People: names, pronouns, usernames and passwords as typed.

use crate::ParseError;

/// A person's name as the school records it, with the name they go by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    pub given: String,
    pub family: String,
    pub preferred: Option<String>,
}

impl PersonName {
    /// The name to address the person by: their preferred name if they
    /// gave one, with the family name.
    pub fn display(&self) -> String {
        format!("{} {}", self.first(), self.family)
    }

    /// "Family, First" for lists sorted by family name.
    pub fn sortable(&self) -> String {
        format!("{}, {}", self.family, self.first())
    }

    pub fn first(&self) -> &str {
        match &self.preferred {
            Some(p) if !p.trim().is_empty() => p.trim(),
            _ => &self.given,
        }
    }
}

/// A sign-in name: 3–64 characters of lower-case letters, digits, `.`, `_`
/// and `-`, starting with a letter or digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Username(String);

impl Username {
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        let s = raw.trim().to_lowercase();
        let ok_len = (3..=64).contains(&s.chars().count());
        let ok_chars = s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
        let ok_start = s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        if ok_len && ok_chars && ok_start {
            Ok(Self(s))
        } else {
            Err(ParseError::new(
                "invalid_username",
                "use 3–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password, checked against the policy before it is hashed:
/// 12–128 characters (NIST SP 800-63B lengths; no composition rules).
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    /// Parses with no personal words to check against (see [`Self::parse_for`]).
    pub fn parse(raw: &str) -> Result<Self, ParseError> {
        Self::parse_for(raw, &[])
    }

    /// Parses a password someone is setting: 12 to 128 characters, not a
    /// common password, and strong by `zxcvbn` (score 3 of 4: more than
    /// 10^8 guesses), also against `personal` words (the username, the
    /// email, the person's names), which an attacker would try first.
    /// Codes: `password_too_short`, `password_too_long`, `password_common`,
    /// `password_weak`.
    pub fn parse_for(raw: &str, personal: &[&str]) -> Result<Self, ParseError> {
        let n = raw.chars().count();
        if n < Self::MIN_CHARS {
            return Err(ParseError::new(
                "password_too_short",
                format!("at least {} characters", Self::MIN_CHARS),
            ));
        }
        if n > Self::MAX_CHARS {
            return Err(ParseError::new(
                "password_too_long",
                format!("at most {} characters", Self::MAX_CHARS),
            ));
        }
        let inputs: Vec<&str> = personal.iter().copied().filter(|w| !w.trim().is_empty()).collect();
        let estimate = zxcvbn::zxcvbn(raw, &inputs);
        let warning = estimate.feedback().and_then(|f| f.warning());
        use zxcvbn::feedback::Warning;
        if matches!(
            warning,
            Some(
                Warning::ThisIsATop10Password
                    | Warning::ThisIsATop100Password
                    | Warning::ThisIsACommonPassword
                    | Warning::ThisIsSimilarToACommonlyUsedPassword
            )
        ) {
            return Err(ParseError::new("password_common", "a commonly used password"));
        }
        if estimate.score() < zxcvbn::Score::Three {
            return Err(ParseError::new("password_weak", "too easy to guess"));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferred_name_wins_when_given() {
        let mut n = PersonName {
            given: "Guadalupe".into(),
            family: "Reyes".into(),
            preferred: Some("Lupe".into()),
        };
        assert_eq!(n.display(), "Lupe Reyes");
        n.preferred = Some("  ".into());
        assert_eq!(n.display(), "Guadalupe Reyes");
    }

    #[test]
    fn username_table() {
        for (input, ok) in [
            ("ana.lopez", true),
            ("Ana.Lopez", true),
            ("ab", false),
            (".ana", false),
            ("ana lopez", false),
            ("ana@x", false),
            ("ñandu", false),
        ] {
            assert_eq!(Username::parse(input).is_ok(), ok, "{input:?}");
        }
    }

    #[test]
    fn password_length_policy() {
        assert_eq!(NewPassword::parse("short").unwrap_err().code, "password_too_short");
        assert!(NewPassword::parse("correct horse battery").is_ok());
        assert_eq!(
            NewPassword::parse(&"x".repeat(129)).unwrap_err().code,
            "password_too_long"
        );
        assert!(!format!("{:?}", NewPassword::parse("correct horse battery").unwrap()).contains("horse"));
    }

    #[test]
    fn weak_and_common_passwords_are_refused() {
        for (pw, code) in [
            ("aaaaaaaaaaaa", "password_weak"),
            ("password1234", "password_common"),
            ("123456789012", "password_weak"),
            ("qwertyuiop12", "password_common"),
        ] {
            assert_eq!(NewPassword::parse(pw).unwrap_err().code, code, "{pw}");
        }
        assert!(NewPassword::parse("violet lantern orbit 42").is_ok());
        // The person's own name or username is what an attacker tries first.
        assert_eq!(
            NewPassword::parse_for("maria.gonzalez.2026", &["maria.gonzalez", "Maria", "Gonzalez"])
                .unwrap_err()
                .code,
            "password_weak"
        );
    }
}
