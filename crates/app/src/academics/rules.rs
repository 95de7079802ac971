//! The district's academic rules: its own graduation requirement sets
//! (tried in order, for the graduating classes each names; a class no set
//! covers gets Connecticut's shipped rule), its grade scale and the course
//! plan's credit limit per year. District administrators edit them on
//! `/admin/graduation` and through the API; every change is audited and
//! the standing of the district's students is recomputed
//! ([`super::standing`]).

use serde::{Deserialize, Serialize};
use ssp_db::repo::academics::rules::{self, SetRow, SettingsRow};
use ssp_db::repo::audit::{self, AuditEvent};
use ssp_domain::academics::course_plan::PlanRules;
use ssp_domain::academics::credits::{Credits, Points};
use ssp_domain::academics::requirements::{
    set_for, RequirementCategory, RequirementCategoryRaw, RequirementSet, RequirementSetRaw,
};
use ssp_domain::academics::transcript::{GradeScale, ScaleMark};
use ssp_domain::audit::AuditAction;
use ssp_domain::input::{FieldError, Rejected};
use ssp_domain::OrgId;
use time::OffsetDateTime;
use uuid::Uuid;

use super::catalog::Loader;
use crate::error::Error;
use crate::App;

/// One category as typed (and as stored, in the set's JSON column).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryInput {
    pub key: String,
    pub name: String,
    pub min_credits: String,
    /// Subject areas, separated by commas.
    pub areas: String,
    /// Course tags, separated by commas.
    pub tags: String,
    /// Keys of the primary categories a sub-requirement counts inside.
    pub counted_inside: String,
    /// `true` when a passed capstone meets it.
    pub met_by_capstone: String,
}

impl CategoryInput {
    pub fn of(c: &RequirementCategory) -> Self {
        let [key, name, min, areas, tags, inside, cap] = c.raw_fields().map(|(_, v)| v);
        CategoryInput {
            key,
            name,
            min_credits: min,
            areas,
            tags,
            counted_inside: inside,
            met_by_capstone: cap,
        }
    }

    fn parse(&self) -> Result<RequirementCategory, Rejected> {
        RequirementCategory::parse(&RequirementCategoryRaw {
            key: &self.key,
            name: &self.name,
            min_credits: &self.min_credits,
            areas: &self.areas,
            tags: &self.tags,
            counted_inside: &self.counted_inside,
            met_by_capstone: &self.met_by_capstone,
        })
    }

    fn is_blank(&self) -> bool {
        [
            &self.key,
            &self.name,
            &self.min_credits,
            &self.areas,
            &self.tags,
            &self.counted_inside,
        ]
        .iter()
        .all(|v| v.trim().is_empty())
    }
}

/// A requirement set as typed on the page or sent to the API.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SetInput {
    pub name: String,
    pub first_class: String,
    pub last_class: String,
    pub total_credits: String,
    /// Rows left entirely blank are ignored (the page offers empty rows).
    pub categories: Vec<CategoryInput>,
}

impl SetInput {
    pub fn of(s: &RequirementSet) -> Self {
        let [name, first, last, total] = s.raw_fields().map(|(_, v)| v);
        SetInput {
            name,
            first_class: first,
            last_class: last,
            total_credits: total,
            categories: s.categories.iter().map(CategoryInput::of).collect(),
        }
    }
}

/// Why a typed set was refused: the set's own fields and each category row
/// (1-based, counting only non-blank rows as typed) with its fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetProblems {
    pub fields: Vec<FieldError>,
    pub rows: Vec<(usize, FieldError)>,
}

impl SetProblems {
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.rows.is_empty()
    }
}

