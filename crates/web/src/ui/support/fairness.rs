//! `/admin/support/fairness`: the fairness audit for district
//! administrators — the share of students with an active flag by sex and
//! by race/ethnicity, for any flag or one kind, groups under 10 students
//! suppressed. Aggregates only; no student is named.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use ssp_app::support::fairness;
use ssp_domain::support::fairness::{Cell, Suppression};
use ssp_domain::support::flag::FlagKind;
use ssp_domain::Language;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/support/fairness", get(show))
}

/// One line of a table: the group's name, then students, flagged and the
/// share — or the reason they are not shown.
struct Line {
    group: String,
    students: String,
    flagged: String,
    share: String,
}

struct Table {
    caption: String,
    lines: Vec<Line>,
    total: Line,
}

#[derive(Template)]
#[template(path = "fairness.html")]
struct FairnessPage {
    page: Page,
    kinds: Vec<(&'static str, String, bool)>,
    tables: Vec<Table>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct KindQuery {
    kind: String,
}

fn line(lang: Language, group: String, cell: Cell) -> Line {
    match cell {
        Cell::Shown(r) => Line {
            group,
            students: r.students.to_string(),
            flagged: r.flagged.to_string(),
            share: crate::i18n::t_args(lang, "fairness-percent", &[("value", r.percent.to_string())]),
        },
        Cell::Suppressed(why) => {
            let key = match why {
                Suppression::SmallGroup => "fairness-suppressed-small",
                Suppression::Complementary => "fairness-suppressed-complementary",
            };
            let said = crate::i18n::t(lang, key);
            Line {
                group,
                students: "—".to_owned(),
                flagged: "—".to_owned(),
                share: said,
            }
        }
    }
}

async fn show(State(state): State<AppState>, ctx: Ctx, Query(q): Query<KindQuery>) -> Result<Response, AppError> {
    if !ctx.session()?.is_district_admin() {
        return Err(AppError::NotFound);
    }
    let lang = ctx.lang;
    let kind = FlagKind::parse(&q.kind).ok();
    let audits = fairness::report(&state, &ctx.actor()?, kind).await?;
    let tables = audits
        .into_iter()
        .map(|a| {
            let dim = a.dimension.replace('_', "-");
            Table {
                caption: crate::i18n::t(lang, &format!("fairness-dimension-{dim}")),
                lines: a
                    .groups
                    .into_iter()
                    .map(|g| {
                        let name = crate::i18n::t(lang, &format!("fairness-{dim}-{}", g.label.replace('_', "-")));
                        line(lang, name, g.cell)
                    })
                    .collect(),
                total: line(lang, crate::i18n::t(lang, "fairness-total"), a.total),
            }
        })
        .collect();
    let page = Page::new(&ctx, "fairness-title");
    render(&FairnessPage {
        kinds: FlagKind::ALL
            .iter()
            .map(|k| {
                (
                    k.key(),
                    crate::i18n::t(lang, &format!("fairness-kind-{}", k.key().replace('_', "-"))),
                    Some(*k) == kind,
                )
            })
            .collect(),
        tables,
        page,
    })
}
