//! The request context: request id, the signed-in session (if any) and the
//! page language, resolved once per request and handed to handlers through
//! the [`Ctx`] extractor.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use ssp_db::repo::people::{self, ActorFacts};
use ssp_db::repo::sessions;
use ssp_domain::access::ActorStanding;
use ssp_domain::person::PersonName;
use ssp_domain::StaffRole;
use ssp_domain::{AccountId, Language, OrgId, PersonId};
use time::Duration;

use crate::auth::token;
use crate::error::AppError;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "ssp_session";
pub const CSRF_COOKIE: &str = "ssp_csrf";
pub const LANG_COOKIE: &str = "ssp_lang";

/// Touch a session's idle clock at most this often.
const TOUCH_EVERY: Duration = Duration::seconds(60);

#[derive(Debug, Clone, Default)]
pub struct RequestId(pub String);

/// The language a response was made for, so the error-page layer can use
/// a signed-in person's choice.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedLang(pub Language);

/// The request's context, handed back on the response so an error page
/// keeps the site header, navigation, sign-out and language menu.
#[derive(Debug, Clone)]
pub struct ResolvedCtx(pub Ctx);

/// A live signed-in session.
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: String,
    pub account_id: AccountId,
    pub person_id: PersonId,
    pub district_id: OrgId,
    pub csrf_token: String,
    pub name: PersonName,
    /// The district's time zone (IANA name), if it chose one.
    pub time_zone: Option<String>,
    /// Staff assignments and family roles, for navigation and home pages.
    pub facts: ActorFacts,
}

impl Session {
    pub fn staff_roles(&self) -> Vec<StaffRole> {
        self.facts
            .staff
            .iter()
            .filter_map(|f| StaffRole::parse(&f.role).ok())
            .collect()
    }

    pub fn is_staff(&self) -> bool {
        !self.facts.staff.is_empty()
    }

    pub fn is_district_admin(&self) -> bool {
        self.staff_roles().contains(&StaffRole::DistrictAdmin)
    }