/// Parses a typed set: every category row, then the set (which checks the
/// categories fit together).
pub fn parse_set(input: &SetInput) -> Result<RequirementSet, SetProblems> {
    let mut problems = SetProblems::default();
    let mut categories = Vec::new();
    for (i, row) in input.categories.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        match row.parse() {
            Ok(c) => categories.push(c),
            Err(r) => problems.rows.extend(r.fields.into_iter().map(|f| (i + 1, f))),
        }
    }
    let raw = RequirementSetRaw {
        name: &input.name,
        first_class: &input.first_class,
        last_class: &input.last_class,
        total_credits: &input.total_credits,
    };
    match RequirementSet::parse(&raw, categories) {
        Ok(set) if problems.is_empty() => Ok(set),
        Ok(_) => Err(problems),
        Err(r) => {
            // A category row that did not parse is missing from the set; its
            // absence is not a second problem ("categories required").
            let rows_failed = !problems.rows.is_empty();
            problems.fields.extend(
                r.fields
                    .into_iter()
                    .filter(|f| !(rows_failed && f.field == "categories" && f.code == "required")),
            );
            Err(problems)
        }
    }
}

/// One of the district's sets as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictSet {
    pub id: Uuid,
    pub set: RequirementSet,
    pub updated_at: OffsetDateTime,
}

/// The rules that apply in a district.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictRules {
    pub sets: Vec<DistrictSet>,
    pub scale: GradeScale,
    /// Whether the scale is the shipped default (the district has not set one).
    pub default_scale: bool,
    pub plan: PlanRules,
}

impl Default for DistrictRules {
    fn default() -> Self {
        DistrictRules {
            sets: Vec::new(),
            scale: GradeScale::default_letter(),
            default_scale: true,
            plan: PlanRules::default(),
        }
    }
}

impl DistrictRules {
    /// The requirement set for a graduating class: the district's first
    /// that applies, else Connecticut's.
    pub fn requirement_set(&self, class_of: i32) -> RequirementSet {
        let own: Vec<RequirementSet> = self.sets.iter().map(|s| s.set.clone()).collect();
        set_for(&own, class_of)
    }
}

#[derive(Serialize, Deserialize)]
struct StoredMark {
    mark: String,
    points: String,
    earns_credit: bool,
    failing: bool,
}

fn set_of(row: &SetRow) -> Option<RequirementSet> {
    let cats: Vec<CategoryInput> = serde_json::from_str(&row.categories).ok()?;
    let input = SetInput {
        name: row.name.clone(),
        first_class: row.first_class.map(|y| y.to_string()).unwrap_or_default(),
        last_class: row.last_class.map(|y| y.to_string()).unwrap_or_default(),
        total_credits: Credits(row.total_credits as u32).to_string(),
        categories: cats,
    };
    parse_set(&input).ok()
}

fn scale_of(json: &str, weighted_max: i32) -> Option<GradeScale> {
    let marks: Vec<StoredMark> = serde_json::from_str(json).ok()?;
    let marks = marks
        .iter()
        .map(|m| {
            ScaleMark::parse(
                &m.mark,
                &m.points,
                if m.earns_credit { "true" } else { "false" },
                if m.failing { "true" } else { "false" },
            )
            .ok()
        })
        .collect::<Option<Vec<_>>>()?;
    GradeScale::parse(marks, &Points(weighted_max as u32).to_string()).ok()
}

/// The district's rules (a stored set or scale that no longer parses — the
/// rules' code changed — is left out, so the defaults apply, rather than
/// failing every page).
pub async fn of(app: &App, district: OrgId) -> Result<DistrictRules, Error> {
    let sets = rules::sets(app.db(), district)
        .await?
        .iter()
        .filter_map(|r| {
            set_of(r).map(|set| DistrictSet {
                id: r.id,
                set,
                updated_at: r.updated_at,
            })
        })
        .collect();
    let mut out = DistrictRules {
        sets,
        ..DistrictRules::default()
    };
    if let Some(s) = rules::settings(app.db(), district).await? {
        if let Some(scale) = s.grade_scale.as_deref().and_then(|j| scale_of(j, s.weighted_max)) {
            out.scale = scale;
            out.default_scale = false;
        }
        out.plan.max_credits_per_year = Credits(s.year_credit_limit as u32);
    }
    Ok(out)
}

