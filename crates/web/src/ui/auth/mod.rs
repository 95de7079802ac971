//! Signing in and out, and what stands around a password: the second
//! factor, reset by email, accepting an invitation, changing one's own
//! password.

pub mod invitation;
pub mod mfa;
pub mod password;
pub mod reset;
pub mod sign_in;
pub mod sso;

use axum::routing::{get, post};
use axum::Router;

use crate::i18n;
use crate::state::AppState;
use ssp_domain::Language;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sign-in", get(sign_in::show).post(sign_in::submit))
        .route("/sign-out", post(sign_in::sign_out))
        .route("/sign-in/sso/callback", get(sso::callback))
        .route("/sign-in/sso/{provider}", get(sso::start))
        .route("/sign-in/code", get(mfa::code_form).post(mfa::code_submit))
        .route("/sign-in/enrol", get(mfa::enrol_form).post(mfa::enrol_submit))
        .route("/account/two-factor", get(mfa::account_form).post(mfa::account_submit))
        .route("/account/password", get(password::show).post(password::submit))
        .route("/password/forgot", get(reset::forgot_form).post(reset::forgot_submit))
        .route(
            "/password/reset/{token}",
            get(reset::reset_form).post(reset::reset_submit),
        )
        .route("/invitation", get(invitation::code_form).post(invitation::code_submit))
        .route(
            "/invitation/{token}",
            get(invitation::accept_form).post(invitation::accept_submit),
        )
}

/// The message for a use case's refusal code (`error-<code>`).
pub(crate) fn error_message(lang: Language, code: &str) -> String {
    i18n::t(lang, &format!("error-{}", code.replace('_', "-")))
}
