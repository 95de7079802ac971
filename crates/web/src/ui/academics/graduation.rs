//! The district's graduation rules (a district administrator's page):
//! its own requirement sets — each for a range of graduating classes, tried
//! in order before Connecticut's shipped rule — and its grade scale and
//! the course plan's credit limit per year. A refused form names each
//! problem (category rows by number), keeps what was typed and changes
//! nothing; a saved change is audited and the district's standings are
//! recomputed in the background (the page shows how far it has come).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::academics::catalog::Loader;
use ssp_app::academics::rules::{
    self, CategoryInput, DistrictRules, MarkInput, SetInput, SetProblems, SettingsInput, SettingsProblems,
};
use ssp_app::academics::standing;
use ssp_domain::academics::requirements::connecticut_default;
use ssp_domain::input::FieldError;
use ssp_domain::Language;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

/// Blank rows the forms offer for adding categories or marks.
const SPARE_ROWS: usize = 3;

/// One input of a table row.
struct Cell {
    name: String,
    label: String,
    value: String,
    check: bool,
    size: usize,
}

struct SetLine {
    id: String,
    name: String,
    classes: String,
    total: String,
    categories: String,
}

#[derive(Template)]
#[template(path = "graduation.html")]
struct GraduationPage {
    page: Page,
    sets: Vec<SetLine>,
    /// Connecticut's sets, shown as what applies where the district has none.
    shipped: Vec<SetLine>,
    /// The set being edited (`None`: adding one).
    editing: Option<String>,
    set_form: SetInput,
    set_errors: Vec<String>,
    cat_cols: Vec<String>,
    cat_rows: Vec<Vec<Cell>>,
    settings_form: SettingsInput,
    settings_errors: Vec<String>,
    mark_cols: Vec<String>,
    mark_rows: Vec<Vec<Cell>>,
    default_scale: bool,
    refreshing: Option<String>,
    saved: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    /// A set of the district to change.
    edit: Option<Uuid>,
    /// Start a new set from Connecticut's rule for this class.
    from: Option<i32>,
    /// What was just saved: `set`, `removed`, `scale`.
    saved: Option<String>,
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<ShowQuery>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let district = ctx.session()?.district_id;
    let r = rules::of(&state, district).await?;
    let (editing, set_form) = match (q.edit, q.from) {
        (Some(id), _) => {
            let s = r.sets.iter().find(|s| s.id == id).ok_or(AppError::NotFound)?;
            (Some(id.to_string()), SetInput::of(&s.set))
        }
        (None, Some(class)) if (2000..=2100).contains(&class) => {
            let mut s = SetInput::of(&connecticut_default(class));
            s.name = String::new();
            (None, s)
        }
        _ => (None, SetInput::default()),
    };
    let settings_form = SettingsInput::of(&r);
    let forms = Forms {
        editing,
        set_form,
        set_errors: Vec::new(),
        settings_form,
        settings_errors: Vec::new(),
        saved: q.saved,
    };
    render_page(&state, &ctx, &r, forms, StatusCode::OK).await
}

struct Forms {
    editing: Option<String>,
    set_form: SetInput,
    set_errors: Vec<String>,
    settings_form: SettingsInput,
    settings_errors: Vec<String>,
    saved: Option<String>,
}

fn classes_text(page: &Page, first: Option<i32>, last: Option<i32>) -> String {
    match (first, last) {
        (Some(f), Some(l)) => page.t_args(
            "graduation-classes-range",
            &[("first", f.to_string()), ("last", l.to_string())],
        ),
        (Some(f), None) => page.t_args("graduation-classes-from", &[("first", f.to_string())]),
        (None, Some(l)) => page.t_args("graduation-classes-until", &[("last", l.to_string())]),
        (None, None) => page.t("graduation-classes-all"),
    }
}

