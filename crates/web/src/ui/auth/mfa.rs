//! The second factor: the code step after a right password, enrolment
//! (required by the district, or chosen on the account page) with the
//! otpauth URI as text and as a QR code drawn as inline SVG, and the
//! recovery codes shown once.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use ssp_app::accounts::mfa;
use ssp_db::repo::credentials::{self, AccountRow};
use ssp_domain::{AccountId, OrgId, PersonId};

use super::error_message;
use crate::auth::service;
use crate::auth::token;
use crate::context::{Ctx, SESSION_COOKIE};
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::pages::{render, Page};

pub const MFA_COOKIE: &str = "ssp_mfa";

#[derive(Template)]
#[template(path = "mfa_code.html")]
struct CodePage {
    page: Page,
    error: Option<String>,
}

#[derive(Template)]
#[template(path = "mfa_enrol.html")]
struct EnrolPage {
    page: Page,
    action: &'static str,
    /// Only on the account page: the secret travels in the form.
    secret_field: Option<String>,
    secret: String,
    uri: String,
    qr_svg: String,
    error: Option<String>,
    enabled: bool,
    codes_left: i64,
}

#[derive(Template)]
#[template(path = "mfa_recovery.html")]
struct RecoveryPage {
    page: Page,
    codes: Vec<String>,
    next: &'static str,
}

#[derive(Deserialize)]
pub struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    secret: String,
}

/// The challenge behind the `ssp_mfa` cookie, if live, with its account.
async fn challenge(
    state: &AppState,
    jar: &CookieJar,
) -> Result<Option<(String, credentials::Challenge, AccountRow)>, AppError> {
    let Some(c) = jar.get(MFA_COOKIE) else { return Ok(None) };
    if !token::looks_valid(c.value()) {
        return Ok(None);
    }
    let hash = token::hash(c.value());
    let Some(ch) = credentials::challenge(state.db(), &hash).await? else {
        return Ok(None);
    };
    if state.now() - ch.created_at > mfa::CHALLENGE_LIFETIME || ch.attempts >= mfa::MAX_ATTEMPTS {
        return Ok(None);
    }
    let Some(a) = credentials::account(state.db(), AccountId(ch.account_id)).await? else {
        return Ok(None);
    };
    if a.disabled || !a.person_active {
        return Ok(None);
    }
    Ok(Some((hash, ch, a)))
}

fn restart(state: &AppState, jar: CookieJar) -> Response {
    let jar = jar.add(state.removal_cookie(MFA_COOKIE));
    (jar, Redirect::to("/sign-in?done=mfa-restart")).into_response()
}

/// Counts a wrong code; at the limit the sign-in starts over.
async fn wrong_code(state: &AppState, hash: &str, ch: &credentials::Challenge) -> Result<bool, AppError> {
    let mut tx = state.db().begin().await?;
    if ch.attempts + 1 >= mfa::MAX_ATTEMPTS {
        credentials::delete_challenge(&mut tx, hash).await?;
        tx.commit().await?;
        return Ok(true);
    }
    credentials::count_challenge_attempt(&mut tx, hash).await?;
    tx.commit().await?;
    Ok(false)
}

/// Ends the challenge and opens the session.
async fn finish(
    state: &AppState,
    ctx: &Ctx,
    jar: CookieJar,
    hash: &str,
    a: &AccountRow,
) -> Result<CookieJar, AppError> {
    let previous = jar.get(SESSION_COOKIE).map(|c| c.value().to_owned());
    let now = state.now();
    let mut tx = state.db().begin().await?;
    credentials::delete_challenge(&mut tx, hash).await?;
    let session = service::open_session(
        &mut tx,
        AccountId(a.id),
        PersonId(a.person_id),
        OrgId(a.district_id),
        previous.as_deref(),
        now,
        &ctx.request_id.0,
    )
    .await?;
    tx.commit().await?;
    Ok(jar
        .add(state.removal_cookie(MFA_COOKIE))
        .add(state.cookie(SESSION_COOKIE, session)))
}

pub async fn code_form(State(state): State<AppState>, ctx: Ctx, jar: CookieJar) -> Result<Response, AppError> {
    if challenge(&state, &jar).await?.is_none() {
        return Ok(restart(&state, jar));
    }
    render(&CodePage {
        page: Page::new(&ctx, "mfa-code-title"),
        error: None,
    })
}

