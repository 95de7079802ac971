//! An artifact: one piece of the student's work in the portfolio — an
//! uploaded file, a link, or a text written here — with a title, what it
//! is, the student's reflection on it, the plan domain and school year it
//! belongs to, and competency tags. A file's bytes are judged separately
//! ([`super::content`]); this is the form around them.

use url::Url;

use super::competency::{parse_tags, CompetencyKey};
use crate::academics::keyed_enum;
use crate::academics::transcript::parse_school_year;
use crate::input::{self, FieldError, Fields, Rejected};
use crate::plan::PlanDomain;
use crate::SchoolYear;

keyed_enum!(
    /// What an artifact holds.
    ArtifactKind, "unknown_artifact_kind", {
        /// An uploaded file (its content is checked by `content`).
        File => "file",
        /// A link to work kept elsewhere (a video, a website, a repository).
        Link => "link",
        /// Text written in the portfolio itself.
        Text => "text",
    }
);

/// The longest title, in characters.
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest description.
pub const DESCRIPTION_MAX_CHARS: usize = 2_000;
/// The longest reflection.
pub const REFLECTION_MAX_CHARS: usize = 4_000;
/// The longest link, in characters.
pub const URL_MAX_CHARS: usize = 2_000;
/// The longest text artifact.
pub const BODY_MAX_CHARS: usize = 20_000;

/// An artifact as the form or the JSON body sends it.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArtifactRaw<'a> {
    /// `file`, `link` or `text`.
    pub kind: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    pub reflection: &'a str,
    /// `academic`, `career` or `sep` (the plan's domains).
    pub domain: &'a str,
    /// `2027`, `2026-27`, … (see [`parse_school_year`]).
    pub school_year: &'a str,
    pub competencies: &'a [String],
    /// For a link.
    pub url: &'a str,
    /// For a text.
    pub body: &'a str,
}

/// What an artifact holds, once parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArtifactContent {
    /// The bytes arrive with the upload and are checked by `content`.
    File,
    Link(Url),
    Text(String),
}

impl ArtifactContent {
    pub fn kind(&self) -> ArtifactKind {
        match self {
            ArtifactContent::File => ArtifactKind::File,
            ArtifactContent::Link(_) => ArtifactKind::Link,
            ArtifactContent::Text(_) => ArtifactKind::Text,
        }
    }
}

/// An artifact that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewArtifact {
    pub title: String,
    /// May be empty.
    pub description: String,
    /// May be empty (a student may reflect later).
    pub reflection: String,
    pub domain: PlanDomain,
    pub school_year: SchoolYear,
    pub competencies: Vec<CompetencyKey>,
    pub content: ArtifactContent,
}

impl ArtifactRaw<'_> {
    /// The input's code is `invalid_artifact`. Fields: `kind` (`required`,
    /// `unknown_choice`), `title` (1–200: `required`, `too_long`),
    /// `description` (≤ 2,000: `too_long`), `reflection` (≤ 4,000:
    /// `too_long`), `domain` (`required`, `unknown_choice`), `school_year`
    /// (`required`, `invalid_school_year`), `competencies`
    /// (`unknown_competency`, `too_many`: see [`parse_tags`]); for a link
    /// `url` (`required`, `too_long` over 2,000, `invalid_url` without a
    /// host, `not_http` for another scheme); for a text `body` (1–20,000:
    /// `required`, `too_long`). A file's other fields are ignored.
    pub fn parse(&self, district_competencies: &[CompetencyKey]) -> Result<NewArtifact, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(input::choice("kind", self.kind, &ArtifactKind::choices()));
        let title = f.check(input::text("title", self.title, 1..=TITLE_MAX_CHARS));
        let description = f.check(input::text("description", self.description, 0..=DESCRIPTION_MAX_CHARS));
        let reflection = f.check(input::text("reflection", self.reflection, 0..=REFLECTION_MAX_CHARS));
        let domain = f.check(input::choice(
            "domain",
            self.domain,
            &PlanDomain::ALL.map(|d| (d.as_str(), d)),
        ));
        let school_year = f.check(parse_school_year("school_year", self.school_year));
        let competencies = f.check(parse_tags("competencies", self.competencies, district_competencies));
        let content = match kind {
            Some(ArtifactKind::File) => Some(ArtifactContent::File),
            Some(ArtifactKind::Link) => f.check(parse_link("url", self.url)).map(ArtifactContent::Link),
            Some(ArtifactKind::Text) => f
                .check(input::text("body", self.body, 1..=BODY_MAX_CHARS))
                .map(ArtifactContent::Text),
            None => None,
        };
        f.finish("invalid_artifact", || NewArtifact {
            title: title.expect("checked"),
            description: description.expect("checked"),
            reflection: reflection.expect("checked"),
            domain: domain.expect("checked"),
            school_year: school_year.expect("checked"),
            competencies: competencies.expect("checked"),
            content: content.expect("checked"),
        })
    }
}

