//! Single sign-on words and rules: how a district's OpenID Connect
//! provider is described ([`NewIdentityProvider`]), which roster field an
//! ID token claim is compared with ([`MatchField`]), and how an account
//! prepared for a rostered person gets its username ([`username_candidates`]).

use crate::input::{FieldError, Rejected};

/// The stored password hash of an account that has no password yet (an
/// account prepared for a rostered person: single sign-on only until an
/// invitation is accepted). Not a PHC string, so no password matches it.
pub const NO_PASSWORD: &str = "!";

/// The roster field a provider's claim is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchField {
    /// The person's email in the roster (case-insensitive); the token must
    /// not say `email_verified: false`.
    Email,
    /// The roster `sourcedId` (Clever and ClassLink carry it in a claim;
    /// some districts' own providers use it as `sub`).
    SourcedId,
    /// The student's roster `identifier` (the local student number);
    /// students only.
    Identifier,
}

impl MatchField {
    pub const ALL: [MatchField; 3] = [MatchField::Email, MatchField::SourcedId, MatchField::Identifier];

    pub fn as_str(self) -> &'static str {
        match self {
            MatchField::Email => "email",
            MatchField::SourcedId => "sourced_id",
            MatchField::Identifier => "identifier",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// The claim a provider usually carries this field in.
    pub fn default_claim(self) -> &'static str {
        match self {
            MatchField::Email => "email",
            MatchField::SourcedId => "sub",
            MatchField::Identifier => "identifier",
        }
    }
}

/// A provider as a district administrator describes it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewIdentityProvider {
    /// Shown on the button: "Sign in with {name}".
    pub name: String,
    /// The issuer; discovery reads `{issuer}/.well-known/openid-configuration`.
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub match_field: MatchField,
    pub match_claim: String,
}

// The secret never reaches a log line through `{:?}`.
impl std::fmt::Debug for NewIdentityProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewIdentityProvider")
            .field("name", &self.name)
            .field("issuer_url", &self.issuer_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<hidden>")
            .field("match_field", &self.match_field)
            .field("match_claim", &self.match_claim)
            .finish()
    }
}

fn text(field: &'static str, raw: &str, max: usize, fields: &mut Vec<FieldError>) -> String {
    let v = raw.trim();
    if v.is_empty() {
        fields.push(FieldError::new(field, "required"));
    } else if v.chars().count() > max {
        fields.push(FieldError::new(field, "too_long"));
    } else if v.chars().any(char::is_control) {
        fields.push(FieldError::new(field, "invalid"));
    }
    v.to_owned()
}

impl NewIdentityProvider {
    /// `https://` issuers only, except loopback addresses (a provider on this
    /// machine, as in the tests). An empty claim takes the field's usual one.
    pub fn parse(
        name: &str,
        issuer_url: &str,
        client_id: &str,
        client_secret: &str,
        match_field: &str,
        match_claim: &str,
    ) -> Result<Self, Rejected> {
        let mut fields = Vec::new();
        let name = text("name", name, 60, &mut fields);
        let issuer = text("issuer_url", issuer_url, 500, &mut fields);
        if !issuer.is_empty() && !fields.iter().any(|f| f.field == "issuer_url") && !issuer_allowed(&issuer) {
            fields.push(FieldError::new("issuer_url", "not_https"));
        }
        let client_id = text("client_id", client_id, 500, &mut fields);
        let client_secret = text("client_secret", client_secret, 500, &mut fields);
        let field = MatchField::parse(match_field.trim());
        if field.is_none() {
            fields.push(FieldError::new("match_field", "unknown_choice"));
        }
        let claim = match match_claim.trim() {
            "" => field.map(MatchField::default_claim).unwrap_or_default().to_owned(),
            c if c.len() > 100 => {
                fields.push(FieldError::new("match_claim", "too_long"));
                String::new()
            }
            c if !c.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-:.".contains(&b)) => {
                fields.push(FieldError::new("match_claim", "invalid"));
                String::new()
            }
            c => c.to_owned(),
        };
        Rejected::or("invalid_identity_provider", fields, || Self {
            name,
            issuer_url: issuer.trim_end_matches('/').to_owned(),
            client_id,
            client_secret,
            match_field: field.unwrap_or(MatchField::Email),
            match_claim: claim,
        })
    }
}