    /// The standing the list scope is computed from.
    pub fn standing(&self) -> ActorStanding {
        ActorStanding {
            person: Some(self.person_id),
            is_student: self.facts.is_student,
            is_guardian: self.facts.is_guardian,
            staff: self
                .facts
                .staff
                .iter()
                .filter_map(|f| StaffRole::parse(&f.role).ok().map(|r| (r, OrgId(f.org_id))))
                .collect(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Ctx {
    pub request_id: RequestId,
    pub lang: Language,
    pub session: Option<Arc<Session>>,
    /// The CSRF token of a visitor who is not signed in (double-submit
    /// cookie), used by the sign-in and language forms.
    pub anon_csrf: String,
    /// Path and query of this request, for "come back here" links.
    pub path: String,
}

impl Ctx {
    /// The token forms must echo back.
    pub fn csrf_token(&self) -> &str {
        match &self.session {
            Some(s) => &s.csrf_token,
            None => &self.anon_csrf,
        }
    }

    pub fn session(&self) -> Result<&Session, AppError> {
        self.session.as_deref().ok_or(AppError::SignInRequired)
    }

    /// The session of a district administrator, for the admin pages:
    /// signed out → the sign-in page; anyone else → 404, so the page's
    /// existence is not revealed.
    pub fn district_admin(&self) -> Result<&Session, AppError> {
        let session = self.session()?;
        if session.is_district_admin() {
            Ok(session)
        } else {
            Err(AppError::NotFound)
        }
    }

    /// As [`Ctx::district_admin`], for the JSON API: signed out → 401.
    pub fn api_district_admin(&self) -> Result<&Session, AppError> {
        let session = self.session().map_err(|_| AppError::Unauthenticated)?;
        if session.is_district_admin() {
            Ok(session)
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The signed-in person as the use cases see them.
    pub fn actor(&self) -> Result<ssp_app::Actor, AppError> {
        let s = self.session()?;
        Ok(ssp_app::Actor {
            person: s.person_id,
            district: s.district_id,
            request_id: self.request_id.0.clone(),
        })
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::Internal(anyhow::anyhow!("request context layer missing")))
    }
}

/// Assigns the request id (never trusting one sent by the client).
pub async fn assign_request_id(mut req: Request, next: Next) -> Response {
    let id = uuid::Uuid::now_v7().to_string();
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut res = next.run(req).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert("x-request-id", v);
    }
    res
}

/// The language from the `ssp_lang` cookie or `Accept-Language`, for
/// visitors who are not signed in.
pub fn language_from_headers(headers: &HeaderMap) -> Language {
    let jar = CookieJar::from_headers(headers);
    jar.get(LANG_COOKIE)
        .and_then(|c| Language::parse(c.value()).ok())
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
        })
        .unwrap_or_default()
}

/// Loads the session and language and puts a [`Ctx`] into the request.
pub async fn load_context(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(req.headers());
    let request_id = req.extensions().get::<RequestId>().cloned().unwrap_or_default();
    let mut set_cookies: Vec<Cookie<'static>> = Vec::new();

    let mut session = None;
    let mut ui_language = None;
    if let Some(c) = jar.get(SESSION_COOKIE) {
        let hash = token::hash(c.value());
        match sessions::find(state.db(), &hash).await {
            Ok(Some(row)) => {
                let now = state.now();
                let live = state.config().session.is_live(row.created_at, row.last_seen_at, now);
                if live && !row.disabled {
                    if now - row.last_seen_at >= TOUCH_EVERY {
                        if let Err(e) = sessions::touch(state.db(), &hash, now).await {
                            tracing::warn!(request_id = %request_id.0, error = %e, "could not touch session");
                        }
                    }
                    ui_language = row.ui_language.as_deref().and_then(|l| Language::parse(l).ok());
                    let facts = match people::actor_facts(state.db(), PersonId(row.person_id)).await {
                        Ok(f) => f,
                        Err(e) => {
                            tracing::error!(request_id = %request_id.0, error = %e, "actor lookup failed");
                            return AppError::Unavailable.into_response_with_lang(language_from_headers(req.headers()));
                        }
                    };
                    session = Some(Arc::new(Session {
                        facts,
                        token_hash: hash,
                        account_id: AccountId(row.account_id),
                        person_id: PersonId(row.person_id),
                        district_id: OrgId(row.district_id),
                        csrf_token: row.csrf_token,
                        time_zone: row.time_zone,
                        name: PersonName {
                            given: row.given_name,
                            family: row.family_name,
                            preferred: row.preferred_name,
                        },
                    }));
                } else {
                    if let Err(e) = crate::auth::service::end_session(&state, &hash).await {
                        tracing::warn!(request_id = %request_id.0, error = %e, "could not end expired session");
                    }
                    set_cookies.push(state.removal_cookie(SESSION_COOKIE));
                }
            }
            Ok(None) => set_cookies.push(state.removal_cookie(SESSION_COOKIE)),
            Err(e) => {
                tracing::error!(request_id = %request_id.0, error = %e, "session lookup failed");
                let mut res = AppError::Unavailable.into_response_with_lang(language_from_headers(req.headers()));
                res.extensions_mut().insert(request_id);
                return res;
            }
        }
    }

    let lang = ui_language.unwrap_or_else(|| language_from_headers(req.headers()));
    let anon_csrf = match jar.get(CSRF_COOKIE).map(|c| c.value().to_owned()) {
        Some(v) if token::looks_valid(&v) => v,
        _ => {
            let v = token::random();
            if session.is_none() {
                let mut c = Cookie::new(CSRF_COOKIE, v.clone());
                c.set_http_only(true);
                c.set_same_site(SameSite::Strict);
                c.set_path("/");
                c.set_secure(state.config().secure_cookies());
                set_cookies.push(c);
            }
            v
        }
    };
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "/".into());
    let ctx = Ctx {
        request_id,
        lang,
        session,
        anon_csrf,
        path,
    };
    req.extensions_mut().insert(ctx.clone());
    let mut res = next.run(req).await;
    if res.status().is_client_error() || res.status().is_server_error() {
        res.extensions_mut().insert(ResolvedCtx(ctx));
    }
    for c in set_cookies {
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res.extensions_mut().insert(ResolvedLang(lang));
    res
}

impl AppError {
    fn into_response_with_lang(self, lang: Language) -> Response {
        let mut res = axum::response::IntoResponse::into_response(self);
        res.extensions_mut().insert(ResolvedLang(lang));
        res
    }
}
