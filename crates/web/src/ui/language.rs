//! The language switch: remembered in a cookie, and on the account for a
//! signed-in person (so it follows them to other devices).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use axum_extra::extract::CookieJar;
use serde::Deserialize;
use ssp_db::repo::accounts;
use ssp_domain::Language;
use time::Duration;

use crate::context::{Ctx, LANG_COOKIE};
use crate::error::AppError;
use crate::state::AppState;

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    return_to: String,
}

pub async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    jar: CookieJar,
    Form(form): Form<LanguageForm>,
) -> Result<Response, AppError> {
    let lang = Language::parse(&form.lang).map_err(AppError::Invalid)?;
    if let Some(session) = &ctx.session {
        let mut tx = state.db().begin().await?;
        accounts::set_ui_language(&mut tx, session.account_id, lang.code()).await?;
        tx.commit().await?;
    }
    let mut cookie = state.cookie(LANG_COOKIE, lang.code().to_owned());
    cookie.set_max_age(Duration::days(365));
    Ok((jar.add(cookie), Redirect::to(&safe_return_path(&form.return_to))).into_response())
}

/// Only a path on this site, so the form cannot be used to send people
/// elsewhere (an open redirect).
pub fn safe_return_path(raw: &str) -> String {
    let ok = raw.starts_with('/') && !raw.starts_with("//") && !raw.contains('\\') && !raw.contains(['\r', '\n']);
    if ok {
        raw.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn return_paths_stay_on_site() {
        for (raw, want) in [
            ("/", "/"),
            ("/plans?x=1", "/plans?x=1"),
            ("//evil.example", "/"),
            ("https://evil.example", "/"),
            ("/\\evil.example", "/"),
            ("", "/"),
        ] {
            assert_eq!(super::safe_return_path(raw), want, "{raw:?}");
        }
    }
}