fn issuer_allowed(issuer: &str) -> bool {
    let Ok(url) = url::Url::parse(issuer) else {
        return false;
    };
    if url.query().is_some() || url.fragment().is_some() {
        return false;
    }
    match url.scheme() {
        "https" => url.host().is_some(),
        "http" => matches!(url.host_str(), Some("localhost" | "127.0.0.1" | "[::1]")),
        _ => false,
    }
}

/// The usernames tried, in order, for an account prepared for a rostered
/// person: the roster `username`, the person's email, their `sourcedId`,
/// then `user-` and the first 12 hex digits of their id (unique in
/// practice; the caller appends the rest of the id in the unlikely case
/// that is taken too). Each is lower-cased and trimmed; blanks are skipped.
pub fn username_candidates(
    roster_username: Option<&str>,
    email: Option<&str>,
    source_id: Option<&str>,
    person_id: uuid::Uuid,
) -> Vec<String> {
    let simple = person_id.simple().to_string();
    let mut out: Vec<String> = [roster_username, email, source_id]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_lowercase())
        .filter(|s| !s.is_empty() && s.len() <= 254 && !s.chars().any(char::is_control))
        .collect();
    out.push(format!("user-{}", &simple[..12]));
    out.push(format!("user-{simple}"));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(issuer: &str, field: &str, claim: &str) -> Result<NewIdentityProvider, Rejected> {
        NewIdentityProvider::parse("District Google", issuer, "client", "secret", field, claim)
    }

    #[test]
    fn a_provider_needs_https_except_on_this_machine() {
        assert!(parse("https://accounts.google.com", "email", "").is_ok());
        assert!(parse("http://localhost:4000", "email", "").is_ok());
        assert!(parse("http://127.0.0.1:4000/", "email", "").is_ok());
        let r = parse("http://idp.example.org", "email", "").unwrap_err();
        assert_eq!(r.first(), Some(FieldError::new("issuer_url", "not_https")));
        assert!(parse("ftp://idp.example.org", "email", "").is_err());
        assert!(parse("not a url", "email", "").is_err());
        assert!(parse("https://idp.example.org/?x=1", "email", "").is_err());
    }

    #[test]
    fn the_claim_defaults_to_the_fields_usual_one() {
        assert_eq!(parse("https://a.example", "email", "").unwrap().match_claim, "email");
        assert_eq!(parse("https://a.example", "sourced_id", "").unwrap().match_claim, "sub");
        let clever = parse("https://a.example", "sourced_id", "sis_id").unwrap();
        assert_eq!(
            (clever.match_field, clever.match_claim.as_str()),
            (MatchField::SourcedId, "sis_id")
        );
        assert!(parse("https://a.example", "username", "").is_err());
        assert!(parse("https://a.example", "email", "a claim").is_err());
    }

    #[test]
    fn every_field_at_fault_is_named_and_the_secret_is_not_printed() {
        let r = NewIdentityProvider::parse(" ", "", "", "", "x", "").unwrap_err();
        let names: Vec<_> = r.fields.iter().map(|f| f.field).collect();
        assert_eq!(
            names,
            ["name", "issuer_url", "client_id", "client_secret", "match_field"]
        );
        let ok = parse("https://a.example/", "email", "").unwrap();
        assert_eq!(ok.issuer_url, "https://a.example");
        assert!(!format!("{ok:?}").contains("secret\""));
        assert!(format!("{ok:?}").contains("<hidden>"));
    }

    #[test]
    fn usernames_come_from_the_roster_then_fall_back() {
        let id = uuid::Uuid::parse_str("0192a0b1-c2d3-7e4f-8a9b-0c1d2e3f4a5b").unwrap();
        let c = username_candidates(Some(" JDoe "), Some("jdoe@x.org"), Some("S-1"), id);
        assert_eq!(
            c,
            [
                "jdoe",
                "jdoe@x.org",
                "s-1",
                "user-0192a0b1c2d3",
                "user-0192a0b1c2d37e4f8a9b0c1d2e3f4a5b"
            ]
        );
        let c = username_candidates(None, Some(""), None, id);
        assert_eq!(c[0], "user-0192a0b1c2d3");
    }
}
