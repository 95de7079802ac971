//! The district administrator's accounts page: find a person and see how
//! they sign in (a password or none, the identities linked through the
//! district's providers, the last sign-in), disable or enable the account,
//! end all its sessions, and prepare accounts for rostered people who have
//! none. District administrators of the district only; anyone else gets a
//! 404. The actions are `ssp_app::accounts`, each audited.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;
use ssp_app::accounts::manage::{self, AccountAction, Found};
use ssp_app::accounts::prepare::{self, PreparedBy};
use ssp_domain::AccountId;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

/// The longest search kept (longer input is cut).
const MAX_SEARCH: usize = 100;

struct AccountRow {
    person: Uuid,
    name: String,
    account: Option<Uuid>,
    username: String,
    methods: Vec<String>,
    last_sign_in: String,
    status: String,
    disabled: bool,
    sessions: i64,
    /// A guardian who has not set a password: "Send the invitation again".
    invitable: bool,
}

#[derive(Template)]
#[template(path = "accounts.html")]
struct AccountsPage {
    page: Page,
    q: String,
    searched: bool,
    rows: Vec<AccountRow>,
    notice: Option<String>,
}

#[derive(Deserialize)]
pub struct AccountsQuery {
    q: Option<String>,
    done: Option<String>,
    prepared: Option<String>,
}

fn row(page: &Page, f: Found, guardians: &[Uuid]) -> AccountRow {
    let p = f.person;
    let invitable = guardians.contains(&p.person_id) && p.has_password != Some(true) && p.person_active;
    let name = ssp_domain::person::PersonName {
        given: p.given_name,
        family: p.family_name,
        preferred: p.preferred_name,
    };
    let mut methods = Vec::new();
    match p.has_password {
        Some(true) => methods.push(page.t("accounts-method-password")),
        Some(false) => methods.push(page.t("accounts-method-no-password")),
        None => {}
    }
    for i in &f.identities {
        methods.push(crate::i18n::t_args(
            page.lang,
            "accounts-method-sso",
            &[("provider", i.provider.clone()), ("when", page.when(i.last_used_at))],
        ));
    }
    let status = if !p.person_active {
        "accounts-status-deactivated"
    } else if p.account_id.is_none() {
        "accounts-status-none"
    } else if p.disabled == Some(true) {
        "accounts-status-disabled"
    } else {
        "accounts-status-active"
    };
    AccountRow {
        person: p.person_id,
        name: name.sortable(),
        account: p.account_id,
        username: p.username.unwrap_or_default(),
        methods,
        last_sign_in: p
            .last_sign_in_at
            .map(|t| page.when(t))
            .unwrap_or_else(|| page.t("accounts-never")),
        status: page.t(status),
        disabled: p.disabled == Some(true),
        sessions: p.sessions,
        invitable,
    }
}

/// `GET /admin/accounts?q=`
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<AccountsQuery>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let actor = ctx.actor()?;
    let search: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_SEARCH).collect();
    let found = manage::search(&state, &actor, &search).await?;
    let people: Vec<Uuid> = found.iter().map(|f| f.person.person_id).collect();
    let guardians = ssp_db::repo::invitations::guardians_among(state.db(), actor.district, &people).await?;
    let page = Page::new(&ctx, "accounts-title");
    let rows = found.into_iter().map(|f| row(&page, f, &guardians)).collect();
    let notice = match (q.done.as_deref(), q.prepared.as_deref()) {
        (_, Some(n)) => Some(page.t1("accounts-prepared", "count", n.parse::<i64>().unwrap_or(0))),
        (Some(d @ ("disable" | "enable" | "end-sessions" | "invite")), _) => {
            Some(page.t(&format!("accounts-done-{d}")))
        }
        _ => None,
    };
    let html = render(&AccountsPage {
        q: search.clone(),
        searched: !search.is_empty(),
        rows,
        notice,
        page,
    })?;
    Ok((StatusCode::OK, html).into_response())
}

#[derive(Deserialize)]
pub struct ActionForm {
    #[serde(default)]
    action: String,
    #[serde(default)]
    q: String,
}

fn back(q: &str, key: &str, value: &str) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    if !q.trim().is_empty() {
        query.append_pair("q", q.trim());
    }
    query.append_pair(key, value);
    format!("/admin/accounts?{}", query.finish())
}

/// `POST /admin/accounts/{account}` with `action=disable|enable|end-sessions`.
pub async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(account): Path<String>,
    Form(form): Form<ActionForm>,
) -> Result<Response, AppError> {
    ctx.district_admin()?;
    let actor = ctx.actor()?;
    let account = Uuid::parse_str(&account).map_err(|_| AppError::NotFound)?;
    if form.action == "invite" {
        return resend_invitation(&state, &ctx, &actor, AccountId(account), &form.q).await;
    }
    let action = AccountAction::parse(&form.action).ok_or(AppError::BadRequest("unknown_action"))?;
    manage::act(&state, &actor, AccountId(account), action).await?;
    Ok(Redirect::to(&back(&form.q, "done", &form.action)).into_response())
}

/// `action=invite`: the guardian's invitation again, by email (or, with no
/// email server, the link shown here to pass on). A refusal (already
/// joined, no address) is shown on the page in the reader's language.
async fn resend_invitation(
    state: &AppState,
    ctx: &Ctx,
    actor: &ssp_app::Actor,
    account: AccountId,
    q: &str,
) -> Result<Response, AppError> {
    let mail = crate::mail_jobs::mail(state);
    let message = match ssp_app::accounts::invitations::resend_for_account(state.app(), &mail, actor, account).await {
        Ok(i) if i.emailed => return Ok(Redirect::to(&back(q, "done", "invite")).into_response()),
        Ok(i) => crate::i18n::t_args(
            ctx.lang,
            "accounts-invite-link",
            &[("link", i.link.unwrap_or_default())],
        ),
        Err(ssp_app::Error::Invalid(p)) => crate::ui::auth::error_message(ctx.lang, p.code),
        Err(ssp_app::Error::Conflict(c)) => crate::ui::auth::error_message(ctx.lang, c),
        Err(e) => return Err(e.into()),
    };
    let search: String = q.trim().chars().take(MAX_SEARCH).collect();
    let found = manage::search(state, actor, &search).await?;
    let people: Vec<Uuid> = found.iter().map(|f| f.person.person_id).collect();
    let guardians = ssp_db::repo::invitations::guardians_among(state.db(), actor.district, &people).await?;
    let page = Page::new(ctx, "accounts-title");
    let rows = found.into_iter().map(|f| row(&page, f, &guardians)).collect();
    let html = render(&AccountsPage {
        q: search.clone(),
        searched: !search.is_empty(),
        rows,
        notice: Some(message),
        page,
    })?;
    Ok((StatusCode::OK, html).into_response())
}

/// `POST /admin/accounts/prepare`: accounts for rostered people who have none.
pub async fn prepare(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<ActionForm>,
) -> Result<Response, AppError> {
    let session = ctx.district_admin()?;
    let by = PreparedBy {
        person: Some(session.person_id),
        request_id: Some(ctx.request_id.0.clone()),
    };
    let n = prepare::prepare(&state, session.district_id, &by, &Default::default()).await?;
    Ok(Redirect::to(&back(&form.q, "prepared", &n.to_string())).into_response())
}
