//! What a student or counselor types on the career pages, parsed: a saved
//! career's note, an exploration activity, a program on the postsecondary
//! plan, a key step of their own, a counselor's comment, and a district
//! pathway. Each has its field codes (the translation keys on pages and the
//! `fields` of an API 422).

use time::Date;

use super::cluster::{Cluster2024, LegacyCluster};
use super::postsecondary::{ExplorationKind, PostsecondaryPath, ProgramStatus};
use crate::input::{self, FieldError, Fields, Rejected};
use crate::plan::goal::parse_iso_date;

/// The longest note on a saved career, in characters.
pub const NOTE_MAX_CHARS: usize = 500;
/// The longest reflection on an exploration activity.
pub const REFLECTION_MAX_CHARS: usize = 2000;
/// The longest title (an exploration, a program, a step, a pathway).
pub const TITLE_MAX_CHARS: usize = 200;
/// The longest comment or description.
pub const COMMENT_MAX_CHARS: usize = 2000;

/// Why the student saved a career (may be blank).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedCareerNote(pub String);

impl SavedCareerNote {
    /// Field `note` (0–500); the input's code is `invalid_saved_career`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let note = f.check(input::text("note", raw, 0..=NOTE_MAX_CHARS));
        f.finish("invalid_saved_career", || SavedCareerNote(note.expect("checked")))
    }
}

fn date_field(field: &'static str, raw: &str) -> Result<Date, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(field, "required"));
    }
    parse_iso_date(raw).map_err(|_| FieldError::new(field, "invalid_date"))
}

/// A career exploration activity with the student's reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExploration {
    pub kind: ExplorationKind,
    pub occurred_on: Date,
    pub title: String,
    pub reflection: String,
}

impl NewExploration {
    /// Fields `kind`, `occurred_on` (a date, not after today: `in_future`),
    /// `title` (1–200), `reflection` (1–2000: the point of logging it).
    /// The input's code is `invalid_exploration`.
    pub fn parse(kind: &str, occurred_on: &str, title: &str, reflection: &str, today: Date) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let kind = f.check(ExplorationKind::parse(kind).map_err(|_| {
            if kind.trim().is_empty() {
                FieldError::new("kind", "required")
            } else {
                FieldError::new("kind", "unknown_choice")
            }
        }));
        let on = f.check(date_field("occurred_on", occurred_on).and_then(|d| {
            if d > today {
                Err(FieldError::new("occurred_on", "in_future"))
            } else {
                Ok(d)
            }
        }));
        let title = f.check(input::text("title", title, 1..=TITLE_MAX_CHARS));
        let reflection = f.check(input::text("reflection", reflection, 1..=REFLECTION_MAX_CHARS));
        f.finish("invalid_exploration", || NewExploration {
            kind: kind.expect("checked"),
            occurred_on: on.expect("checked"),
            title: title.expect("checked"),
            reflection: reflection.expect("checked"),
        })
    }
}

/// The paths a student intends (at least one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntendedPaths(pub Vec<PostsecondaryPath>);

impl IntendedPaths {
    /// Field `paths` (each a path key; at least one: `required`; an unknown
    /// key: `unknown_choice`). The input's code is `invalid_paths`.
    pub fn parse(raw: &[String]) -> Result<Self, Rejected> {
        let mut paths = Vec::new();
        for r in raw.iter().filter(|r| !r.trim().is_empty()) {
            match PostsecondaryPath::parse(r) {
                Ok(p) if !paths.contains(&p) => paths.push(p),
                Ok(_) => {}
                Err(_) => return Err(Rejected::one("invalid_paths", "paths", "unknown_choice")),
            }
        }
        if paths.is_empty() {
            return Err(Rejected::one("invalid_paths", "paths", "required"));
        }
        paths.sort();
        Ok(IntendedPaths(paths))
    }

    /// The stored form: keys joined by commas.
    pub fn to_stored(&self) -> String {
        self.0.iter().map(|p| p.key()).collect::<Vec<_>>().join(",")
    }