fn event(
    action: AuditAction,
    by: &Loader,
    id: Option<String>,
    detail: Option<String>,
    now: OffsetDateTime,
) -> AuditEvent {
    let mut ev = AuditEvent::new(action, now);
    ev.actor = by.person;
    ev.district_id = Some(by.district);
    ev.record_kind = Some("graduation_rules");
    ev.record_id = id;
    ev.request_id = Some(by.request_id.clone());
    ev.detail = detail;
    ev
}

/// Adds a set (`id` `None`) or changes one of the district's. `Ok(Err)`:
/// refused, nothing changed. `NotFound`: no such set in the district.
pub async fn save_set(
    app: &App,
    by: &Loader,
    id: Option<Uuid>,
    input: &SetInput,
) -> Result<Result<Uuid, SetProblems>, Error> {
    let set = match parse_set(input) {
        Ok(s) => s,
        Err(p) => return Ok(Err(p)),
    };
    let categories: Vec<CategoryInput> = set.categories.iter().map(CategoryInput::of).collect();
    let now = app.now();
    let row = SetRow {
        id: id.unwrap_or_else(Uuid::now_v7),
        position: 0,
        name: set.name.clone(),
        first_class: set.classes.first,
        last_class: set.classes.last,
        total_credits: set.total_credits.0 as i32,
        categories: serde_json::to_string(&categories).map_err(|e| Error::Internal(e.into()))?,
        updated_at: now,
    };
    let mut tx = app.db().begin().await?;
    match id {
        None => rules::insert_set(&mut tx, by.district, &row, by.person, now).await?,
        Some(_) => {
            if !rules::update_set(&mut tx, by.district, &row, by.person, now).await? {
                return Err(Error::NotFound);
            }
        }
    }
    let ev = event(
        AuditAction::RequirementSetSaved,
        by,
        Some(row.id.to_string()),
        Some(set.name.clone()),
        now,
    );
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Ok(row.id))
}

/// Removes one of the district's sets (its classes go back to the next
/// set that applies, or Connecticut's).
pub async fn remove_set(app: &App, by: &Loader, id: Uuid) -> Result<(), Error> {
    let now = app.now();
    let mut tx = app.db().begin().await?;
    if !rules::delete_set(&mut tx, by.district, id).await? {
        return Err(Error::NotFound);
    }
    let ev = event(AuditAction::RequirementSetRemoved, by, Some(id.to_string()), None, now);
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(())
}

/// One mark as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MarkInput {
    pub mark: String,
    /// Blank for a mark outside the GPA (P, W).
    pub points: String,
    pub earns_credit: String,
    pub failing: String,
}

/// The grade scale and plan limit as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SettingsInput {
    /// Empty: go back to the shipped default scale.
    pub marks: Vec<MarkInput>,
    pub weighted_max: String,
    pub year_credit_limit: String,
}

impl SettingsInput {
    pub fn of(r: &DistrictRules) -> Self {
        SettingsInput {
            marks: r
                .scale
                .marks
                .iter()
                .map(|m| {
                    let [mark, points, earns_credit, failing] = GradeScale::raw_mark(m);
                    MarkInput {
                        mark,
                        points,
                        earns_credit,
                        failing,
                    }
                })
                .collect(),
            weighted_max: r.scale.weighted_max.to_string(),
            year_credit_limit: r.plan.max_credits_per_year.to_string(),
        }
    }
}

/// Why typed settings were refused: fields (`weighted_max`,
/// `year_credit_limit`, `marks` — `mark_in_use` names the marks in
/// `in_use`) and mark rows (1-based).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsProblems {
    pub fields: Vec<FieldError>,
    pub rows: Vec<(usize, FieldError)>,
    /// Marks on the district's transcripts the new scale leaves out.
    pub in_use: Vec<String>,
}

