//! Signing in through a district's identity provider (OpenID Connect):
//! `providers` (an administrator configures them), `oidc` (discovery,
//! the authorization request, the code exchange and the ID token checks,
//! through the `openidconnect` crate), `sso` (the two halves of a sign-in:
//! start and callback, matching the token to a rostered person and linking
//! the account). Password sign-in lives in the web layer's `auth/`.

pub mod oidc;
pub mod providers;
pub mod sso;