    /// From the stored form, skipping anything unknown.
    pub fn from_stored(s: &str) -> Self {
        IntendedPaths(s.split(',').filter_map(|k| PostsecondaryPath::parse(k).ok()).collect())
    }
}

/// A program or institution on the postsecondary plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProgram {
    pub name: String,
    pub path: PostsecondaryPath,
    pub status: ProgramStatus,
    pub note: String,
}

impl NewProgram {
    /// Fields `name` (1–200), `path`, `status`, `note` (0–500). The input's
    /// code is `invalid_program`.
    pub fn parse(name: &str, path: &str, status: &str, note: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let name = f.check(input::text("name", name, 1..=TITLE_MAX_CHARS));
        let path = f.check(input::choice(
            "path",
            path,
            &PostsecondaryPath::ALL.map(|p| (p.key(), p)),
        ));
        let status = f.check(input::choice(
            "status",
            status,
            &ProgramStatus::ALL.map(|s| (s.key(), s)),
        ));
        let note = f.check(input::text("note", note, 0..=NOTE_MAX_CHARS));
        f.finish("invalid_program", || NewProgram {
            name: name.expect("checked"),
            path: path.expect("checked"),
            status: status.expect("checked"),
            note: note.expect("checked"),
        })
    }
}

/// A key step of the student's own, with its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewStep {
    pub title: String,
    pub due_on: Date,
}

impl NewStep {
    /// Fields `title` (1–200) and `due_on` (a date). The input's code is
    /// `invalid_step`.
    pub fn parse(title: &str, due_on: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let title = f.check(input::text("title", title, 1..=TITLE_MAX_CHARS));
        let due = f.check(date_field("due_on", due_on));
        f.finish("invalid_step", || NewStep {
            title: title.expect("checked"),
            due_on: due.expect("checked"),
        })
    }
}

/// A counselor's comment on the postsecondary plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanComment(pub String);

impl PlanComment {
    /// Field `body` (1–2000); the input's code is `invalid_comment`.
    pub fn parse(raw: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let body = f.check(input::text("body", raw, 1..=COMMENT_MAX_CHARS));
        f.finish("invalid_comment", || PlanComment(body.expect("checked")))
    }
}

/// A district's own pathway or academy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathwayInput {
    pub name: String,
    pub description: String,
    pub legacy_cluster: Option<LegacyCluster>,
    pub cluster_2024: Option<Cluster2024>,
}