fn line_of(page: &Page, id: String, s: &ssp_domain::academics::requirements::RequirementSet) -> SetLine {
    SetLine {
        id,
        name: s.name.clone(),
        classes: classes_text(page, s.classes.first, s.classes.last),
        total: s.total_credits.to_string(),
        categories: s
            .categories
            .iter()
            .map(|c| format!("{} {}", c.name, c.min_credits))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

async fn render_page(
    state: &AppState,
    ctx: &Ctx,
    r: &DistrictRules,
    mut forms: Forms,
    status: StatusCode,
) -> Result<Response, AppError> {
    let district = ctx.session()?.district_id;
    let page = Page::new(ctx, "graduation-title");
    let sets = r
        .sets
        .iter()
        .map(|s| line_of(&page, s.id.to_string(), &s.set))
        .collect();
    let shipped = [2022, 2023, 2027]
        .iter()
        .map(|c| line_of(&page, c.to_string(), &connecticut_default(*c)))
        .collect();
    forms
        .set_form
        .categories
        .extend(std::iter::repeat_n(CategoryInput::default(), SPARE_ROWS));
    forms
        .settings_form
        .marks
        .extend(std::iter::repeat_n(MarkInput::default(), SPARE_ROWS));
    let refreshing = standing::progress(state, district).map(|p| {
        page.t_args(
            "graduation-refreshing",
            &[("done", p.done.to_string()), ("total", p.total.to_string())],
        )
    });
    let saved = forms.saved.as_deref().and_then(|s| match s {
        "set" => Some(page.t("graduation-saved-set")),
        "removed" => Some(page.t("graduation-saved-removed")),
        "scale" => Some(page.t("graduation-saved-scale")),
        _ => None,
    });
    const CAT: [(&str, bool, usize); 7] = [
        ("key", false, 14),
        ("name", false, 22),
        ("min_credits", false, 4),
        ("areas", false, 16),
        ("tags", false, 16),
        ("counted_inside", false, 14),
        ("met_by_capstone", true, 0),
    ];
    const MARK: [(&str, bool, usize); 4] = [
        ("mark", false, 4),
        ("points", false, 5),
        ("earns_credit", true, 0),
        ("failing", true, 0),
    ];
    let col = |f: &str| page.t(&format!("graduation-field-{}", f.replace('_', "-")));
    let cat_rows = forms
        .set_form
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let values = [
                &c.key,
                &c.name,
                &c.min_credits,
                &c.areas,
                &c.tags,
                &c.counted_inside,
                &c.met_by_capstone,
            ];
            CAT.iter()
                .zip(values)
                .map(|((f, check, size), v)| Cell {
                    name: format!("c{i}_{f}"),
                    label: page.t_args("graduation-cell", &[("row", (i + 1).to_string()), ("field", col(f))]),
                    value: v.clone(),
                    check: *check,
                    size: *size,
                })
                .collect()
        })
        .collect();
    let mark_rows = forms
        .settings_form
        .marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let values = [&m.mark, &m.points, &m.earns_credit, &m.failing];
            MARK.iter()
                .zip(values)
                .map(|((f, check, size), v)| Cell {
                    name: format!("m{i}_{f}"),
                    label: page.t_args(
                        "graduation-mark-cell",
                        &[("row", (i + 1).to_string()), ("field", col(f))],
                    ),
                    value: v.clone(),
                    check: *check,
                    size: *size,
                })
                .collect()
        })
        .collect();
    let html = render(&GraduationPage {
        cat_cols: CAT.iter().map(|(f, _, _)| col(f)).collect(),
        mark_cols: MARK.iter().map(|(f, _, _)| col(f)).collect(),
        cat_rows,
        mark_rows,
        sets,
        shipped,
        editing: forms.editing,
        set_form: forms.set_form,
        set_errors: forms.set_errors,
        settings_form: forms.settings_form,
        settings_errors: forms.settings_errors,
        default_scale: r.default_scale,
        refreshing,
        saved,
        page,
    })?;
    Ok((status, html).into_response())
}

/// `name=…&c0_key=…&c0_name=…&c1_key=…`: the set's fields and numbered
/// category rows, in row order.
fn set_input_of(pairs: &[(String, String)]) -> SetInput {
    let mut s = SetInput::default();
    for (k, v) in pairs {
        match k.as_str() {
            "name" => s.name = v.clone(),
            "first_class" => s.first_class = v.clone(),
            "last_class" => s.last_class = v.clone(),
            "total_credits" => s.total_credits = v.clone(),
            _ => {
                let Some((i, field)) = row_field(k, 'c') else { continue };
                if i >= 40 {
                    continue;
                }
                if s.categories.len() <= i {
                    s.categories.resize(i + 1, CategoryInput::default());
                }
                let c = &mut s.categories[i];
                match field {
                    "key" => c.key = v.clone(),
                    "name" => c.name = v.clone(),
                    "min_credits" => c.min_credits = v.clone(),
                    "areas" => c.areas = v.clone(),
                    "tags" => c.tags = v.clone(),
                    "counted_inside" => c.counted_inside = v.clone(),
                    "met_by_capstone" => c.met_by_capstone = v.clone(),
                    _ => {}
                }
            }
        }
    }
    s
}

