//! A district's roster sync settings as an administrator types them: the
//! OneRoster 1.2 rostering endpoint, the OAuth 2.0 token endpoint, the
//! client credentials and the schedule. Parsed here so a use case gets
//! only values that can be used; the secret is optional on a change
//! (empty keeps the stored one).

use crate::input::{FieldError, Rejected};

/// Longest URL, client id or secret accepted.
pub const MAX_LEN: usize = 2_000;
/// The longest schedule: once a week.
pub const MAX_HOURS: i32 = 168;

/// Parsed roster sync settings.
#[derive(Clone, PartialEq, Eq)]
pub struct NewRosterSync {
    pub base_url: String,
    pub token_url: String,
    pub client_id: String,
    /// `None`: keep the stored secret.
    pub client_secret: Option<String>,
    /// Hours between scheduled pulls; `None`: off (on demand only).
    pub every_hours: Option<i32>,
}

impl std::fmt::Debug for NewRosterSync {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewRosterSync")
            .field("base_url", &self.base_url)
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "<new>"))
            .field("every_hours", &self.every_hours)
            .finish()
    }
}

fn url_field(raw: &str, field: &'static str, errors: &mut Vec<FieldError>) -> String {
    let v = raw.trim();
    if v.is_empty() {
        errors.push(FieldError::new(field, "required"));
    } else if v.len() > MAX_LEN {
        errors.push(FieldError::new(field, "too_long"));
    } else if !(v.starts_with("https://") || v.starts_with("http://"))
        || v.contains(char::is_whitespace)
        || v.split("://")
            .nth(1)
            .is_none_or(|rest| rest.is_empty() || rest.starts_with('/'))
    {
        errors.push(FieldError::new(field, "not_a_url"));
    }
    v.to_owned()
}

impl NewRosterSync {
    /// `has_secret`: a secret is already stored (so an empty one keeps it).
    pub fn parse(
        base_url: &str,
        token_url: &str,
        client_id: &str,
        client_secret: &str,
        every_hours: &str,
        has_secret: bool,
    ) -> Result<Self, Rejected> {
        let mut errors = Vec::new();
        let base_url = url_field(base_url, "base_url", &mut errors);
        let token_url = url_field(token_url, "token_url", &mut errors);
        let client_id = client_id.trim().to_owned();
        if client_id.is_empty() {
            errors.push(FieldError::new("client_id", "required"));
        } else if client_id.len() > MAX_LEN || client_id.chars().any(char::is_control) {
            errors.push(FieldError::new("client_id", "too_long"));
        }
        // A secret is taken as typed (spaces may be part of it), never trimmed.
        let client_secret = if client_secret.is_empty() {
            if !has_secret {
                errors.push(FieldError::new("client_secret", "required"));
            }
            None
        } else if client_secret.len() > MAX_LEN || client_secret.chars().any(char::is_control) {
            errors.push(FieldError::new("client_secret", "too_long"));
            None
        } else {
            Some(client_secret.to_owned())
        };
        let every_hours = match every_hours.trim() {
            "" | "off" | "0" => None,
            h => match h.parse::<i32>() {
                Ok(n) if (1..=MAX_HOURS).contains(&n) => Some(n),
                _ => {
                    errors.push(FieldError::new("every_hours", "out_of_range"));
                    None
                }
            },
        };
        if errors.is_empty() {
            Ok(Self {
                base_url,
                token_url,
                client_id,
                client_secret,
                every_hours,
            })
        } else {
            Err(Rejected::new("invalid_roster_sync", errors))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: Result<NewRosterSync, Rejected>) -> Vec<(&'static str, &'static str)> {
        r.err()
            .map_or_else(Vec::new, |r| r.fields.iter().map(|f| (f.field, f.code)).collect())
    }

    #[test]
    fn good_settings_parse() {
        let s = NewRosterSync::parse(
            " https://sis.example/ims/oneroster/rostering/v1p2 ",
            "https://sis.example/oauth/token",
            "ssp",
            " s3cret ",
            "24",
            false,
        )
        .unwrap();
        assert_eq!(s.base_url, "https://sis.example/ims/oneroster/rostering/v1p2");
        assert_eq!(s.client_secret.as_deref(), Some(" s3cret "));
        assert_eq!(s.every_hours, Some(24));
        assert!(!format!("{s:?}").contains("s3cret"), "Debug never shows the secret");
    }

    #[test]
    fn an_empty_secret_keeps_the_stored_one_and_off_means_no_schedule() {
        let s = NewRosterSync::parse("https://a.example", "https://a.example/t", "id", "", "off", true).unwrap();
        assert_eq!((s.client_secret, s.every_hours), (None, None));
    }

    #[test]
    fn every_field_at_fault_is_named() {
        assert_eq!(
            codes(NewRosterSync::parse("sis.example", "", " ", "", "200", false)),
            [
                ("base_url", "not_a_url"),
                ("token_url", "required"),
                ("client_id", "required"),
                ("client_secret", "required"),
                ("every_hours", "out_of_range"),
            ]
        );
        assert_eq!(
            codes(NewRosterSync::parse("https:///x", "ftp://a", "id", "s", "-1", false)),
            [
                ("base_url", "not_a_url"),
                ("token_url", "not_a_url"),
                ("every_hours", "out_of_range")
            ]
        );
    }
}
