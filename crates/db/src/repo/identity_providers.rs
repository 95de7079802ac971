//! Single sign-on: a district's OpenID Connect providers, the sign-ins under
//! way (one row per `state`, taken once), the identities linked to accounts,
//! and finding the rostered person a provider's claim names.

use sqlx::FromRow;
use ssp_domain::sign_in::{MatchField, NewIdentityProvider};
use ssp_domain::{AccountId, OrgId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::{with_reader, with_tx, Db, DbError, Tx};

/// A provider with its secret, for the sign-in flow only.
#[derive(Clone, FromRow)]
pub struct IdentityProvider {
    pub id: Uuid,
    pub district_id: Uuid,
    pub name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: String,
    pub match_field: String,
    pub match_claim: String,
    pub enabled: bool,
}

// The secret never reaches a log line through `{:?}`.
impl std::fmt::Debug for IdentityProvider {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IdentityProvider")
            .field("id", &self.id)
            .field("district_id", &self.district_id)
            .field("name", &self.name)
            .field("issuer_url", &self.issuer_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<hidden>")
            .field("match_field", &self.match_field)
            .field("match_claim", &self.match_claim)
            .finish()
    }
}

impl IdentityProvider {
    pub fn match_field(&self) -> MatchField {
        MatchField::parse(&self.match_field).unwrap_or(MatchField::Email)
    }
}

/// A provider as the admin page lists it: no secret.
#[derive(Debug, Clone, FromRow)]
pub struct ProviderSummary {
    pub id: Uuid,
    pub name: String,
    pub issuer_url: String,
    pub client_id: String,
    pub match_field: String,
    pub match_claim: String,
    pub enabled: bool,
    /// Accounts linked through it.
    pub links: i64,
}

/// A "Sign in with …" button.
#[derive(Debug, Clone, FromRow)]
pub struct ProviderButton {
    pub id: Uuid,
    pub name: String,
}

pub async fn insert(
    tx: &mut Tx,
    id: Uuid,
    district: OrgId,
    p: &NewIdentityProvider,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql =
        "INSERT INTO identity_providers (id, district_id, name, issuer_url, client_id, client_secret, match_field, \
               match_claim, enabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, TRUE, $9, $9)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(id)
        .bind(district.0)
        .bind(&p.name)
        .bind(&p.issuer_url)
        .bind(&p.client_id)
        .bind(&p.client_secret)
        .bind(p.match_field.as_str())
        .bind(&p.match_claim)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// Removes a provider of `district` (its links and sign-ins under way go
/// with it). False when it is not one of the district's.
pub async fn delete(tx: &mut Tx, district: OrgId, id: Uuid) -> Result<bool, DbError> {
    let n = with_tx!(tx, |c| {
        sqlx::query("DELETE FROM identity_links WHERE provider_id = (SELECT id FROM identity_providers WHERE id = $1 AND district_id = $2)")
            .bind(id)
            .bind(district.0)
            .execute(&mut *c)
            .await?;
        sqlx::query("DELETE FROM sso_logins WHERE provider_id = (SELECT id FROM identity_providers WHERE id = $1 AND district_id = $2)")
            .bind(id)
            .bind(district.0)
            .execute(&mut *c)
            .await?;
        sqlx::query("DELETE FROM identity_providers WHERE id = $1 AND district_id = $2")
            .bind(id)
            .bind(district.0)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(n > 0)
}

pub async fn get(db: &Db, id: Uuid) -> Result<Option<IdentityProvider>, DbError> {
    let sql = "SELECT id, district_id, name, issuer_url, client_id, client_secret, match_field, match_claim, enabled \
               FROM identity_providers WHERE id = $1";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

pub async fn list_for_district(db: &Db, district: OrgId) -> Result<Vec<ProviderSummary>, DbError> {
    let sql = "SELECT ip.id, ip.name, ip.issuer_url, ip.client_id, ip.match_field, ip.match_claim, ip.enabled, \
                      (SELECT COUNT(*) FROM identity_links l WHERE l.provider_id = ip.id) AS links \
               FROM identity_providers ip WHERE ip.district_id = $1 ORDER BY ip.name, ip.id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql)
        .bind(district.0)
        .fetch_all(p)
        .await)?)
}

/// Every enabled provider, for the sign-in page (which does not know the
/// visitor's district yet).
pub async fn buttons(db: &Db) -> Result<Vec<ProviderButton>, DbError> {
    let sql = "SELECT id, name FROM identity_providers WHERE enabled = TRUE ORDER BY name, id";
    Ok(with_reader!(db, |p| sqlx::query_as(sql).fetch_all(p).await)?)
}

/// A sign-in under way, as the callback finds it.
#[derive(Debug, Clone, FromRow)]
pub struct PendingLogin {
    pub provider_id: Uuid,
    pub nonce: String,
    pub pkce_verifier: String,
    pub expires_at: OffsetDateTime,
}

pub async fn insert_login(
    tx: &mut Tx,
    state_hash: &str,
    provider: Uuid,
    nonce: &str,
    pkce_verifier: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO sso_logins (state_hash, provider_id, nonce, pkce_verifier, created_at, expires_at) \
               VALUES ($1, $2, $3, $4, $5, $6)";
    with_tx!(tx, |c| {
        // Sign-ins nobody finished are dropped as new ones start.
        sqlx::query("DELETE FROM sso_logins WHERE expires_at < $1")
            .bind(now)
            .execute(&mut *c)
            .await?;
        sqlx::query(sql)
            .bind(state_hash)
            .bind(provider)
            .bind(nonce)
            .bind(pkce_verifier)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *c)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Takes the sign-in with this state: it is deleted in the same statement,
/// so a second callback with the same state finds nothing.
pub async fn take_login(tx: &mut Tx, state_hash: &str) -> Result<Option<PendingLogin>, DbError> {
    let sql = "DELETE FROM sso_logins WHERE state_hash = $1 RETURNING provider_id, nonce, pkce_verifier, expires_at";
    Ok(with_tx!(tx, |c| sqlx::query_as(sql)
        .bind(state_hash)
        .fetch_optional(&mut *c)
        .await)?)
}

/// The account an identity was linked to.
pub async fn linked_account(tx: &mut Tx, provider: Uuid, subject: &str) -> Result<Option<Uuid>, DbError> {
    let sql = "SELECT account_id FROM identity_links WHERE provider_id = $1 AND subject = $2";
    Ok(with_tx!(tx, |c| sqlx::query_scalar(sql)
        .bind(provider)
        .bind(subject)
        .fetch_optional(&mut *c)
        .await)?)
}

pub async fn link(
    tx: &mut Tx,
    provider: Uuid,
    subject: &str,
    account: AccountId,
    now: OffsetDateTime,
) -> Result<(), DbError> {
    let sql = "INSERT INTO identity_links (provider_id, subject, account_id, created_at, last_used_at) \
               VALUES ($1, $2, $3, $4, $4)";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(provider)
        .bind(subject)
        .bind(account.0)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

pub async fn touch_link(tx: &mut Tx, provider: Uuid, subject: &str, now: OffsetDateTime) -> Result<(), DbError> {
    let sql = "UPDATE identity_links SET last_used_at = $3 WHERE provider_id = $1 AND subject = $2";
    with_tx!(tx, |c| sqlx::query(sql)
        .bind(provider)
        .bind(subject)
        .bind(now)
        .execute(&mut *c)
        .await
        .map(|r| r.rows_affected()))?;
    Ok(())
}

/// A person of the district that a provider's claim may name.
#[derive(Debug, Clone, FromRow)]
pub struct RosteredPerson {
    pub person_id: Uuid,
    pub person_active: bool,
    pub account_id: Option<Uuid>,
    pub account_disabled: Option<bool>,
}

const ROSTERED: &str = "SELECT p.id AS person_id, (p.status = 'active') AS person_active, a.id AS account_id, \
                               a.disabled AS account_disabled \
                        FROM persons p LEFT JOIN accounts a ON a.person_id = p.id ";

/// The district's people whose `field` is `value` (at most a few: more than
/// one is an ambiguity the caller refuses).
pub async fn rostered_people(
    tx: &mut Tx,
    district: Uuid,
    field: MatchField,
    value: &str,
) -> Result<Vec<RosteredPerson>, DbError> {
    let sql = match field {
        MatchField::Email => format!("{ROSTERED} WHERE p.district_id = $1 AND lower(p.email) = $2 LIMIT 3"),
        MatchField::SourcedId => format!("{ROSTERED} WHERE p.district_id = $1 AND p.source_id = $2 LIMIT 3"),
        MatchField::Identifier => format!(
            "{ROSTERED} JOIN students s ON s.person_id = p.id WHERE s.district_id = $1 AND s.local_id = $2 LIMIT 3"
        ),
    };
    let value = match field {
        MatchField::Email => value.trim().to_lowercase(),
        _ => value.trim().to_owned(),
    };
    Ok(with_tx!(tx, |c| sqlx::query_as(&sql)
        .bind(district)
        .bind(value)
        .fetch_all(&mut *c)
        .await)?)
}

/// An identity linked to an account, for the accounts page.
#[derive(Debug, Clone, FromRow)]
pub struct LinkedIdentity {
    pub account_id: Uuid,
    pub provider: String,
    pub last_used_at: OffsetDateTime,
}

pub async fn links_of(db: &Db, accounts: &[Uuid]) -> Result<Vec<LinkedIdentity>, DbError> {
    if accounts.is_empty() {
        return Ok(Vec::new());
    }
    Ok(with_reader!(db, |p| {
        let mut qb = sqlx::QueryBuilder::new(
            "SELECT l.account_id, ip.name AS provider, l.last_used_at FROM identity_links l \
             JOIN identity_providers ip ON ip.id = l.provider_id WHERE l.account_id IN (",
        );
        let mut list = qb.separated(", ");
        for id in accounts {
            list.push_bind(*id);
        }
        list.push_unseparated(") ORDER BY ip.name");
        qb.build_query_as().fetch_all(p).await
    })?)
}