/// `c12_name` → (12, "name").
fn row_field(k: &str, prefix: char) -> Option<(usize, &str)> {
    let rest = k.strip_prefix(prefix)?;
    let (n, field) = rest.split_once('_')?;
    Some((n.parse().ok()?, field))
}

fn field_label(lang: Language, field: &str) -> String {
    crate::i18n::t(lang, &format!("graduation-field-{}", field.replace('_', "-")))
}

fn problem(lang: Language, f: &FieldError) -> String {
    format!(
        "{}: {}",
        field_label(lang, f.field),
        super::record::problem_text(lang, f.code)
    )
}

fn set_messages(lang: Language, p: &SetProblems) -> Vec<String> {
    let mut out: Vec<String> = p.fields.iter().map(|f| problem(lang, f)).collect();
    out.extend(p.rows.iter().map(|(row, f)| {
        crate::i18n::t_args(
            lang,
            "graduation-row-problem",
            &[("row", row.to_string()), ("what", problem(lang, f))],
        )
    }));
    out
}

fn settings_messages(lang: Language, p: &SettingsProblems) -> Vec<String> {
    let mut out: Vec<String> = p
        .fields
        .iter()
        .map(|f| {
            if f.code == "mark_in_use" {
                crate::i18n::t_args(lang, "graduation-marks-in-use", &[("marks", p.in_use.join(", "))])
            } else {
                problem(lang, f)
            }
        })
        .collect();
    out.extend(p.rows.iter().map(|(row, f)| {
        crate::i18n::t_args(
            lang,
            "graduation-mark-row-problem",
            &[("row", row.to_string()), ("what", problem(lang, f))],
        )
    }));
    out
}

async fn save(state: AppState, ctx: Ctx, id: Option<Uuid>, pairs: Vec<(String, String)>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let input = set_input_of(&pairs);
    let by = Loader::from(&ctx.actor()?);
    match rules::save_set(&state, &by, id, &input).await? {
        Ok(_) => {
            standing::refresh_district_in_background(&state, by.district);
            Ok(Redirect::to("/admin/graduation?saved=set#sets").into_response())
        }
        Err(p) => {
            let r = rules::of(&state, by.district).await?;
            let forms = Forms {
                editing: id.map(|i| i.to_string()),
                set_errors: set_messages(ctx.lang, &p),
                set_form: input,
                settings_form: SettingsInput::of(&r),
                settings_errors: Vec::new(),
                saved: None,
            };
            render_page(&state, &ctx, &r, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

/// Adds a set.
pub async fn add_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    save(state, ctx, None, pairs).await
}

/// Changes one of the district's sets.
pub async fn change_set(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    save(state, ctx, Some(id), pairs).await
}

/// Removes one of the district's sets.
pub async fn remove_set(State(state): State<AppState>, ctx: Ctx, Path(id): Path<String>) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let id = Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let by = Loader::from(&ctx.actor()?);
    rules::remove_set(&state, &by, id).await?;
    standing::refresh_district_in_background(&state, by.district);
    Ok(Redirect::to("/admin/graduation?saved=removed#sets").into_response())
}

/// Saves the grade scale and the plan's credit limit (`reset`: back to the
/// default scale).
pub async fn save_settings(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let mut input = SettingsInput::default();
    let mut reset = false;
    for (k, v) in &pairs {
        match k.as_str() {
            "weighted_max" => input.weighted_max = v.clone(),
            "year_credit_limit" => input.year_credit_limit = v.clone(),
            "reset" => reset = true,
            _ => {
                let Some((i, field)) = row_field(k, 'm') else { continue };
                if i >= 60 {
                    continue;
                }
                if input.marks.len() <= i {
                    input.marks.resize(i + 1, MarkInput::default());
                }
                let m = &mut input.marks[i];
                match field {
                    "mark" => m.mark = v.clone(),
                    "points" => m.points = v.clone(),
                    "earns_credit" => m.earns_credit = v.clone(),
                    "failing" => m.failing = v.clone(),
                    _ => {}
                }
            }
        }
    }
    if reset {
        input.marks.clear();
    }
    let by = Loader::from(&ctx.actor()?);
    match rules::save_settings(&state, &by, &input).await? {
        Ok(()) => {
            standing::refresh_district_in_background(&state, by.district);
            Ok(Redirect::to("/admin/graduation?saved=scale#scale").into_response())
        }
        Err(p) => {
            let r = rules::of(&state, by.district).await?;
            let forms = Forms {
                editing: None,
                set_form: SetInput::default(),
                set_errors: Vec::new(),
                settings_errors: settings_messages(ctx.lang, &p),
                settings_form: input,
                saved: None,
            };
            render_page(&state, &ctx, &r, forms, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