pub async fn code_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let Some((hash, ch, a)) = challenge(&state, &jar).await? else {
        return Ok(restart(&state, jar));
    };
    if a.totp_enabled_at.is_none() {
        return Ok(Redirect::to("/sign-in/enrol").into_response());
    }
    if form.code.len() <= 64 && mfa::verify(state.app(), &a, &form.code, &ctx.request_id.0).await? {
        let jar = finish(&state, &ctx, jar, &hash, &a).await?;
        return Ok((jar, Redirect::to("/")).into_response());
    }
    if wrong_code(&state, &hash, &ch).await? {
        return Ok(restart(&state, jar));
    }
    let page = Page::new(&ctx, "mfa-code-title");
    let error = Some(error_message(page.lang, "mfa_code_wrong"));
    let html = render(&CodePage { page, error })?;
    Ok((StatusCode::UNAUTHORIZED, html).into_response())
}

/// The QR code of an otpauth URI as an inline SVG (no request leaves the page).
fn qr_svg(uri: &str) -> String {
    match qrcode::QrCode::new(uri.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}

fn enrol_page(
    ctx: &Ctx,
    action: &'static str,
    account: &AccountRow,
    secret: &str,
    secret_in_form: bool,
    error: Option<String>,
) -> Result<EnrolPage, AppError> {
    let uri = mfa::otpauth_uri(secret, &account.username)?;
    Ok(EnrolPage {
        page: Page::new(ctx, "mfa-enrol-title"),
        action,
        secret_field: secret_in_form.then(|| secret.to_owned()),
        secret: secret.to_owned(),
        qr_svg: qr_svg(&uri),
        uri,
        error,
        enabled: false,
        codes_left: 0,
    })
}

pub async fn enrol_form(State(state): State<AppState>, ctx: Ctx, jar: CookieJar) -> Result<Response, AppError> {
    let Some((_, ch, a)) = challenge(&state, &jar).await? else {
        return Ok(restart(&state, jar));
    };
    let Some(secret) = ch.pending_secret else {
        return Ok(Redirect::to("/sign-in/code").into_response());
    };
    render(&enrol_page(&ctx, "/sign-in/enrol", &a, &secret, false, None)?)
}

pub async fn enrol_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let Some((hash, ch, a)) = challenge(&state, &jar).await? else {
        return Ok(restart(&state, jar));
    };
    let Some(secret) = ch.pending_secret.clone() else {
        return Ok(Redirect::to("/sign-in/code").into_response());
    };
    match mfa::enrol(state.app(), &a, &secret, &form.code, &ctx.request_id.0).await {
        Ok(codes) => {
            let jar = finish(&state, &ctx, jar, &hash, &a).await?;
            let html = render(&RecoveryPage {
                page: Page::new(&ctx, "mfa-recovery-title"),
                codes,
                next: "/",
            })?;
            Ok((jar, html).into_response())
        }
        Err(ssp_app::Error::Invalid(p)) => {
            if wrong_code(&state, &hash, &ch).await? {
                return Ok(restart(&state, jar));
            }
            let error = Some(error_message(ctx.lang, p.code));
            let html = render(&enrol_page(&ctx, "/sign-in/enrol", &a, &secret, false, error)?)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// The account page's two-factor section: status, or enrolment.
pub async fn account_form(State(state): State<AppState>, ctx: Ctx) -> Result<Response, AppError> {
    let s = ctx.session()?;
    let a = credentials::account(state.db(), s.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if a.totp_enabled_at.is_some() {
        let left = credentials::recovery_codes_left(state.db(), s.account_id).await?;
        return render(&EnrolPage {
            page: Page::new(&ctx, "mfa-enrol-title"),
            action: "/account/two-factor",
            secret_field: None,
            secret: String::new(),
            uri: String::new(),
            qr_svg: String::new(),
            error: None,
            enabled: true,
            codes_left: left,
        });
    }
    let secret = mfa::new_secret();
    render(&enrol_page(&ctx, "/account/two-factor", &a, &secret, true, None)?)
}

pub async fn account_submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<CodeForm>,
) -> Result<Response, AppError> {
    let s = ctx.session()?;
    let a = credentials::account(state.db(), s.account_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if a.totp_enabled_at.is_some() {
        return Ok(Redirect::to("/account/two-factor").into_response());
    }
    // The secret came back from the form the person scanned; it must look
    // like one of ours (32 base32 characters, 160 bits).
    let secret = form.secret.trim().to_owned();
    if secret.len() != 32
        || !secret
            .bytes()
            .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
    {
        return Err(AppError::BadRequest("bad_request"));
    }
    match mfa::enrol(state.app(), &a, &secret, &form.code, &ctx.request_id.0).await {
        Ok(codes) => render(&RecoveryPage {
            page: Page::new(&ctx, "mfa-recovery-title"),
            codes,
            next: "/account/two-factor",
        }),
        Err(ssp_app::Error::Invalid(p)) => {
            let error = Some(error_message(ctx.lang, p.code));
            let html = render(&enrol_page(&ctx, "/account/two-factor", &a, &secret, true, error)?)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, html).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
