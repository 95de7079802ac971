//! The district administrator's audit search, and its CSV export. Both are
//! limited to the administrator's district and are themselves audited.

use askama::Template;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use ssp_db::repo::audit::{self, AuditEvent, AuditFilter, AuditSearchRow};
use ssp_db::repo::{people, students};
use ssp_domain::audit::AuditAction;
use time::{Date, Duration, OffsetDateTime, Time};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};
use crate::ui::records::access_log::format_when;

const PAGE_ROWS: i64 = 200;
const CSV_BATCH: i64 = 1_000;

#[derive(Deserialize, Default, Clone)]
pub struct AuditQuery {
    #[serde(default)]
    student: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    q: AuditQuery,
    query_string: String,
    error: Option<String>,
    rows: Vec<(String, String, String, String, String)>,
}

/// Turns the form into a filter; `Err(message key)` for a bad value.
async fn filter(state: &AppState, ctx: &Ctx, q: &AuditQuery) -> Result<Result<AuditFilter, &'static str>, AppError> {
    let session = ctx.session()?;
    let district = session.district_id;
    let mut f = AuditFilter {
        district: Some(district),
        ..Default::default()
    };
    let student = q.student.trim();
    if !student.is_empty() {
        f.student = match student.parse::<Uuid>() {
            Ok(u) => Some(u),
            Err(_) => match students::find_by_number(state.db(), district, student).await? {
                Some(u) => Some(u),
                None => return Ok(Err("audit-error-student")),
            },
        };
    }
    let actor = q.actor.trim();
    if !actor.is_empty() {
        f.actor = match actor.parse::<Uuid>() {
            Ok(u) => Some(u),
            Err(_) => match people::person_by_username(state.db(), &actor.to_lowercase()).await? {
                Some(u) => Some(u),
                None => return Ok(Err("audit-error-actor")),
            },
        };
    }
    let day = |s: &str| -> Result<Option<Date>, ()> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
            .map(Some)
            .map_err(|_| ())
    };
    let (Ok(from), Ok(to)) = (day(&q.from), day(&q.to)) else {
        return Ok(Err("audit-error-date"));
    };
    if let (Some(a), Some(b)) = (from, to) {
        if a > b {
            return Ok(Err("audit-error-range"));
        }
    }
    f.from = from.map(|d| d.with_time(Time::MIDNIGHT).assume_utc());
    f.until = to.map(|d| (d + Duration::days(1)).with_time(Time::MIDNIGHT).assume_utc());
    Ok(Ok(f))
}

async fn audit_access(state: &AppState, ctx: &Ctx, action: AuditAction, f: &AuditFilter) -> Result<(), AppError> {
    let session = ctx.session()?;
    let mut ev = AuditEvent::new(action, state.now());
    ev.actor = Some(session.person_id);
    ev.district_id = Some(session.district_id);
    ev.request_id = Some(ctx.request_id.0.clone());
    ev.record_kind = Some("audit_log");
    ev.detail = Some(format!(
        "student={} actor={} from={} until={}",
        f.student.map(|u| u.to_string()).unwrap_or_default(),
        f.actor.map(|u| u.to_string()).unwrap_or_default(),
        f.from.map(format_when).unwrap_or_default(),
        f.until.map(format_when).unwrap_or_default()
    ));
    state.audit().write(ev).await.map_err(AppError::Internal)
}

fn actor_label(r: &AuditSearchRow) -> String {
    match (&r.actor_given, &r.actor_family, &r.actor_username) {
        (Some(g), Some(f), Some(u)) => format!("{g} {f} ({u})"),
        (Some(g), Some(f), None) => format!("{g} {f}"),
        _ => String::new(),
    }
}

pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AuditQuery>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let page = Page::new(&ctx, "audit-title");
    let query_string = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([
            ("student", &q.student),
            ("actor", &q.actor),
            ("from", &q.from),
            ("to", &q.to),
        ])
        .finish();
    let (rows, error) = match filter(&state, &ctx, &q).await? {
        Ok(f) => {
            audit_access(&state, &ctx, AuditAction::AuditSearched, &f).await?;
            let rows = audit::search(state.db(), &f, None, PAGE_ROWS).await?;
            let rows = rows
                .into_iter()
                .map(|r| {
                    let action = page.t(&format!("audit-action-{}", r.action.replace('_', "-")));
                    (
                        page.when(r.at),
                        action,
                        actor_label(&r),
                        r.student_local_id
                            .clone()
                            .or(r.student_id.map(|s| s.to_string()))
                            .unwrap_or_default(),
                        r.detail.clone().unwrap_or_default(),
                    )
                })
                .collect();
            (rows, None)
        }
        Err(key) => (vec![], Some(page.t(key))),
    };
    let status = if error.is_some() {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        axum::http::StatusCode::OK
    };
    Ok((
        status,
        render(&AuditPage {
            page,
            q,
            query_string,
            error,
            rows,
        })?,
    )
        .into_response())
}

/// The search as CSV, streamed in batches so a year of events does not sit
/// in memory.
pub async fn export_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AuditQuery>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let f = match filter(&state, &ctx, &q).await? {
        Ok(f) => f,
        Err(_) => return Err(AppError::BadRequest("malformed_form")),
    };
    audit_access(&state, &ctx, AuditAction::AuditExported, &f).await?;
    let header_line =
        "at,action,actor_username,actor_name,student_id,student_local_id,record_kind,record_id,request_id,detail\n";
    let db = state.db().clone();
    let stream = futures::stream::unfold(
        (Some(header_line.to_owned()), None::<(OffsetDateTime, Uuid)>, false),
        move |(first, cursor, done)| {
            let db = db.clone();
            let f = f.clone();
            async move {
                if let Some(h) = first {
                    return Some((Ok::<_, std::io::Error>(h), (None, cursor, false)));
                }
                if done {
                    return None;
                }
                match audit::search(&db, &f, cursor, CSV_BATCH).await {
                    Ok(rows) if rows.is_empty() => None,
                    Ok(rows) => {
                        let last = rows.last().map(|r| (r.at, r.id));
                        let finished = (rows.len() as i64) < CSV_BATCH;
                        let mut out = String::new();
                        for r in &rows {
                            out.push_str(&csv_line(r));
                        }
                        Some((Ok(out), (None, last, finished)))
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "audit export failed part-way");
                        Some((Err(std::io::Error::other("export failed")), (None, cursor, true)))
                    }
                }
            }
        },
    );
    let filename = format!("ssp-audit-{}.csv", state.now().date());
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

fn csv_line(r: &AuditSearchRow) -> String {
    let name = match (&r.actor_given, &r.actor_family) {
        (Some(g), Some(f)) => format!("{g} {f}"),
        _ => String::new(),
    };
    let at =
        r.at.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
    let fields = [
        at,
        r.action.clone(),
        r.actor_username.clone().unwrap_or_default(),
        name,
        r.student_id.map(|s| s.to_string()).unwrap_or_default(),
        r.student_local_id.clone().unwrap_or_default(),
        r.record_kind.clone().unwrap_or_default(),
        r.record_id.clone().unwrap_or_default(),
        r.request_id.clone().unwrap_or_default(),
        r.detail.clone().unwrap_or_default(),
    ];
    let mut line = fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}

/// Quotes a field when needed, and defuses spreadsheet formulas.
pub fn csv_field(raw: &str) -> String {
    let s = if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{raw}")
    } else {
        raw.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(super::csv_field("plain"), "plain");
        assert_eq!(super::csv_field("a,b"), "\"a,b\"");
        assert_eq!(super::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(super::csv_field("=SUM(A1)"), "'=SUM(A1)");
    }
}