/// Saves the district's scale and plan limit. A scale must keep every mark
/// already on the district's transcripts (`mark_in_use`); the credit limit
/// is 1–12 in quarter steps. `Ok(Err)`: refused, nothing changed.
pub async fn save_settings(
    app: &App,
    by: &Loader,
    input: &SettingsInput,
) -> Result<Result<(), SettingsProblems>, Error> {
    let mut p = SettingsProblems::default();
    let mut marks = Vec::new();
    let typed: Vec<&MarkInput> = input
        .marks
        .iter()
        .filter(|m| !(m.mark.trim().is_empty() && m.points.trim().is_empty()))
        .collect();
    for (i, m) in typed.iter().enumerate() {
        match ScaleMark::parse(&m.mark, &m.points, &m.earns_credit, &m.failing) {
            Ok(m) => marks.push(m),
            Err(r) => p.rows.extend(r.fields.into_iter().map(|f| (i + 1, f))),
        }
    }
    let limit = match Credits::parse(&input.year_credit_limit) {
        Ok(c) if c.is_zero() => Err("required"),
        Ok(c) if c > Credits::whole(12) => Err("too_many"),
        Ok(c) if !c.in_quarter_steps() => Err("too_precise"),
        Ok(c) => Ok(c),
        Err(_) if input.year_credit_limit.trim().is_empty() => Err("required"),
        Err(e) => Err(e.code),
    };
    let limit = limit
        .map_err(|code| p.fields.push(FieldError::new("year_credit_limit", code)))
        .ok();
    let scale = if typed.is_empty() {
        None
    } else {
        match GradeScale::parse(marks, &input.weighted_max) {
            Ok(s) if p.rows.is_empty() => Some(s),
            Ok(_) => None,
            Err(r) => {
                p.fields.extend(r.fields);
                None
            }
        }
    };
    if let Some(s) = &scale {
        p.in_use = rules::marks_in_use(app.db(), by.district)
            .await?
            .into_iter()
            .filter(|m| s.mark(m).is_none())
            .collect();
        if !p.in_use.is_empty() {
            p.fields.push(FieldError::new("marks", "mark_in_use"));
        }
    } else if typed.is_empty() {
        // Back to the default: it too must keep every mark in use.
        let d = GradeScale::default_letter();
        p.in_use = rules::marks_in_use(app.db(), by.district)
            .await?
            .into_iter()
            .filter(|m| d.mark(m).is_none())
            .collect();
        if !p.in_use.is_empty() {
            p.fields.push(FieldError::new("marks", "mark_in_use"));
        }
    }
    if !p.fields.is_empty() || !p.rows.is_empty() {
        return Ok(Err(p));
    }
    let now = app.now();
    let stored = scale
        .as_ref()
        .map(|s| {
            let marks: Vec<StoredMark> = s
                .marks
                .iter()
                .map(|m| StoredMark {
                    mark: m.mark.clone(),
                    points: m.points.map(|p| p.to_string()).unwrap_or_default(),
                    earns_credit: m.earns_credit,
                    failing: m.failing,
                })
                .collect();
            serde_json::to_string(&marks)
        })
        .transpose()
        .map_err(|e| Error::Internal(e.into()))?;
    let row = SettingsRow {
        grade_scale: stored,
        weighted_max: scale
            .as_ref()
            .map_or(GradeScale::default_letter().weighted_max, |s| s.weighted_max)
            .0 as i32,
        year_credit_limit: limit.expect("checked").0 as i32,
        updated_at: now,
    };
    let mut tx = app.db().begin().await?;
    rules::put_settings(&mut tx, by.district, &row, by.person).await?;
    let ev = event(AuditAction::AcademicSettingsSaved, by, None, None, now);
    audit::record(&mut tx, &ev).await?;
    tx.commit().await?;
    Ok(Ok(()))
}
