//! The OpenID Connect client: discovery, the authorization URL (code flow
//! with PKCE, `state` and `nonce`), the code exchange, and the ID token's
//! signature, issuer, audience, expiry and nonce checks — all by the
//! `openidconnect` crate. Every call to the provider is timed, so the
//! callback can report the server's own time without the provider's.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    RedirectUrl, Scope, TokenResponse,
};
use ssp_db::repo::identity_providers::IdentityProvider;

/// Time allowed for each call to a provider.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// Why a call to the provider or a token check failed.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    /// Discovery, the key set or the token endpoint could not be reached or
    /// answered nonsense.
    #[error("provider unavailable: {0}")]
    Unavailable(String),
    /// The provider refused the code (expired, already used, wrong client).
    #[error("code refused: {0}")]
    CodeRefused(String),
    /// The ID token failed a check: signature, issuer, audience, expiry, nonce.
    #[error("ID token refused: {0}")]
    InvalidToken(String),
}

fn http() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            // The crate's advice against SSRF: never follow a provider's redirect.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(PROVIDER_TIMEOUT)
            .build()
            .unwrap_or_default()
    })
}

/// Sums the time spent waiting for the provider.
#[derive(Debug, Default, Clone, Copy)]
pub struct ProviderTime(pub Duration);

impl ProviderTime {
    async fn time<T>(&mut self, f: impl std::future::Future<Output = T>) -> T {
        let started = Instant::now();
        let out = f.await;
        self.0 += started.elapsed();
        out
    }
}

/// What the start of a sign-in keeps on the server and sends the browser to.
#[derive(Debug)]
pub struct Authorization {
    pub url: url::Url,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

async fn metadata(provider: &IdentityProvider, spent: &mut ProviderTime) -> Result<CoreProviderMetadata, OidcError> {
    let issuer = IssuerUrl::new(provider.issuer_url.clone()).map_err(|e| OidcError::Unavailable(e.to_string()))?;
    // Discovery checks that the document names this issuer, and fetches the key set.
    spent
        .time(CoreProviderMetadata::discover_async(issuer, http()))
        .await
        .map_err(|e| OidcError::Unavailable(error_chain(&e)))
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        out.push_str(": ");
        out.push_str(&s.to_string());
        cur = s.source();
    }
    out
}

/// Discovers the provider and builds its authorization URL.
pub async fn authorize(
    provider: &IdentityProvider,
    redirect: &str,
    spent: &mut ProviderTime,
) -> Result<Authorization, OidcError> {
    let meta = metadata(provider, spent).await?;
    let redirect = RedirectUrl::new(redirect.to_owned()).map_err(|e| OidcError::Unavailable(e.to_string()))?;
    let client = CoreClient::from_provider_metadata(
        meta,
        ClientId::new(provider.client_id.clone()),
        Some(ClientSecret::new(provider.client_secret.clone())),
    )
    .set_redirect_uri(redirect);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, state, nonce) = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".to_owned()))
        .add_scope(Scope::new("profile".to_owned()))
        .set_pkce_challenge(challenge)
        .url();
    Ok(Authorization {
        url,
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    })
}

/// The checked ID token: its subject and every claim it carries.
#[derive(Debug)]
pub struct VerifiedIdentity {
    pub subject: String,
    pub claims: serde_json::Map<String, serde_json::Value>,
}

impl VerifiedIdentity {
    /// A claim as text (strings as they are, numbers written out).
    pub fn claim(&self, name: &str) -> Option<String> {
        match self.claims.get(name)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }
}

/// Exchanges the code (with the PKCE verifier) and checks the ID token.
pub async fn exchange(
    provider: &IdentityProvider,
    redirect: &str,
    code: &str,
    pkce_verifier: &str,
    nonce: &str,
    spent: &mut ProviderTime,
) -> Result<VerifiedIdentity, OidcError> {
    let meta = metadata(provider, spent).await?;
    let redirect = RedirectUrl::new(redirect.to_owned()).map_err(|e| OidcError::Unavailable(e.to_string()))?;
    let client = CoreClient::from_provider_metadata(
        meta,
        ClientId::new(provider.client_id.clone()),
        Some(ClientSecret::new(provider.client_secret.clone())),
    )
    .set_redirect_uri(redirect);
    let request = client
        .exchange_code(AuthorizationCode::new(code.to_owned()))
        .map_err(|e| OidcError::Unavailable(e.to_string()))?
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()));
    let response = spent.time(request.request_async(http())).await.map_err(|e| match e {
        openidconnect::RequestTokenError::ServerResponse(r) => OidcError::CodeRefused(r.error().to_string()),
        other => OidcError::Unavailable(error_chain(&other)),
    })?;
    let id_token = response
        .id_token()
        .ok_or_else(|| OidcError::InvalidToken("no ID token in the response".to_owned()))?;
    let verifier = client.id_token_verifier();
    let checked = id_token
        .claims(&verifier, &Nonce::new(nonce.to_owned()))
        .map_err(|e| OidcError::InvalidToken(error_chain(&e)))?;
    let subject = checked.subject().as_str().to_owned();
    // The signature is checked, so the payload can be read for the claims
    // the core types do not name (a roster `sourcedId`, Clever's `sis_id`…).
    let mut claims = id_token
        .to_string()
        .split('.')
        .nth(1)
        .and_then(|p| URL_SAFE_NO_PAD.decode(p).ok())
        .and_then(|b| serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&b).ok())
        .unwrap_or_default();
    if let Some(email) = checked.email() {
        claims.insert("email".to_owned(), serde_json::Value::String(email.as_str().to_owned()));
    }
    if let Some(v) = checked.email_verified() {
        claims.insert("email_verified".to_owned(), serde_json::Value::Bool(v));
    }
    Ok(VerifiedIdentity { subject, claims })
}