/// An `http` or `https` link with a host, at most 2,000 characters. Codes
/// `required`, `too_long`, `invalid_url`, `not_http`.
pub fn parse_link(field: &'static str, raw: &str) -> Result<Url, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    if s.chars().count() > URL_MAX_CHARS {
        return Err(FieldError::new(field, "too_long"));
    }
    let url = Url::parse(s).map_err(|_| FieldError::new(field, "invalid_url"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FieldError::new(field, "not_http"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(FieldError::new(field, "invalid_url"));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(kind: &'a str, competencies: &'a [String]) -> ArtifactRaw<'a> {
        ArtifactRaw {
            kind,
            title: "Bridge design report",
            description: "",
            reflection: "I learned to test before I build.",
            domain: "academic",
            school_year: "2026-27",
            competencies,
            url: "",
            body: "",
        }
    }

    fn codes(r: Rejected) -> Vec<(&'static str, &'static str)> {
        assert_eq!(r.error, "invalid_artifact");
        r.fields.iter().map(|f| (f.field, f.code)).collect()
    }

    #[test]
    fn each_kind_of_artifact_parses_with_what_it_needs() {
        let tags = vec!["p21:critical_thinking".to_owned()];
        let file = raw("file", &tags).parse(&[]).unwrap();
        assert_eq!(file.content, ArtifactContent::File);
        assert_eq!(file.school_year, SchoolYear(2027));
        assert_eq!(file.domain, PlanDomain::Academic);
        assert_eq!(file.competencies.len(), 1);

        let link = ArtifactRaw {
            url: " https://youtu.be/abc ",
            ..raw("link", &[])
        }
        .parse(&[])
        .unwrap();
        assert_eq!(link.content.kind(), ArtifactKind::Link);

        let text = ArtifactRaw {
            body: "My essay.",
            domain: "sep",
            ..raw("text", &[])
        }
        .parse(&[])
        .unwrap();
        assert_eq!(text.content, ArtifactContent::Text("My essay.".into()));
    }

    #[test]
    fn every_bad_field_is_named() {
        let unknown = vec!["casel:grit".to_owned()];
        let long_desc = "d".repeat(2_001);
        let long_refl = "r".repeat(4_001);
        let bad = ArtifactRaw {
            kind: "video",
            title: " ",
            description: &long_desc,
            reflection: &long_refl,
            domain: "sepd",
            school_year: "next year",
            competencies: &unknown,
            url: "",
            body: "",
        };
        assert_eq!(
            codes(bad.parse(&[]).unwrap_err()),
            vec![
                ("kind", "unknown_choice"),
                ("title", "required"),
                ("description", "too_long"),
                ("reflection", "too_long"),
                ("domain", "unknown_choice"),
                ("school_year", "invalid_school_year"),
                ("competencies", "unknown_competency"),
            ]
        );
        let long_title = "t".repeat(201);
        let r = ArtifactRaw {
            kind: "",
            title: &long_title,
            domain: "",
            school_year: "",
            ..raw("", &[])
        };
        assert_eq!(
            codes(r.parse(&[]).unwrap_err()),
            vec![
                ("kind", "required"),
                ("title", "too_long"),
                ("domain", "required"),
                ("school_year", "required")
            ]
        );
    }

    #[test]
    fn a_text_needs_a_body_of_at_most_twenty_thousand_characters() {
        let max = "x".repeat(20_000);
        assert!(ArtifactRaw {
            body: &max,
            ..raw("text", &[])
        }
        .parse(&[])
        .is_ok());
        let over = "x".repeat(20_001);
        for (body, code) in [("", "required"), ("  ", "required"), (over.as_str(), "too_long")] {
            let err = ArtifactRaw {
                body,
                ..raw("text", &[])
            }
            .parse(&[])
            .unwrap_err();
            assert_eq!(codes(err), vec![("body", code)], "{}", body.len());
        }
    }

    #[test]
    fn a_link_must_be_http_with_a_host() {
        let long = format!("https://example.org/{}", "a".repeat(2_000));
        for (url, want) in [
            ("http://example.org/page", Ok("http://example.org/page")),
            ("https://docs.google.com/d/1?x=2", Ok("https://docs.google.com/d/1?x=2")),
            ("", Err("required")),
            ("example.org", Err("invalid_url")),
            ("https://", Err("invalid_url")),
            ("javascript:alert(1)", Err("not_http")),
            ("ftp://example.org/file", Err("not_http")),
            ("file:///etc/passwd", Err("not_http")),
            ("data:text/html,<b>x</b>", Err("not_http")),
            (long.as_str(), Err("too_long")),
        ] {
            assert_eq!(
                parse_link("url", url).map(String::from).as_deref().map_err(|e| e.code),
                want,
                "{url:?}"
            );
        }
    }
}