impl PathwayInput {
    /// Fields `name` (1–200), `description` (0–2000), `legacy_cluster` and
    /// `cluster_2024` (blank or a cluster key; at least one is `required`).
    /// The input's code is `invalid_pathway`.
    pub fn parse(name: &str, description: &str, legacy: &str, modern: &str) -> Result<Self, Rejected> {
        let mut f = Fields::new();
        let name = f.check(input::text("name", name, 1..=TITLE_MAX_CHARS));
        let description = f.check(input::text("description", description, 0..=COMMENT_MAX_CHARS));
        let legacy = if legacy.trim().is_empty() {
            Some(None)
        } else {
            f.check(
                LegacyCluster::parse(legacy)
                    .map(Some)
                    .map_err(|_| FieldError::new("legacy_cluster", "unknown_choice")),
            )
        };
        let modern = if modern.trim().is_empty() {
            Some(None)
        } else {
            f.check(
                Cluster2024::parse(modern)
                    .map(Some)
                    .map_err(|_| FieldError::new("cluster_2024", "unknown_choice")),
            )
        };
        if legacy == Some(None) && modern == Some(None) {
            f.push("cluster_2024", "required");
        }
        f.finish("invalid_pathway", || PathwayInput {
            name: name.expect("checked"),
            description: description.expect("checked"),
            legacy_cluster: legacy.expect("checked"),
            cluster_2024: modern.expect("checked"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 12 - 05);

    fn codes(r: Rejected) -> Vec<(&'static str, &'static str)> {
        r.fields.iter().map(|f| (f.field, f.code)).collect()
    }

    #[test]
    fn an_exploration_needs_a_known_kind_a_past_date_a_title_and_a_reflection() {
        let ok = NewExploration::parse(
            "job_shadow",
            "2026-11-20",
            "Shadowed a vet tech",
            "I liked the animals.",
            TODAY,
        )
        .unwrap();
        assert_eq!(ok.kind, ExplorationKind::JobShadow);
        // kind, occurred_on, title, reflection, the fields at fault.
        type Case<'a> = (&'a str, &'a str, &'a str, &'a str, Vec<(&'a str, &'a str)>);
        let cases: [Case<'_>; 4] = [
            ("", "2026-11-20", "t", "r", vec![("kind", "required")]),
            ("party", "2026-11-20", "t", "r", vec![("kind", "unknown_choice")]),
            ("visit", "2026-12-06", "t", "r", vec![("occurred_on", "in_future")]),
            (
                "visit",
                "20/11/2026",
                " ",
                "",
                vec![
                    ("occurred_on", "invalid_date"),
                    ("title", "required"),
                    ("reflection", "required"),
                ],
            ),
        ];
        for (kind, on, title, refl, want) in cases {
            let err = NewExploration::parse(kind, on, title, refl, TODAY).unwrap_err();
            assert_eq!(err.error, "invalid_exploration");
            assert_eq!(codes(err), want, "{kind} {on}");
        }
    }

    #[test]
    fn intended_paths_need_one_known_path_and_round_trip() {
        let p = IntendedPaths::parse(&["two_year".into(), "four_year".into(), "two_year".into()]).unwrap();
        assert_eq!(p.0, vec![PostsecondaryPath::FourYear, PostsecondaryPath::TwoYear]);
        assert_eq!(IntendedPaths::from_stored(&p.to_stored()), p);
        assert_eq!(
            codes(IntendedPaths::parse(&[]).unwrap_err()),
            vec![("paths", "required")]
        );
        assert_eq!(
            codes(IntendedPaths::parse(&["college".into()]).unwrap_err()),
            vec![("paths", "unknown_choice")]
        );
    }

    #[test]
    fn a_program_reports_every_bad_field() {
        assert!(NewProgram::parse("Gateway CC nursing", "two_year", "applying", "").is_ok());
        let err = NewProgram::parse("", "college", "maybe", &"x".repeat(501)).unwrap_err();
        assert_eq!(
            codes(err),
            vec![
                ("name", "required"),
                ("path", "unknown_choice"),
                ("status", "unknown_choice"),
                ("note", "too_long")
            ]
        );
    }

    #[test]
    fn a_pathway_needs_a_name_and_at_least_one_cluster() {
        let err = PathwayInput::parse("Health Academy", "", "", "").unwrap_err();
        assert_eq!(codes(err), vec![("cluster_2024", "required")]);
        let err = PathwayInput::parse("Health Academy", "", "nope", "").unwrap_err();
        assert_eq!(codes(err), vec![("legacy_cluster", "unknown_choice")]);
        let ok = PathwayInput::parse("Health Academy", "", "health_science", "").unwrap();
        assert_eq!(ok.legacy_cluster, Some(LegacyCluster::HealthScience));
        assert_eq!(ok.cluster_2024, None);
    }

    #[test]
    fn a_step_needs_a_title_and_a_date_and_a_comment_a_body() {
        assert!(NewStep::parse("Ask Ms. Diaz for a recommendation", "2027-10-01").is_ok());
        assert_eq!(
            codes(NewStep::parse("", "soon").unwrap_err()),
            vec![("title", "required"), ("due_on", "invalid_date")]
        );
        assert_eq!(codes(PlanComment::parse("  ").unwrap_err()), vec![("body", "required")]);
        assert_eq!(
            codes(SavedCareerNote::parse(&"n".repeat(501)).unwrap_err()),
            vec![("note", "too_long")]
        );
    }
}
